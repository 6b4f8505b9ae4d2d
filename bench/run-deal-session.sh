#!/usr/bin/env bash
# Benchmark 8: issue 13's whole deal run in its group, against the sandbox's real 60-s group window; see lib/group_session_bench.py (SCENARIO=deal).
#   bench/run-deal-session.sh              one lead, the whole deal, each action as soon as the previous answer shows
#   THINK=3 bench/run-deal-session.sh      a person who reads each answer for 3 s
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
OUT="$BENCH_DIR/results/deal-session-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
trap bench_cleanup EXIT
bench_build
bench_db
bench_machine > "$OUT/machine.txt"
echo "settings: THINK=${THINK:-0} POOL=${POOL:-2}" >> "$OUT/machine.txt"
cat "$OUT/machine.txt"
BENCH_CP="$BENCH_CP" BENCH_DB="$BENCH_DB" OUT="$OUT" SCENARIO=deal python3 "$BENCH_DIR/lib/group_session_bench.py" | tee "$OUT/summary.txt"
