#!/usr/bin/env bash
# Benchmark 1: POST /telegram/webhook (durable, de-duplicated ingest on PostgreSQL with
# synchronous_commit on) against a bare Spring endpoint in the same app, interleaved.
# Prints per-round figures, medians and the webhook/bare ratios; raw output in bench/results/.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

ROUNDS="${ROUNDS:-10}"            # measured rounds; each runs both endpoints back to back, order alternating
DURATION="${DURATION:-6}"         # seconds per measured run (short: the machine's load drifts, pairs must be close)
WARMUP="${WARMUP:-20}"            # seconds of warm-up per endpoint before round 1
CONNECTIONS="${CONNECTIONS:-64}"  # closed-loop connections (wrk -c)
THREADS="${THREADS:-2}"           # wrk threads
SETTLE="${SETTLE:-300}"           # max seconds to wait after each run for the inbox backlog to drain
PROCESSOR="${PROCESSOR:-on}"      # off: diagnostic only, stored updates are parked (not handled)
PORT="${PORT:-18080}"
SECRET="bench-secret-$$"

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
OUT="$BENCH_DIR/results/webhook-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
trap bench_cleanup EXIT

bench_build
bench_db
bench_machine > "$OUT/machine.txt"
echo "load generator: $(wrk -v 2>&1 | head -1); -t$THREADS -c$CONNECTIONS -d${DURATION}s, closed loop" >> "$OUT/machine.txt"
echo "settings: PROCESSOR=$PROCESSOR ROUNDS=$ROUNDS DURATION=$DURATION WARMUP=$WARMUP SETTLE=$SETTLE JDBC_PARAMS=${BENCH_JDBC_PARAMS:-} JVM=${BENCH_JVM_OPTS:--Xms1g -Xmx1g} EXTRA=${BENCH_APP_ARGS:-}" >> "$OUT/machine.txt"
cat "$OUT/machine.txt"

# The bot token makes the app use a "real" Bot API server, here a closed port: Bot API calls
# (setWebhook, getMe, the replies the handled updates queue) fail fast and are only logged.
export TELEGRAM_BOT_TOKEN=123:bench TELEGRAM_API_URL=http://127.0.0.1:9 \
  TELEGRAM_WEBHOOK_URL="http://127.0.0.1:$PORT/telegram/webhook" TELEGRAM_WEBHOOK_SECRET="$SECRET"
# shellcheck disable=SC2086
bench_start_app "$PORT" "$OUT/app.log" ${BENCH_APP_ARGS:-}
if [[ "$PROCESSOR" == off ]]; then
  # Diagnostic variant: isolates the ingest's own cost. A trigger in the throwaway database
  # parks every stored update a day in the future, so the inbox processor finds nothing due.
  bench_sql "CREATE FUNCTION bench_park() RETURNS trigger LANGUAGE plpgsql AS \$\$ BEGIN
      NEW.next_attempt_at := NEW.next_attempt_at + INTERVAL '1 day'; RETURN NEW; END \$\$;
    CREATE TRIGGER bench_park BEFORE INSERT ON telegram_inbox FOR EACH ROW EXECUTE FUNCTION bench_park();"
  log "PROCESSOR=off: stored updates are parked, the inbox processor stays idle (diagnostic)"
fi

pending() { bench_sql "SELECT count(*) FROM telegram_inbox WHERE status = 'PENDING' AND next_attempt_at < now() + INTERVAL '1 hour'"; }
settle() {
  local waited=0
  while (( waited < SETTLE )) && [[ "$(pending)" != 0 ]]; do sleep 1; waited=$((waited + 1)); done
  echo "$waited"
}

# CPU time (clock ticks) of the app's JVM and of the PostgreSQL backends serving its database:
# on a shared machine CPU per request is steadier than requests per second.
cpu_ticks() {
  local jvm pg=0 p
  jvm=$(awk '{print $14 + $15}' "/proc/$BENCH_APP_PID/stat")
  for p in $(pgrep -u postgres -f "postgres: .*$BENCH_DB"); do
    pg=$((pg + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0)))
  done
  echo "$jvm $pg"
}

next_id=1
run() { # run NAME DURATION FILE
  local name="$1" secs="$2" file="$3" url
  if [[ "$name" == webhook ]]; then url="http://127.0.0.1:$PORT/telegram/webhook"; else url="http://127.0.0.1:$PORT/bench/bare"; fi
  local before; before=$(pending)
  local cpu0; cpu0=$(cpu_ticks)
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${secs}s" --timeout 15s -s "$BENCH_DIR/lib/webhook.lua" "$url" -- "$SECRET" "$next_id" > "$file" 2>&1
  next_id=$((next_id + 10000000))  # update_id must stay below 2^31 (Bot API clients read it as int32)
  local after; after=$(pending)
  local cpu1; cpu1=$(cpu_ticks)
  echo "cpu_ticks_jvm=$(( ${cpu1% *} - ${cpu0% *} )) cpu_ticks_pg=$(( ${cpu1#* } - ${cpu0#* } )) ticks_per_s=$(getconf CLK_TCK)" >> "$file"
  local waited; waited=$(settle)
  echo "pending_before=$before pending_after=$after settle_s=$waited pending_left=$(pending)" >> "$file"
}

log "warm-up: ${WARMUP}s per endpoint"
run bare "$WARMUP" "$OUT/warmup-bare.txt"
run webhook "$WARMUP" "$OUT/warmup-webhook.txt"
run bare "$WARMUP" "$OUT/warmup2-bare.txt"

for r in $(seq 1 "$ROUNDS"); do
  if (( r % 2 )); then order="webhook bare"; else order="bare webhook"; fi
  for name in $order; do
    log "round $r: $name"
    run "$name" "$DURATION" "$OUT/round-$r-$name.txt"
    grep RESULT "$OUT/round-$r-$name.txt" | sed "s/^/  $name /" >&2
  done
done

stored=$(bench_sql "SELECT count(*) FROM telegram_inbox")
echo "inbox rows: $stored stored, by status: $(bench_sql "SELECT string_agg(status || '=' || n, ' ') FROM (SELECT status, count(*) n FROM telegram_inbox GROUP BY status) s")" >> "$OUT/machine.txt"
echo "outbox rows by status: $(bench_sql "SELECT string_agg(status || '=' || n, ' ') FROM (SELECT status, count(*) n FROM telegram_outbox GROUP BY status) s")" >> "$OUT/machine.txt"
python3 "$BENCH_DIR/lib/summarize_webhook.py" "$OUT" | tee "$OUT/summary.txt"
