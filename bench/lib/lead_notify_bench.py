#!/usr/bin/env python3
"""Benchmark 5: Contact click -> partner notification handed to Telegram (the sandbox), at a
fixed rate of leads per second. Started by bench/run-lead-notify.sh (BENCH_CP, BENCH_DB, OUT).

 1. start the standalone sandbox (SandboxServer) and the app (BenchMain) wired to it by webhook,
    with a platform admin;
 2. the demo partners' team members (fixed ids) become sandbox people who started the bot; the
    admin creates LEADS + SPARE supergroups with the bot as admin (as the tests do), so the pool
    has a free group for every lead; LEADS importers are created; wait until the bot's set-up
    messages are out (empty outbox);
 3. open loop: every 1/RATE s a new lead starts (its own thread): GET the service's Contact link
    (t0), read the deep link from the 302, the importer presses Start with it;
 4. a lead is done when the "New chat for your service" message to the partner's team member has
    been handed to the sandbox (telegram_outbox.sent_at of that row: written after the sandbox
    answered, so a little later than the hand-over). Per lead: t0 -> row queued (the app's own
    work: click, Start via webhook, inbox, lead, group, invite links) and queued -> sent (the
    outbox's pacing: Telegram's limits of ~30 messages/s per bot, 1/s per private chat);
 5. the sandbox's chats are read to check that every partner got every notification.
Prints p50/p90/p99/max of click -> notification (first member of the team, and every member).
"""
import json, os, re, statistics, subprocess, sys, threading, time, urllib.error, urllib.parse, urllib.request
import http.client

CP, DB, OUT = os.environ["BENCH_CP"], os.environ["BENCH_DB"], os.environ["OUT"]
RATE = float(os.environ.get("RATE", "20"))          # leads per second
LEADS = int(os.environ.get("LEADS", "200"))         # leads in the measured run
SPARE = int(os.environ.get("SPARE", "10"))          # extra free groups
SB_PORT = int(os.environ.get("SANDBOX_PORT", "18091"))
APP_PORT = int(os.environ.get("PORT", "18084"))
ADMIN = 6399000001
TOKEN = "7000000001:AAbench-leads-00000000000"
SECRET = "bench-leads-secret"
PG = ["psql", "-h", os.environ.get("PGHOST", "127.0.0.1"), "-p", os.environ.get("PGPORT", "5432"),
      "-U", os.environ.get("PGUSER", "postgres"), "-d", DB, "-qtA", "-c"]
JVM = os.environ.get("BENCH_JVM_OPTS", "-Xms1g -Xmx1g").split()
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36"
report = {"rate_per_s": RATE, "leads": LEADS}


def log(*args):
    print(time.strftime("[%H:%M:%S]"), *args, file=sys.stderr, flush=True)


def http_json(method, url, body=None):
    data, headers = None, {}
    if body is not None:
        data, headers = json.dumps(body).encode(), {"Content-Type": "application/json"}
    req = urllib.request.Request(url, data=data, headers=headers, method=method)
    with urllib.request.urlopen(req, timeout=120) as resp:
        text = resp.read().decode()
        return json.loads(text) if text else None


def sql(query):
    return subprocess.run(PG + [query], check=True, capture_output=True, text=True).stdout.strip()


def wait_http(url, proc, what, timeout=240):
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


def outbox_idle():
    return int(sql("SELECT count(*) FROM telegram_outbox WHERE status IN ('PENDING', 'SENDING')")) == 0


def wait_until(what, check, timeout):
    started = time.time()
    while not check():
        if time.time() - started > timeout:
            raise SystemExit(f"{what}: not reached after {timeout} s")
        time.sleep(1)
    return time.time() - started


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, max(0, int(round(p / 100 * len(xs) + 0.5)) - 1))]


sb = f"http://127.0.0.1:{SB_PORT}"
procs = []
try:
    sandbox = subprocess.Popen(["java", "-Xms256m", "-Xmx768m", "-cp", CP, "com.b2brics.connect.sandbox.SandboxServer",
                                f"--server.port={SB_PORT}", f"--b2brics.sandbox.bot-token={TOKEN}",
                                "--logging.level.root=WARN"],
                               stdout=open(os.path.join(OUT, "sandbox.log"), "w"), stderr=subprocess.STDOUT)
    procs.append(sandbox)
    wait_http(f"{sb}/sandbox/api/bot", sandbox, "the sandbox")
    env = dict(os.environ, TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_URL=sb,
               TELEGRAM_WEBHOOK_URL=f"http://127.0.0.1:{APP_PORT}/telegram/webhook", TELEGRAM_WEBHOOK_SECRET=SECRET,
               SPRING_DATASOURCE_URL=f"jdbc:postgresql://{os.environ.get('PGHOST', '127.0.0.1')}:{os.environ.get('PGPORT', '5432')}/{DB}",
               SPRING_DATASOURCE_USERNAME=os.environ.get("PGUSER", "postgres"), SPRING_DATASOURCE_PASSWORD="",
               PORT=str(APP_PORT), B2BRICS_ADMIN_PASSWORD="bench", B2BRICS_ADMIN_IDS=str(ADMIN),
               B2BRICS_SITE_URL=f"http://127.0.0.1:{APP_PORT}")
    app = subprocess.Popen(["java"] + JVM + ["-cp", CP, "com.b2brics.bench.BenchMain"], env=env,
                           stdout=open(os.path.join(OUT, "app.log"), "w"), stderr=subprocess.STDOUT)
    procs.append(app)
    wait_http(f"http://127.0.0.1:{APP_PORT}/actuator/health", app, "the app")
    wait_until("demo catalog", lambda: int(sql("SELECT count(*) FROM catalog_services") or 0) > 0, 60)
    bot = http_json("GET", f"{sb}/sandbox/api/bot")["username"]
    log("app and sandbox up; bot", bot)

    # people: the partners' teams (fixed ids from the demo catalog) and the admin, who started the bot
    members = [tuple(r.split("|")) for r in sql("SELECT telegram_user_id, name FROM catalog_partner_members ORDER BY 1").splitlines()]
    for uid, name in members + [(str(ADMIN), "Admin")]:
        http_json("POST", f"{sb}/sandbox/api/users", {"id": int(uid), "first_name": name, "language_code": "en"})
        http_json("POST", f"{sb}/sandbox/api/users/{uid}/open-link", {"url": f"https://t.me/{bot}"})
    member_ids = {int(uid) for uid, _ in members}
    log(f"{len(members)} partner team members and the admin started the bot")

    groups = LEADS + SPARE
    t = time.time()
    for i in range(groups):
        http_json("POST", f"{sb}/sandbox/api/groups", {"title": f"Pool {i}", "creator_id": ADMIN, "type": "supergroup"})
    wait_until("groups in the pool", lambda: int(sql("SELECT count(*) FROM working_groups WHERE status = 'FREE'")) >= groups, 600)
    log(f"{groups} groups in the pool after {time.time() - t:.0f} s")
    importers = []
    for i in range(LEADS):
        token = f"Imp{i:05d}x"
        importers.append((http_json("POST", f"{sb}/sandbox/api/users", {"first_name": token, "language_code": "en"})["id"], token))
    waited = wait_until("set-up messages sent", outbox_idle, 900)
    log(f"{LEADS} importers created; outbox empty after {waited:.0f} s more")
    time.sleep(3)

    services = [r.split("|") for r in sql("SELECT '/' || f.slug || '/services/' || s.slug, s.partner_id FROM catalog_services s "
                                         "JOIN catalog_storefronts f ON f.id = s.storefront_id ORDER BY s.id").splitlines()]
    team_of = {}
    for r in sql("SELECT partner_id, telegram_user_id FROM catalog_partner_members").splitlines():
        p, u = r.split("|")
        team_of.setdefault(p, []).append(int(u))

    results = [None] * LEADS
    errors = []

    def lead(i):
        path, partner = services[(i * 7) % len(services)]
        importer, token = importers[i]
        try:
            t0 = time.time()
            conn = http.client.HTTPConnection("127.0.0.1", APP_PORT, timeout=30)
            conn.request("GET", path + "/contact", headers={"User-Agent": BROWSER})
            resp = conn.getresponse()
            resp.read()
            location = resp.getheader("Location")
            conn.close()
            t1 = time.time()
            if resp.status != 302 or not location:
                raise RuntimeError(f"click answered {resp.status}")
            if "/sandbox/open?url=" in location:
                location = urllib.parse.unquote(location.split("url=", 1)[1])
            started = http_json("POST", f"{sb}/sandbox/api/users/{importer}/open-link", {"url": location})
            t2 = time.time()
            results[i] = {"t0": t0, "click_ms": (t1 - t0) * 1000, "start_ms": (t2 - t1) * 1000, "token": token,
                          "partner": partner, "team": team_of.get(partner, []), "start": started.get("result")}
        except Exception as e:
            errors.append(f"lead {i}: {e}")

    log(f"measuring: {LEADS} leads at {RATE}/s")
    threads = []
    begin = time.time()
    for i in range(LEADS):
        delay = begin + i / RATE - time.time()
        if delay > 0:
            time.sleep(delay)
        th = threading.Thread(target=lead, args=(i,))
        th.start()
        threads.append(th)
    offered_s = time.time() - begin
    for th in threads:
        th.join()
    log(f"{LEADS} leads offered in {offered_s:.1f} s ({LEADS / offered_s:.1f}/s); {len(errors)} errors")

    def notifications():
        rows = sql("SELECT chat_id, status, extract(epoch FROM created_at), coalesce(extract(epoch FROM sent_at), 0), params "
                   "FROM telegram_outbox WHERE method = 'sendMessage' AND params LIKE '%Imp%' AND chat_id IN ("
                   + ",".join(str(m) for m in member_ids) + ")")
        found = {}
        for r in rows.splitlines():
            chat, status, created, sent, params = r.split("|", 4)
            m = re.search(r"Imp\d{5}x", params)
            if not m:
                continue
            token = m.group(0)
            found.setdefault(token, []).append((int(chat), status, float(created), float(sent)))
        return found

    expected = sum(len(r["team"]) for r in results if r)
    def all_sent():
        found = notifications()
        return sum(1 for v in found.values() for x in v if x[1] == "SENT") >= expected
    drain = wait_until("every partner notification sent", all_sent, 1800)
    log(f"all {expected} partner notifications sent {drain:.0f} s after the last lead")
    found = notifications()

    first, every, queued, pacing = [], [], [], []
    for r in results:
        if not r:
            continue
        rows = [x for x in found.get(r["token"], []) if x[0] in r["team"]]
        if len(rows) < len(r["team"]):
            errors.append(f"{r['token']}: {len(rows)} of {len(r['team'])} notifications")
            continue
        sent = [x[3] for x in rows]
        first.append((min(sent) - r["t0"]) * 1000)
        every.append((max(sent) - r["t0"]) * 1000)
        queued.append((min(x[2] for x in rows) - r["t0"]) * 1000)
        pacing.extend((x[3] - x[2]) * 1000 for x in rows)

    # the sandbox's own view: each member's bot chat has one "New chat for your service" per lead of theirs
    seen = 0
    for m in member_ids:
        msgs = http_json("GET", f"{sb}/sandbox/api/chats/{m}/messages")["messages"]
        seen += sum(1 for x in msgs if "New chat for your service" in (x.get("text") or "") and re.search(r"Imp\d{5}x", x["text"]))
    stats = http_json("GET", f"{sb}/sandbox/api/stats")

    def summary(xs):
        return {"p50": round(pct(xs, 50)), "p90": round(pct(xs, 90)), "p99": round(pct(xs, 99)), "max": round(max(xs)),
                "mean": round(statistics.mean(xs))} if xs else None
    clicks = [r["click_ms"] for r in results if r]
    starts = [r["start_ms"] for r in results if r]
    report.update({
        "offered_rate_per_s": round(LEADS / offered_s, 2),
        "errors": errors[:20], "error_count": len(errors),
        "click_ms": summary(clicks), "start_call_ms": summary(starts),
        "click_to_notification_queued_ms": summary(queued),
        "notification_queued_to_sent_ms": summary(pacing),
        "click_to_first_member_notified_ms": summary(first),
        "click_to_every_member_notified_ms": summary(every),
        "notifications_expected": expected, "notifications_seen_by_sandbox": seen,
        "sandbox_429": stats.get("too_many_requests"), "sandbox_rule_violations": stats.get("rule_violations"),
        "drain_after_last_lead_s": round(drain, 1),
    })
    with open(os.path.join(OUT, "report.json"), "w") as f:
        json.dump(report, f, indent=1)
    with open(os.path.join(OUT, "leads.json"), "w") as f:
        json.dump(results, f)
    print(json.dumps(report, indent=1))
    p99 = report["click_to_first_member_notified_ms"]["p99"] if first else float("inf")
    print(f"\nLEADS {LEADS} at {report['offered_rate_per_s']}/s: click -> partner notified (first member) "
          f"p50 {report['click_to_first_member_notified_ms']['p50']} ms, p99 {p99} ms; every member p99 "
          f"{report['click_to_every_member_notified_ms']['p99']} ms; app's own part (click -> queued) p99 "
          f"{report['click_to_notification_queued_ms']['p99']} ms; notifications {seen}/{expected} in the sandbox; "
          f"errors {len(errors)}; GOAL p99 < 300 ms: {'MET' if p99 < 300 else 'NOT MET'}")
finally:
    for p in reversed(procs):
        if p.poll() is None:
            p.terminate()
            try:
                p.wait(30)
            except subprocess.TimeoutExpired:
                p.kill()
