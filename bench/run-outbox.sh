#!/usr/bin/env bash
# Benchmark 2: drains an outbox backlog against a standalone Telegram sandbox and checks
# Telegram's limits (0 x 429) and the wait of a high-priority message queued behind it.
#   bench/run-outbox.sh                       10,000 messages to 1,000 chats (~7 min)
#   MESSAGES=2000 CHATS=200 bench/run-outbox.sh   quick variant (~1.5 min of drain)
#   CRASH_AFTER=60 bench/run-outbox.sh        kill -9 the app 60 s into the drain, restart it,
#                                             count duplicates the sandbox received
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
OUT="$BENCH_DIR/results/outbox-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
trap bench_cleanup EXIT
bench_build
bench_db
bench_machine > "$OUT/machine.txt"
echo "settings: MESSAGES=${MESSAGES:-10000} CHATS=${CHATS:-1000} URGENT_AFTER=${URGENT_AFTER:-10} CRASH_AFTER=${CRASH_AFTER:-0}" >> "$OUT/machine.txt"
cat "$OUT/machine.txt"
BENCH_CP="$BENCH_CP" BENCH_DB="$BENCH_DB" OUT="$OUT" python3 "$BENCH_DIR/lib/outbox_bench.py" | tee "$OUT/summary.txt"
