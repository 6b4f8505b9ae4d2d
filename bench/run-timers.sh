#!/usr/bin/env bash
# Timers: SLA reminders and invitation-offer deadlines, pending by the 100,000, fired by two app
# instances on one PostgreSQL. Measures lateness (fire time - due time) and checks each fired once.
# See bench/README.md section 5 and docs/PERFORMANCE.md.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

TIMERS="${TIMERS:-100000}"          # pending timers of the measured run, half reminders, half deadlines
WINDOW="${WINDOW:-600}"             # seconds over which the due times of FIRE of them spread uniformly
FIRE="${FIRE:-$TIMERS}"             # how many of the TIMERS fall due in the run; the others a day later
BASELINE="${BASELINE:-1000}"        # timers of the baseline run, on one instance
BASE_WINDOW="${BASE_WINDOW:-30}"    # seconds over which the baseline's due times spread
WARMUP="${WARMUP:-2000}"            # timers fired (not measured) first, so that the JIT has compiled the paths
LEAD="${LEAD:-60}"                  # seconds between the start of loading and the first due time
PORT_A="${PORT_A:-18095}" PORT_B="${PORT_B:-18096}"

STAMP="$(date +%Y%m%d-%H%M%S)"
OUT="$BENCH_DIR/results/timers-$STAMP"
mkdir -p "$OUT"

APP_A="" APP_B=""
cleanup() {
  for pid in "$APP_B" "$APP_A"; do
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -9 "$pid" 2>/dev/null || true
    fi
  done
  BENCH_APP_PID=""
  bench_cleanup
}
trap cleanup EXIT

bench_build
bench_db
bench_machine | tee "$OUT/machine.txt"
# the scheduler settings under test: application.yml's unless POLLING, THREADS or CHECK override them
# the database server is shared with other work here (max_connections 100): a smaller pool per instance
APP_ARGS=("-Dspring.datasource.hikari.maximum-pool-size=${POOL:-8}")
[[ -n "${POLLING:-}" ]] && APP_ARGS+=("-Ddb-scheduler.polling-interval=$POLLING")
[[ -n "${THREADS:-}" ]] && APP_ARGS+=("-Ddb-scheduler.threads=$THREADS")
[[ -n "${CHECK:-}" ]] && APP_ARGS+=("-Db2brics.sla.check-interval=$CHECK")
echo "settings: ${APP_ARGS[*]:-as in application.yml}" | tee -a "$OUT/machine.txt"

# Telegram is a closed port: the messages the timers queue are stored in the outbox and fail to send.
export TELEGRAM_BOT_TOKEN=123:bench TELEGRAM_API_URL=http://127.0.0.1:9 \
  TELEGRAM_WEBHOOK_URL="http://127.0.0.1:$PORT_A/telegram/webhook" TELEGRAM_WEBHOOK_SECRET=bench-secret

# load PHASE N BASE_ID WINDOW: N/2 reminders (N/4 running clocks with a 50 % and an 80 % reminder)
# and N/2 live invitation offers, each with its db-scheduler deadline task, as the app writes them;
# due times uniform in [now+LEAD, now+LEAD+WINDOW].
load() {
  local phase="$1" n="$2" base="$3" window="$4" fire="${5:-$2}"
  local clocks=$(( n / 4 )) offers=$(( n / 2 ))
  local fire_clocks=$(( fire / 4 )) fire_offers=$(( fire / 2 ))
  psql -d "$BENCH_DB" -v ON_ERROR_STOP=1 -q <<SQL
BEGIN;
CREATE TEMP TABLE t0 AS SELECT now() + interval '$LEAD seconds' AS at;
INSERT INTO sla_deals (lead_id, chat_id, partner_id, service_id, storefront_slug, importer_id, open)
SELECT $base + g, -($base + g), s.partner_id, s.id, 'russia', 7000000000 + $base + g, TRUE
FROM generate_series(1, $clocks) g,
     (SELECT cs.id, cs.partner_id FROM catalog_services cs JOIN catalog_storefronts sf ON sf.id = cs.storefront_id
      WHERE sf.slug = 'russia' ORDER BY cs.id LIMIT 1) s;
INSERT INTO sla_clocks (lead_id, kind, allowed_ms, started_at, due_at, running_key)
SELECT $base + g, 'FIRST_RESPONSE', 7200000, now(), now() + interval '1 day', $base + g FROM generate_series(1, $clocks) g;
INSERT INTO sla_reminders (clock_id, percent, due_at)
SELECT c.id, p.percent, (SELECT at FROM t0) + random() * interval '$window seconds'
       + CASE WHEN c.lead_id > $base + $fire_clocks THEN interval '1 day' ELSE interval '0 seconds' END
FROM sla_clocks c, (VALUES (50), (80)) p(percent) WHERE c.lead_id BETWEEN $base + 1 AND $base + $clocks;
INSERT INTO sla_clock_events (clock_id, type, at, detail)
SELECT id, 'STARTED', now(), 'FIRST_RESPONSE PT2H' FROM sla_clocks WHERE lead_id BETWEEN $base + 1 AND $base + $clocks;
INSERT INTO invitations (deal_key, chat_id, storefront_slug, specialization, task, summary_en, summary_ru, inviter_id,
                         status, open_key, created_at)
SELECT 'bench-$phase:' || g, -($base + g), 'russia', 'LOGISTICS', 'Bench task', 'Bench deal', 'Bench deal',
       7100000000 + $base + g, 'OPEN', CAST(-($base + g) AS VARCHAR) || ':LOGISTICS', now()
FROM generate_series(1, $offers) g;
INSERT INTO invitation_offers (invitation_id, partner_id, status, live_for, offered_at, deadline)
SELECT i.id, (SELECT MIN(partner_id) FROM catalog_partner_specializations WHERE specialization = 'LOGISTICS'), 'LIVE', i.id,
       now(), (SELECT at FROM t0) + random() * interval '$window seconds'
       + CASE WHEN i.chat_id < -($base + $fire_offers) THEN interval '1 day' ELSE interval '0 seconds' END
FROM invitations i WHERE i.deal_key LIKE 'bench-$phase:%';
INSERT INTO invitation_history (invitation_id, event, partner_id, at)
SELECT invitation_id, 'PENDING', partner_id, offered_at FROM invitation_offers o
WHERE o.invitation_id IN (SELECT id FROM invitations WHERE deal_key LIKE 'bench-$phase:%');
INSERT INTO scheduled_tasks (task_name, task_instance, execution_time, picked, version)
SELECT 'invitation-offer-deadline', CAST(o.id AS VARCHAR), o.deadline, FALSE, 1 FROM invitation_offers o
WHERE o.invitation_id IN (SELECT id FROM invitations WHERE deal_key LIKE 'bench-$phase:%');
COMMIT;
CREATE TABLE IF NOT EXISTS bench_loaded (phase VARCHAR(16) PRIMARY KEY, at TIMESTAMP WITH TIME ZONE NOT NULL);
INSERT INTO bench_loaded VALUES ('$phase', clock_timestamp());
SQL
}

# waits until every timer of the phase fired (or TIMEOUT s), then prints its figures
measure() {
  local phase="$1" base="$2" n="$3" timeout="$4"
  local clocks=$(( n / 4 ))
  local deadline=$(( $(date +%s) + timeout ))
  while :; do
    left=$(bench_sql "SELECT (SELECT COUNT(*) FROM sla_reminders r JOIN sla_clocks c ON c.id = r.clock_id
                              WHERE c.lead_id BETWEEN $base + 1 AND $base + $clocks AND r.sent_at IS NULL
                              AND r.due_at < now() + interval '1 hour')
                           + (SELECT COUNT(*) FROM invitation_offers o JOIN invitations i ON i.id = o.invitation_id
                              WHERE i.deal_key LIKE 'bench-$phase:%' AND o.status = 'LIVE' AND o.deadline < now() + interval '1 hour')")
    [[ "$left" == 0 ]] && break
    if (( $(date +%s) > deadline )); then log "$phase: $left timers not fired after ${timeout}s"; break; fi
    sleep 5
  done
  sleep 3 # anything fired twice would show now
  psql -d "$BENCH_DB" -q -P pager=off <<SQL | tee "$OUT/$phase.txt"
\echo '$phase: lateness in ms (fire time - due time), by kind'
WITH lat AS (
  SELECT 'reminder' AS kind, EXTRACT(EPOCH FROM (r.sent_at - r.due_at)) * 1000 AS ms
  FROM sla_reminders r JOIN sla_clocks c ON c.id = r.clock_id
  WHERE c.lead_id BETWEEN $base + 1 AND $base + $clocks AND r.sent_at IS NOT NULL
    AND r.due_at > (SELECT at FROM bench_loaded WHERE phase = '$phase')
  UNION ALL
  SELECT 'deadline', EXTRACT(EPOCH FROM (o.answered_at - o.deadline)) * 1000
  FROM invitation_offers o JOIN invitations i ON i.id = o.invitation_id
  WHERE i.deal_key LIKE 'bench-$phase:%' AND o.status = 'EXPIRED'
    AND o.deadline > (SELECT at FROM bench_loaded WHERE phase = '$phase'))
SELECT kind, COUNT(*) AS fired,
       ROUND(CAST(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS NUMERIC), 1) AS p50,
       ROUND(CAST(percentile_cont(0.95) WITHIN GROUP (ORDER BY ms) AS NUMERIC), 1) AS p95,
       ROUND(CAST(percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS NUMERIC), 1) AS p99,
       ROUND(CAST(MAX(ms) AS NUMERIC), 1) AS max, ROUND(CAST(MIN(ms) AS NUMERIC), 1) AS min
FROM (SELECT * FROM lat UNION ALL SELECT 'all', ms FROM lat) x GROUP BY kind ORDER BY kind;
\echo '$phase: exactly once (timers due before the load committed are left out of the lateness above)'
SELECT (SELECT COUNT(*) FROM sla_reminders r JOIN sla_clocks c ON c.id = r.clock_id
        WHERE c.lead_id BETWEEN $base + 1 AND $base + $clocks) AS reminders,
       (SELECT COUNT(*) FROM sla_reminders r JOIN sla_clocks c ON c.id = r.clock_id
        WHERE c.lead_id BETWEEN $base + 1 AND $base + $clocks AND r.sent_at IS NULL AND r.due_at < now()) AS reminders_due_not_sent,
       (SELECT COUNT(*) FROM sla_reminders r JOIN sla_clocks c ON c.id = r.clock_id
        WHERE c.lead_id BETWEEN $base + 1 AND $base + $clocks AND r.sent_at IS NOT NULL AND r.due_at > now()) AS reminders_early,
       (SELECT COUNT(*) FROM (SELECT e.clock_id, e.detail FROM sla_clock_events e JOIN sla_clocks c ON c.id = e.clock_id
        WHERE c.lead_id BETWEEN $base + 1 AND $base + $clocks AND e.type = 'REMINDED'
        GROUP BY e.clock_id, e.detail HAVING COUNT(*) > 1) d) AS reminders_twice,
       (SELECT COUNT(*) FROM sla_clock_events e JOIN sla_clocks c ON c.id = e.clock_id
        WHERE c.lead_id BETWEEN $base + 1 AND $base + $clocks AND e.type = 'REMINDED') AS reminded_events,
       (SELECT COUNT(*) FROM invitations WHERE deal_key LIKE 'bench-$phase:%') AS deadlines,
       (SELECT COUNT(*) FROM invitation_offers o JOIN invitations i ON i.id = o.invitation_id
        WHERE i.deal_key LIKE 'bench-$phase:%' AND o.status <> 'EXPIRED' AND o.deadline < now()) AS deadlines_due_not_fired,
       (SELECT COUNT(*) FROM invitation_offers o JOIN invitations i ON i.id = o.invitation_id
        WHERE i.deal_key LIKE 'bench-$phase:%' AND o.status = 'EXPIRED' AND o.deadline > now()) AS deadlines_early,
       (SELECT COUNT(*) FROM (SELECT h.invitation_id FROM invitation_history h JOIN invitations i ON i.id = h.invitation_id
        WHERE i.deal_key LIKE 'bench-$phase:%' AND h.event = 'EXPIRED' GROUP BY h.invitation_id HAVING COUNT(*) > 1) d)
         AS deadlines_twice,
       (SELECT COUNT(*) FROM invitations WHERE deal_key LIKE 'bench-$phase:%' AND status = 'EXHAUSTED') AS exhausted,
       (SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'invitation-offer-deadline' AND execution_time < now())
         AS due_deadline_tasks_left,
       (SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'invitation-offer-deadline') AS deadline_tasks_pending;
SQL
}

per_instance() {
  local phase="$1"
  for name in a b; do
    [[ -f "$OUT/app-$name.log" ]] || continue
    echo "$phase: instance $name fired $(grep -c 'SLA reminder for lead' "$OUT/app-$name.log" || true) reminders (cumulative),"\
      "$(grep -c 'expired$' "$OUT/app-$name.log" || true) deadlines (cumulative)" | tee -a "$OUT/$phase.txt"
  done
}

cpu_of() { awk '{print $14 + $15}' "/proc/$1/stat"; }

log "starting instance a"
bench_start_app "$PORT_A" "$OUT/app-a.log" "${APP_ARGS[@]}"; APP_A="$BENCH_APP_PID"
for _ in $(seq 1 120); do
  [[ "$(bench_sql "SELECT COUNT(*) FROM catalog_services")" != 0 && "$(bench_sql "SELECT COUNT(*) FROM catalog_partner_specializations WHERE specialization = 'LOGISTICS'")" != 0 ]] && break
  sleep 1
done
log "warm-up: $WARMUP timers, not measured"
load warm "$WARMUP" 5000000 60
measure warm 5000000 "$WARMUP" $(( LEAD + 60 + 300 )) >/dev/null
log "baseline: $BASELINE timers on one instance, due over ${BASE_WINDOW}s"
load base "$BASELINE" 10000000 "$BASE_WINDOW"
measure base 10000000 "$BASELINE" $(( LEAD + BASE_WINDOW + 120 ))
per_instance base

log "starting instance b"
bench_start_app "$PORT_B" "$OUT/app-b.log" "${APP_ARGS[@]}"; APP_B="$BENCH_APP_PID"
log "measured run: $TIMERS timers pending on two instances, $FIRE of them due over ${WINDOW}s"
start_load=$(date +%s.%N)
load main "$TIMERS" 20000000 "$WINDOW" "$FIRE"
bench_sql "ANALYZE" >/dev/null
log "loaded in $(echo "$(date +%s.%N) - $start_load" | bc) s; pending: $(bench_sql "SELECT COUNT(*) FROM scheduled_tasks") db-scheduler rows, $(bench_sql 'SELECT COUNT(*) FROM sla_reminders WHERE sent_at IS NULL') reminders"
cpu0=$(( $(cpu_of "$APP_A") + $(cpu_of "$APP_B") ))
measure main 20000000 "$TIMERS" $(( LEAD + WINDOW + 600 ))
cpu1=$(( $(cpu_of "$APP_A") + $(cpu_of "$APP_B") ))
per_instance main
echo "main: app CPU (both JVMs) during the run: $(( (cpu1 - cpu0) / $(getconf CLK_TCK) )) s; load average $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/main.txt"

python3 - "$OUT/base.txt" "$OUT/main.txt" <<'PY' | tee "$OUT/ratio.txt"
import re, sys
def rows(path):
    out = {}
    for line in open(path):
        cells = [c.strip() for c in line.split('|')]
        if len(cells) == 7 and cells[0] in ('all', 'reminder', 'deadline'):
            out[cells[0]] = [float(c) for c in cells[1:]]
    return out
base, main = rows(sys.argv[1]), rows(sys.argv[2])
for kind in ('all', 'reminder', 'deadline'):
    if kind in base and kind in main:
        b, m = base[kind], main[kind]
        print(f"{kind}: measured/baseline p50 {m[1]:.0f}/{b[1]:.0f} ms, p95 {m[2]:.0f}/{b[2]:.0f}, p99 {m[3]:.0f}/{b[3]:.0f}"
              f" (ratio {m[3] / b[3] if b[3] else float('nan'):.2f}), max {m[4]:.0f}/{b[4]:.0f}")
if 'all' in main:
    print("goal p99 < 1000 ms:", "met" if main['all'][3] < 1000 else "NOT met")
PY
log "results in $OUT"
