#!/usr/bin/env python3
"""Reads bench/results/webhook-*/round-N-{bare,webhook}.txt and prints per-round figures,
the webhook/bare ratio per round (both measured back to back), medians and spread."""
import glob, os, re, statistics, sys

out = sys.argv[1]
rounds = {}
for path in glob.glob(os.path.join(out, "round-*-*.txt")):
    m = re.match(r"round-(\d+)-(\w+)\.txt", os.path.basename(path))
    text = open(path).read()
    res = re.search(r"RESULT (.*)", text)
    if not res:
        continue
    fields = dict(kv.split("=") for kv in res.group(1).split())
    extra = re.search(r"pending_before=(\d+) pending_after=(\d+) settle_s=(\d+) pending_left=(\d+)", text)
    if extra:
        fields.update(zip(["pending_before", "pending_after", "settle_s", "pending_left"], extra.groups()))
    cpu = re.search(r"cpu_ticks_jvm=(\d+) cpu_ticks_pg=(\d+) ticks_per_s=(\d+)", text)
    if cpu:
        ms = 1000.0 / int(cpu.group(3))
        fields["cpu_ms_per_req"] = (int(cpu.group(1)) + int(cpu.group(2))) * ms / max(1, int(fields["requests"]))
        fields["pg_ms_per_req"] = int(cpu.group(2)) * ms / max(1, int(fields["requests"]))
    rounds.setdefault(int(m.group(1)), {})[m.group(2)] = fields

def f(d, k):
    return float(d[k])

print()
print("round  bare req/s  bare p50  bare p99 | webhook req/s  wh p50  wh p99  errors | ratio req/s  ratio p99 | CPU ms/req bare  webhook (of it PG) | inbox backlog after run")
cpu_ratios, cpu_b, cpu_w = [], [], []
tp_ratios, p99_ratios, bare_rps, wh_rps, bare_p99, wh_p99, wh_p50 = [], [], [], [], [], [], []
for r in sorted(rounds):
    b, w = rounds[r].get("bare"), rounds[r].get("webhook")
    if not b or not w:
        continue
    errs = sum(int(w[k]) for k in w if k.startswith("errors_"))
    tr = f(w, "rps") / f(b, "rps")
    pr = f(w, "p99_ms") / f(b, "p99_ms")
    tp_ratios.append(tr); p99_ratios.append(pr)
    bare_rps.append(f(b, "rps")); wh_rps.append(f(w, "rps"))
    bare_p99.append(f(b, "p99_ms")); wh_p99.append(f(w, "p99_ms")); wh_p50.append(f(w, "p50_ms"))
    cpu = ""
    if "cpu_ms_per_req" in b and "cpu_ms_per_req" in w:
        cpu_b.append(b["cpu_ms_per_req"]); cpu_w.append(w["cpu_ms_per_req"]); cpu_ratios.append(b["cpu_ms_per_req"] / w["cpu_ms_per_req"])
        cpu = f"{b['cpu_ms_per_req']:15.2f}  {w['cpu_ms_per_req']:7.2f} ({w['pg_ms_per_req']:.2f})"
    print(f"{r:5d}  {f(b,'rps'):10.0f}  {f(b,'p50_ms'):6.1f}ms  {f(b,'p99_ms'):6.1f}ms | {f(w,'rps'):13.0f}  {f(w,'p50_ms'):4.1f}ms  {f(w,'p99_ms'):5.1f}ms  {errs:6d} | {tr:11.2f}  {pr:9.2f} | {cpu:34s} | {w.get('pending_after','?')} (drained in {w.get('settle_s','?')} s)")

def spread(xs):
    return f"median {statistics.median(xs):.2f} (min {min(xs):.2f}, max {max(xs):.2f})"

if tp_ratios:
    print()
    print(f"bare     req/s: median {statistics.median(bare_rps):.0f} (min {min(bare_rps):.0f}, max {max(bare_rps):.0f}); p99 median {statistics.median(bare_p99):.1f} ms")
    print(f"webhook  req/s: median {statistics.median(wh_rps):.0f} (min {min(wh_rps):.0f}, max {max(wh_rps):.0f}); p50 median {statistics.median(wh_p50):.1f} ms; p99 median {statistics.median(wh_p99):.1f} ms (min {min(wh_p99):.1f}, max {max(wh_p99):.1f})")
    print(f"RATIO throughput webhook/bare: {spread(tp_ratios)}   goal >= 0.80: {'MET' if statistics.median(tp_ratios) >= 0.8 else 'NOT MET'}")
    print(f"RATIO p99 latency webhook/bare: {spread(p99_ratios)}")
    if cpu_ratios:
        print(f"CPU per request (app JVM + its PostgreSQL backends, during the run): bare median {statistics.median(cpu_b):.2f} ms, "
              f"webhook median {statistics.median(cpu_w):.2f} ms; RATIO bare/webhook CPU per request: {spread(cpu_ratios)} "
              f"(the throughput ratio a CPU-bound machine allows)")
