#!/usr/bin/env python3
"""Benchmark 2, the outbox drain, driven against a standalone Telegram sandbox.

Started by bench/run-outbox.sh, which builds, creates the database and passes BENCH_CP,
BENCH_DB, OUT. Steps:
 1. start the standalone sandbox (SandboxServer) and the app (BenchMain) wired to it by webhook;
 2. create CHATS+1 simulated users who press Start (deep link); wait until the bot's greetings
    are out, so the measurement starts from an empty outbox;
 3. queue MESSAGES messages round-robin over CHATS chats through the app's own Outbox API;
 4. URGENT_AFTER seconds later queue one HIGH priority message to the spare user's chat (a chat
    with nothing queued: per-chat FIFO would otherwise rightly keep it behind that chat's own
    messages);
 5. optionally kill -9 the app CRASH_AFTER seconds into the drain and start it again with the
    same instance id (the at-least-once window);
 6. wait for the drain; report drain time, messages/s, the busiest 1-second window (from
    telegram_outbox.sent_at), 429s and rule violations from the sandbox, the urgent message's
    wait, and duplicates as the sandbox's chats show them.
"""
import json, os, signal, subprocess, sys, time, urllib.parse, urllib.request

CP, DB, OUT = os.environ["BENCH_CP"], os.environ["BENCH_DB"], os.environ["OUT"]
MESSAGES = int(os.environ.get("MESSAGES", "10000"))
CHATS = int(os.environ.get("CHATS", "1000"))
URGENT_AFTER = float(os.environ.get("URGENT_AFTER", "10"))
CRASH_AFTER = float(os.environ.get("CRASH_AFTER", "0"))
# fraction of Bot API calls the sandbox answers with a time-out (half before, half after the effect)
FAULT_TIMEOUT_RATE = float(os.environ.get("FAULT_TIMEOUT_RATE", "0"))
REQUEST_TIMEOUT = os.environ.get("APP_REQUEST_TIMEOUT", "")
SB_PORT = int(os.environ.get("SANDBOX_PORT", "18090"))
APP_PORT = int(os.environ.get("PORT", "18081"))
TOKEN = "7000000001:AAbench-outbox-0000000000"
SECRET = "bench-outbox-secret"
PG = ["psql", "-h", os.environ.get("PGHOST", "127.0.0.1"), "-p", os.environ.get("PGPORT", "5432"),
      "-U", os.environ.get("PGUSER", "postgres"), "-d", DB, "-qtA", "-c"]
JVM = os.environ.get("BENCH_JVM_OPTS", "-Xms512m -Xmx1g").split()
report = {"messages": MESSAGES, "chats": CHATS, "crash_after_s": CRASH_AFTER or None,
          "fault_timeout_rate": FAULT_TIMEOUT_RATE or None, "app_request_timeout": REQUEST_TIMEOUT or "10s (default)"}


def log(*args):
    print(time.strftime("[%H:%M:%S]"), *args, file=sys.stderr, flush=True)


def http(method, url, body=None, form=None):
    data, headers = None, {}
    if body is not None:
        data, headers = json.dumps(body).encode(), {"Content-Type": "application/json"}
    if form is not None:
        data, headers = urllib.parse.urlencode(form).encode(), {"Content-Type": "application/x-www-form-urlencoded"}
    req = urllib.request.Request(url, data=data, headers=headers, method=method)
    with urllib.request.urlopen(req, timeout=600) as resp:
        text = resp.read().decode()
        return json.loads(text) if text else None


def sql(query):
    return subprocess.run(PG + [query], check=True, capture_output=True, text=True).stdout.strip()


def wait_http(url, proc, what, timeout=180):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"{what} exited early; see its log in {OUT}")
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except urllib.error.HTTPError:
            return
        except Exception:
            time.sleep(0.5)
    raise SystemExit(f"{what} did not come up")


sb = f"http://127.0.0.1:{SB_PORT}"
sandbox_log = open(os.path.join(OUT, "sandbox.log"), "w")
sandbox = subprocess.Popen(["java", "-Xms256m", "-Xmx512m", "-cp", CP, "com.b2brics.connect.sandbox.SandboxServer",
                            f"--server.port={SB_PORT}", f"--b2brics.sandbox.bot-token={TOKEN}",
                            "--logging.level.root=WARN"], stdout=sandbox_log, stderr=subprocess.STDOUT)
app = None
app_starts = 0


def start_app():
    global app, app_starts
    app_starts += 1
    env = dict(os.environ,
               TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_URL=sb,
               TELEGRAM_WEBHOOK_URL=f"http://127.0.0.1:{APP_PORT}/telegram/webhook",
               TELEGRAM_WEBHOOK_SECRET=SECRET,
               SPRING_DATASOURCE_URL=f"jdbc:postgresql://{os.environ.get('PGHOST', '127.0.0.1')}:{os.environ.get('PGPORT', '5432')}/{DB}",
               SPRING_DATASOURCE_USERNAME=os.environ.get("PGUSER", "postgres"), SPRING_DATASOURCE_PASSWORD="",
               PORT=str(APP_PORT), B2BRICS_ADMIN_PASSWORD="bench")
    out = open(os.path.join(OUT, f"app-{app_starts}.log"), "w")
    app = subprocess.Popen(["java"] + JVM + ["-cp", CP, "com.b2brics.bench.BenchMain",
                           "--b2brics.telegram.instance-id=bench-app-1"]
                           + ([f"--b2brics.telegram.request-timeout={REQUEST_TIMEOUT}"] if REQUEST_TIMEOUT else []),
                           env=env, stdout=out, stderr=subprocess.STDOUT)
    wait_http(f"http://127.0.0.1:{APP_PORT}/actuator/health", app, "the app")
    log(f"app up (pid {app.pid}, start {app_starts})")


def stop(proc):
    if proc and proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()


def drained():
    return int(sql("SELECT count(*) FROM telegram_outbox WHERE status IN ('PENDING', 'SENDING')"))


try:
    wait_http(f"{sb}/sandbox/api/bot", sandbox, "the sandbox")
    log("sandbox up on", sb)
    start_app()
    bot = http("GET", f"{sb}/sandbox/api/bot")
    username = bot.get("username")
    log("bot", username, "- creating", CHATS + 1, "users who press Start")
    users = []
    for i in range(CHATS + 1):
        uid = http("POST", f"{sb}/sandbox/api/users", {"first_name": f"Bench{i}", "language_code": "en"})["id"]
        http("POST", f"{sb}/sandbox/api/users/{uid}/open-link", {"url": f"https://t.me/{username}?start=bench"})
        users.append(uid)
    backlog_chats, urgent_chat = users[:CHATS], users[CHATS]
    started = time.time()
    while True:
        greeted = int(sql("SELECT count(*) FROM telegram_outbox WHERE status = 'SENT'"))
        if greeted >= CHATS + 1 and drained() == 0:
            break
        if time.time() - started > 900:
            raise SystemExit(f"greetings not out after 900 s ({greeted} sent)")
        time.sleep(2)
    log(f"{CHATS + 1} greetings sent in {time.time() - started:.0f} s; starting the backlog")
    report["greetings_s"] = round(time.time() - started, 1)
    time.sleep(3)  # let the bucket and the chats' pace settle
    before = http("GET", f"{sb}/sandbox/api/stats")
    first_id = int(sql("SELECT coalesce(max(id), 0) FROM telegram_outbox")) + 1

    if FAULT_TIMEOUT_RATE:
        faults = http("POST", f"{sb}/sandbox/api/faults", {"rate_timeout": FAULT_TIMEOUT_RATE, "seed": 42,
                                                           "timeout_ms": int(os.environ.get("FAULT_TIMEOUT_MS", "4000"))})
        log("sandbox faults", faults)
    t0 = time.time()
    queued = http("POST", f"http://127.0.0.1:{APP_PORT}/bench/outbox/backlog",
                  form={"chats": ",".join(map(str, backlog_chats)), "perChat": MESSAGES // CHATS, "batch": 500})
    log("queued", queued)
    report["queue_ms"] = queued["millis"]

    urgent_id = None
    crashed = False
    while True:
        elapsed = time.time() - t0
        if urgent_id is None and elapsed >= URGENT_AFTER:
            urgent_id = http("POST", f"http://127.0.0.1:{APP_PORT}/bench/outbox/urgent", form={"chat": urgent_chat})["id"]
            log("urgent message queued, outbox id", urgent_id)
        if CRASH_AFTER and not crashed and elapsed >= CRASH_AFTER:
            in_flight = sql("SELECT count(*) FROM telegram_outbox WHERE status = 'SENDING'")
            os.kill(app.pid, signal.SIGKILL)
            app.wait()
            crashed = True
            report["crash"] = {"at_s": round(elapsed, 1), "rows_sending_at_kill": int(in_flight)}
            log(f"kill -9 the app ({in_flight} rows SENDING); starting it again")
            start_app()
        if urgent_id is not None and drained() == 0:
            break
        if elapsed > 3 * MESSAGES / 25 + 300:
            raise SystemExit("the backlog did not drain in time")
        time.sleep(1)
    after = http("GET", f"{sb}/sandbox/api/stats")

    rows = sql(f"SELECT id, chat_id, priority, status, attempts, "
               f"extract(epoch FROM created_at) * 1000, extract(epoch FROM sent_at) * 1000 "
               f"FROM telegram_outbox WHERE id >= {first_id} ORDER BY id").splitlines()
    with open(os.path.join(OUT, "outbox-rows.csv"), "w") as f:
        f.write("id,chat_id,priority,status,attempts,created_ms,sent_ms\n")
        f.write("\n".join(r.replace("|", ",") for r in rows) + "\n")
    parsed = [r.split("|") for r in rows]
    sent = sorted(float(r[6]) for r in parsed if r[6])
    statuses = {}
    for r in parsed:
        statuses[r[3]] = statuses.get(r[3], 0) + 1
    created = [float(r[5]) for r in parsed if int(r[0]) != urgent_id]
    window_max, j = 0, 0
    for i in range(len(sent)):
        while sent[i] - sent[j] >= 1000:
            j += 1
        window_max = max(window_max, i - j + 1)
    # steady state: 60-second buckets after the first minute
    urgent = next(r for r in parsed if int(r[0]) == urgent_id)
    drain_s = (sent[-1] - min(created)) / 1000
    report.update({
        "statuses": statuses,
        "drain_s": round(drain_s, 1),
        "messages_per_s": round(len(sent) / ((sent[-1] - sent[0]) / 1000), 2),
        "max_in_any_1s_window_by_sent_at": window_max,
        "retried_rows": sum(1 for r in parsed if int(r[4]) > 1),
        "urgent_wait_ms": round(float(urgent[6]) - float(urgent[5])),
    })

    def diff(path):
        a, b = after, before
        for key in path:
            a, b = a.get(key, {}) if isinstance(a, dict) else 0, b.get(key, {}) if isinstance(b, dict) else 0
        return (a or 0) - (b or 0)
    report["sandbox"] = {
        "too_many_requests": diff(["too_many_requests", "total"]),
        "rule_violations": diff(["rule_violations", "total"]),
        "violations_after": after.get("rule_violations"),
        "messages_sent": diff(["messages_sent"]),
        "timeouts_after_effect": diff(["timeouts_after_effect"]),
        "faults_injected": diff(["faults_injected", "total"]),
    }
    # duplicates as Telegram saw them: a backlog text appearing twice in one chat
    dups, seen_total = 0, 0
    for uid in backlog_chats + [urgent_chat]:
        texts = [m.get("text") for m in http("GET", f"{sb}/sandbox/api/chats/{uid}/messages")["messages"]
                 if m.get("text") and ("Backlog message" in m["text"] or "Urgent" in m["text"])]
        seen_total += len(texts)
        dups += len(texts) - len(set(texts))
    report["sandbox"]["backlog_messages_in_chats"] = seen_total
    report["sandbox"]["duplicates_in_chats"] = dups
    with open(os.path.join(OUT, "sandbox-stats.json"), "w") as f:
        json.dump({"before": before, "after": after}, f, indent=1)
    with open(os.path.join(OUT, "report.json"), "w") as f:
        json.dump(report, f, indent=1)
    print(json.dumps(report, indent=1))
    ok429 = report["sandbox"]["too_many_requests"] == 0
    print(f"\nOUTBOX {MESSAGES} messages to {CHATS} chats: drained in {report['drain_s']} s, "
          f"{report['messages_per_s']} msg/s, busiest 1-s window {window_max} (by sent_at), "
          f"429s {report['sandbox']['too_many_requests']} ({'OK' if ok429 else 'NOT OK'}), "
          f"rule violations {report['sandbox']['rule_violations']}, urgent wait {report['urgent_wait_ms']} ms "
          f"({'OK' if report['urgent_wait_ms'] < 2000 else 'NOT OK'}), duplicates seen by the sandbox {dups}")
finally:
    stop(app)
    stop(sandbox)
