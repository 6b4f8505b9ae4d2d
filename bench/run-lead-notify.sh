#!/usr/bin/env bash
# Benchmark 5: Contact click -> the partner's "New chat for your service" handed to the sandbox,
# at RATE leads/s (default 20) for LEADS leads (default 200), on PostgreSQL; see lib/lead_notify_bench.py.
#   bench/run-lead-notify.sh                  200 leads at 20/s (needs ~6 min with set-up)
#   RATE=2 LEADS=60 bench/run-lead-notify.sh  a rate Telegram's limits allow (see docs/PERFORMANCE.md)
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
OUT="$BENCH_DIR/results/lead-notify-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
trap bench_cleanup EXIT
bench_build
bench_db
bench_machine > "$OUT/machine.txt"
echo "settings: RATE=${RATE:-20} LEADS=${LEADS:-200} SPARE=${SPARE:-10} inbox workers=${B2BRICS_TELEGRAM_INBOX_WORKERS:-4 (default)}" >> "$OUT/machine.txt"
cat "$OUT/machine.txt"
BENCH_CP="$BENCH_CP" BENCH_DB="$BENCH_DB" OUT="$OUT" python3 "$BENCH_DIR/lib/lead_notify_bench.py" | tee "$OUT/summary.txt"
