#!/usr/bin/env python3
"""Reads bench/results/leads-*/<name>-round-N-{subject,base}.txt (wrk RESULT lines plus CPU
ticks) and prints per-pair figures, the subject/base ratios of each pair (measured back to
back), medians with min/max, and whether the goal is met.
Usage: summarize_pairs.py OUT NAME SUBJECT-LABEL BASE-LABEL (throughput RATIO | p99 MS)"""
import glob, os, re, statistics, sys

out, name, subject_label, base_label, goal_kind, goal = sys.argv[1:7]
goal = float(goal)
rounds = {}
for path in glob.glob(os.path.join(out, f"{name}-round-*-*.txt")):
    m = re.match(rf"{name}-round-(\d+)-(subject|base)\.txt", os.path.basename(path))
    text = open(path).read()
    res = re.search(r"RESULT (.*)", text)
    if not m or not res:
        continue
    fields = {k: float(v) for k, v in (kv.split("=") for kv in res.group(1).split())}
    cpu = re.search(r"cpu_ticks_jvm=(\d+) cpu_ticks_pg=(\d+) ticks_per_s=(\d+) loadavg=([\d.]+)", text)
    if cpu:
        ms = 1000.0 / int(cpu.group(3))
        n = max(1, fields["requests"])
        fields["cpu_ms"] = (int(cpu.group(1)) + int(cpu.group(2))) * ms / n
        fields["pg_ms"] = int(cpu.group(2)) * ms / n
        fields["load"] = float(cpu.group(4))
    fields["errors"] = sum(v for k, v in fields.items() if k.startswith("errors_"))
    rounds.setdefault(int(m.group(1)), {})[m.group(2)] = fields

def med(xs):
    return statistics.median(xs) if xs else float("nan")

def spread(xs):
    return f"median {med(xs):.2f} (min {min(xs):.2f}, max {max(xs):.2f})" if xs else "n/a"

print(f"\n== {name}: {subject_label} vs {base_label}")
print("pair  base req/s  base p50/p99 ms | subject req/s  subject p50/p99 ms  errors | ratio req/s  ratio p99 | CPU ms/req base  subject (PG part) | load")
tp, p99r, s_rps, b_rps, s_p50, s_p99, b_p99, cpu_b, cpu_s, cpu_pg = [], [], [], [], [], [], [], [], [], []
for r in sorted(rounds):
    b, s = rounds[r].get("base"), rounds[r].get("subject")
    if not b or not s:
        continue
    tp.append(s["rps"] / b["rps"]); p99r.append(s["p99_ms"] / b["p99_ms"])
    s_rps.append(s["rps"]); b_rps.append(b["rps"]); s_p50.append(s["p50_ms"]); s_p99.append(s["p99_ms"]); b_p99.append(b["p99_ms"])
    cpu = ""
    if "cpu_ms" in b and "cpu_ms" in s:
        cpu_b.append(b["cpu_ms"]); cpu_s.append(s["cpu_ms"]); cpu_pg.append(s["pg_ms"])
        cpu = f"{b['cpu_ms']:15.2f}  {s['cpu_ms']:7.2f} ({s['pg_ms']:.2f})"
    print(f"{r:4d}  {b['rps']:10.0f}  {b['p50_ms']:6.1f}/{b['p99_ms']:6.1f} | {s['rps']:13.0f}  {s['p50_ms']:7.1f}/{s['p99_ms']:7.1f}  {s['errors']:6.0f} | "
          f"{tp[-1]:11.2f}  {p99r[-1]:9.2f} | {cpu:34s} | {s.get('load', 0):.1f}")
if tp:
    print(f"{base_label}: req/s median {med(b_rps):.0f} (min {min(b_rps):.0f}, max {max(b_rps):.0f}); p99 median {med(b_p99):.1f} ms")
    print(f"{subject_label}: req/s median {med(s_rps):.0f} (min {min(s_rps):.0f}, max {max(s_rps):.0f}); p50 median {med(s_p50):.1f} ms; "
          f"p99 median {med(s_p99):.1f} ms (min {min(s_p99):.1f}, max {max(s_p99):.1f})")
    print(f"RATIO throughput {name}/base: {spread(tp)}")
    print(f"RATIO p99 {name}/base: {spread(p99r)}")
    if cpu_s:
        print(f"CPU per request (app JVM + its PostgreSQL backends): base median {med(cpu_b):.2f} ms, {name} median {med(cpu_s):.2f} ms "
              f"(PostgreSQL {med(cpu_pg):.2f} ms)")
    if goal_kind == "throughput":
        print(f"GOAL {name}: throughput ratio >= {goal}: {'MET' if med(tp) >= goal else 'NOT MET'} (median {med(tp):.2f})")
    else:
        print(f"GOAL {name}: p99 < {goal:.0f} ms: {'MET' if med(s_p99) < goal else 'NOT MET'} (median p99 {med(s_p99):.1f} ms)")
