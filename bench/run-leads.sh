#!/usr/bin/env bash
# Benchmarks 3 and 4 of issue 3 (leads), on PostgreSQL with synchronous_commit as the server has
# it (on here), the app in its default sandbox mode (embedded Telegram sandbox, idle here):
#   MODE=click  GET /{storefront}/services/{slug}/contact and /{storefront}/products/{slug}/contact
#               (CARDS=all; click stored with group commit, 302)
#               against GET /bench-302 (same headers, same filters, no work), pairs back to back
#   MODE=card   GET /{storefront}/services/{slug} (the service card page) against GET /bench-page
#               (a static page of the same size), closed loop of USERS connections, pairs; then
#               USERS users who each read a page for THINK_MS (0.5x-1.5x) between requests
#   MODE=all    both (default)
# Prints per-round figures, medians and ratios; raw output in bench/results/leads-<time>/.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

MODE="${MODE:-all}"
ROUNDS="${ROUNDS:-8}"             # measured pairs per benchmark, order alternating
DURATION="${DURATION:-6}"         # seconds per measured run
WARMUP="${WARMUP:-15}"            # seconds of warm-up per endpoint
CONNECTIONS="${CONNECTIONS:-64}"  # click benchmark: closed-loop connections, as the webhook benchmark
USERS="${USERS:-200}"             # card benchmark: concurrent users
THINK_MS="${THINK_MS:-1000}"      # card benchmark with think time: mean pause between a user's requests
THREADS="${THREADS:-2}"
CARDS="${CARDS:-all}"             # which cards: services, products or all (each under its own path)
READY_TIMEOUT="${READY_TIMEOUT:-120}"  # seconds to wait for the app to be ready to measure
PORT="${PORT:-18082}"
BASE="http://127.0.0.1:$PORT"

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
OUT="$BENCH_DIR/results/leads-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
trap bench_cleanup EXIT

bench_build
bench_db
bench_machine > "$OUT/machine.txt"
echo "load generator: $(wrk -v 2>&1 | head -1); -t$THREADS; click: -c$CONNECTIONS closed loop; card: -c$USERS closed loop, then -c$USERS with think time ${THINK_MS} ms (0.5x-1.5x)" >> "$OUT/machine.txt"
echo "settings: MODE=$MODE CARDS=$CARDS ROUNDS=$ROUNDS DURATION=$DURATION WARMUP=$WARMUP JVM=${BENCH_JVM_OPTS:--Xms1g -Xmx1g} EXTRA=${BENCH_APP_ARGS:-}" >> "$OUT/machine.txt"
cat "$OUT/machine.txt"

# no bot token: the embedded sandbox is the Bot API server, so the bot knows its name and the
# Contact button can build its deep link; nobody talks to the bot during the run
unset TELEGRAM_BOT_TOKEN TELEGRAM_API_URL TELEGRAM_WEBHOOK_URL TELEGRAM_WEBHOOK_SECRET
# the load generator is one address clicking thousands of times a second: the click rate limits (which would
# answer 429 after 60) are off here, as the benchmark measures storing clicks, not refusing them
# shellcheck disable=SC2086
bench_start_app "$PORT" "$OUT/app.log" -Db2brics.leads.limits.clicks-per-address=0 -Db2brics.leads.limits.clicks-per-visitor=0 ${BENCH_APP_ARGS:-}
for _ in $(seq 1 60); do  # the demo catalog is loaded right after start
  [[ "$(bench_sql "SELECT count(*) FROM catalog_services" 2>/dev/null || echo 0)" -gt 0 ]] && break; sleep 1
done
# catalog_services holds services and, since issue 8, exporters' products (kind PRODUCT): each kind
# has its own card path (/services/ or /products/), as Service.path() builds it
case "$CARDS" in
  services) kinds="'SERVICE'" ;;
  products) kinds="'PRODUCT'" ;;
  all) kinds="'SERVICE', 'PRODUCT'" ;;
  *) echo "CARDS must be services, products or all" >&2; exit 1 ;;
esac
bench_sql "SELECT '/' || f.slug || CASE s.kind WHEN 'PRODUCT' THEN '/products/' ELSE '/services/' END || s.slug
           FROM catalog_services s JOIN catalog_storefronts f ON f.id = s.storefront_id
           WHERE s.kind IN ($kinds) ORDER BY s.id" > "$OUT/cards.txt"
sed 's|$|/contact|' "$OUT/cards.txt" > "$OUT/contacts.txt"
echo /bench-302 > "$OUT/bare-302.txt"
echo /bench-page > "$OUT/bare-page.txt"
log "$(grep -c /services/ "$OUT/cards.txt") service and $(grep -c /products/ "$OUT/cards.txt") product cards (CARDS=$CARDS) on $(bench_sql "SELECT count(*) FROM catalog_storefronts") storefronts"
echo "cards: $(grep -c /services/ "$OUT/cards.txt") services, $(grep -c /products/ "$OUT/cards.txt") products (CARDS=$CARDS)" >> "$OUT/machine.txt"
# Ready means ready to measure: readiness UP (where the app has the probe) and the Contact button of
# the first service and the first product answering 302. Right after start the bot may still be
# starting (it learns its name from getMe), and Contact answers 503 until then.
first_contacts=$( (grep -m1 /services/ "$OUT/contacts.txt"; grep -m1 /products/ "$OUT/contacts.txt") || true)
deadline=$((SECONDS + READY_TIMEOUT))
while :; do
  ready=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/actuator/health/readiness" || true)
  codes=""
  for path in $first_contacts; do codes="$codes $(curl -s -o /dev/null -w '%{http_code}' "$BASE$path" || true)"; done
  if [[ ( "$ready" == 200 || "$ready" == 404 ) && -z "$(echo "$codes" | tr ' ' '\n' | grep -v '^$' | grep -v '^302$' || true)" ]]; then
    log "ready: readiness $ready, Contact answered$codes"; break
  fi
  if (( SECONDS >= deadline )); then
    log "not ready after ${READY_TIMEOUT}s: readiness $ready, Contact answered$codes (not 302); see $OUT/app.log"; exit 1
  fi
  sleep 1
done

cpu_ticks() {
  local jvm pg=0 p
  jvm=$(awk '{print $14 + $15}' "/proc/$BENCH_APP_PID/stat")
  for p in $(pgrep -u postgres -f "postgres: .*$BENCH_DB"); do
    pg=$((pg + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0)))
  done
  echo "$jvm $pg"
}

run() { # run PATHS-FILE CONNECTIONS THINK-MS SECONDS OUTFILE
  local cpu0 cpu1
  cpu0=$(cpu_ticks)
  wrk -t"$THREADS" -c"$2" -d"${4}s" --timeout 15s -s "$BENCH_DIR/lib/paths.lua" "$BASE" -- "$1" "$3" > "$5" 2>&1
  cpu1=$(cpu_ticks)
  echo "cpu_ticks_jvm=$(( ${cpu1% *} - ${cpu0% *} )) cpu_ticks_pg=$(( ${cpu1#* } - ${cpu0#* } )) ticks_per_s=$(getconf CLK_TCK) loadavg=$(cut -d' ' -f1 /proc/loadavg)" >> "$5"
}

pairs() { # pairs NAME SUBJECT-PATHS BASELINE-PATHS CONNECTIONS THINK-MS
  local name="$1" subject="$2" baseline="$3" conns="$4" think="$5" r order kind
  log "$name: warm-up ${WARMUP}s per endpoint"
  run "$baseline" "$conns" "$think" "$WARMUP" "$OUT/$name-warmup-base.txt"
  run "$subject" "$conns" "$think" "$WARMUP" "$OUT/$name-warmup-subject.txt"
  for r in $(seq 1 "$ROUNDS"); do
    if (( r % 2 )); then order="subject base"; else order="base subject"; fi
    for kind in $order; do
      if [[ "$kind" == subject ]]; then
        run "$subject" "$conns" "$think" "$DURATION" "$OUT/$name-round-$r-subject.txt"
      else
        run "$baseline" "$conns" "$think" "$DURATION" "$OUT/$name-round-$r-base.txt"
      fi
      grep RESULT "$OUT/$name-round-$r-$kind.txt" | sed "s/^/  $name round $r $kind /" >&2
    done
  done
}

if [[ "$MODE" == click || "$MODE" == all ]]; then
  before=$(bench_sql "SELECT count(*) FROM lead_clicks")
  pairs click "$OUT/contacts.txt" "$OUT/bare-302.txt" "$CONNECTIONS" 0
  after=$(bench_sql "SELECT count(*) FROM lead_clicks")
  echo "lead_clicks rows stored during the click benchmark: $((after - before))" >> "$OUT/machine.txt"
  python3 "$BENCH_DIR/lib/summarize_pairs.py" "$OUT" click "Contact click" "bare 302" throughput 0.8 | tee "$OUT/summary-click.txt"
  python3 - "$OUT" "$((after - before))" <<'PY' | tee -a "$OUT/summary-click.txt"
import glob, re, sys
total = 0
for path in glob.glob(f"{sys.argv[1]}/click-*subject.txt"):
    m = re.search(r"requests=(\d+).*errors_status=(\d+)", open(path).read())
    if m:
        total += int(m.group(1)) - int(m.group(2))
print(f"clicks answered 302 (wrk, warm-up included): {total}; rows stored: {sys.argv[2]}"
      f" ({'every answered click is stored' if int(sys.argv[2]) >= total else 'MISSING ROWS'};"
      f" wrk counts only completed responses, the server may have stored a few more)")
PY
fi

if [[ "$MODE" == card || "$MODE" == all ]]; then
  pairs card "$OUT/cards.txt" "$OUT/bare-page.txt" "$USERS" 0
  python3 "$BENCH_DIR/lib/summarize_pairs.py" "$OUT" card "service card" "bare page" p99 20 | tee "$OUT/summary-card.txt"
  DURATION=$((DURATION * 3)) ROUNDS=$(( (ROUNDS + 1) / 2 )) WARMUP=5 pairs users "$OUT/cards.txt" "$OUT/bare-page.txt" "$USERS" "$THINK_MS"
  python3 "$BENCH_DIR/lib/summarize_pairs.py" "$OUT" users "service card, $USERS users reading" "bare page, same users" p99 20 | tee "$OUT/summary-users.txt"
fi
