#!/usr/bin/env bash
# The seeded whole-flow simulation (issue 11 §6) over many seeds: each seed drives the product
# through a standalone sandbox on a fresh world (sandbox, database, app instance) and checks the
# invariants after every step. Reports seeds and steps run, and every failed seed with the command
# that replays it. See bench/README.md section 6 and docs/PERFORMANCE.md.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

SEEDS="${SEEDS:-100}"                 # how many seeds
STEPS="${STEPS:-40}"                  # steps per seed
FIRST_SEED="${FIRST_SEED:-1}"         # seeds FIRST_SEED .. FIRST_SEED+SEEDS-1
FAULTS_EVERY="${FAULTS_EVERY:-3}"     # every n-th seed runs with injected 429/5xx/time-outs (0: none)
RESTART_EVERY="${RESTART_EVERY:-4}"   # every n-th seed restarts the app mid-flow (0: none)
DB="${DB:-h2}"                        # h2: an in-memory H2 per seed; pg: a fresh PostgreSQL database per seed

STAMP="$(date +%Y%m%d-%H%M%S)"
OUT="$BENCH_DIR/results/simulation-$STAMP"
mkdir -p "$OUT"

bench_build
bench_machine | tee "$OUT/machine.txt"
echo "settings: SEEDS=$SEEDS STEPS=$STEPS FIRST_SEED=$FIRST_SEED FAULTS_EVERY=$FAULTS_EVERY RESTART_EVERY=$RESTART_EVERY DB=$DB" \
  | tee -a "$OUT/machine.txt"

if [[ "$DB" == pg ]]; then
  # FreshDatabase creates (and drops) one database per seed on the server the URL names
  export SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/postgres" SPRING_DATASOURCE_USERNAME="$PGUSER"
else
  unset SPRING_DATASOURCE_URL
fi

log "running $SEEDS seeds of $STEPS steps; progress in $OUT/report.txt, the apps' logs in $OUT/run.log"
status=0
java ${BENCH_JVM_OPTS:--Xms512m -Xmx1g} -cp "$BENCH_CP" \
  -Dsim.first-seed="$FIRST_SEED" -Dsim.seeds="$SEEDS" -Dsim.steps="$STEPS" \
  -Dsim.faults-every="$FAULTS_EVERY" -Dsim.restart-every="$RESTART_EVERY" -Dsim.out="$OUT" \
  com.b2brics.bench.SimulationBench >"$OUT/run.log" 2>&1 || status=$?
grep -E '^(simulation:|failed seed)' "$OUT/report.txt" || true
[[ $status -eq 0 ]] || log "failures: see $OUT/failure-<seed>.txt (seed, steps and the replay command)"
exit $status
