#!/usr/bin/env bash
# Benchmark 9: issue 14's support ticket, from /support in a deal's group through the desk and back, against the sandbox's real 60-s group window; see lib/group_session_bench.py (SCENARIO=support).
#   bench/run-support-session.sh              TICKETS (4) deals, one ticket each, each action as soon as the previous answers show
#   THINK=3 bench/run-support-session.sh      a person who reads each answer for 3 s
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
OUT="$BENCH_DIR/results/support-session-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
trap bench_cleanup EXIT
bench_build
bench_db
bench_machine > "$OUT/machine.txt"
echo "settings: THINK=${THINK:-0} TICKETS=${TICKETS:-4} POOL=${POOL:-$(( ${TICKETS:-4} + 1 ))}" >> "$OUT/machine.txt"
cat "$OUT/machine.txt"
BENCH_CP="$BENCH_CP" BENCH_DB="$BENCH_DB" OUT="$OUT" SCENARIO=support python3 "$BENCH_DIR/lib/group_session_bench.py" | tee "$OUT/summary.txt"
