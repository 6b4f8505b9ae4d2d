# Shared by the bench runners: build, throwaway PostgreSQL database, app start/stop.
# shellcheck shell=bash
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
PGHOST="${PGHOST:-127.0.0.1}"
PGPORT="${PGPORT:-5432}"
PGUSER="${PGUSER:-postgres}"
export PGHOST PGPORT PGUSER

log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

# Compiles main and test sources and writes the dependency classpath (skip with BENCH_SKIP_BUILD=1).
bench_build() {
  if [[ "${BENCH_SKIP_BUILD:-0}" != 1 || ! -f "$ROOT/target/bench-classpath.txt" ]]; then
    log "building (test-compile + classpath)"
    (cd "$ROOT" && ./mvnw -q -B test-compile dependency:build-classpath \
        -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test)
  fi
  BENCH_CP="$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$ROOT/target/bench-classpath.txt")"
}

# Creates a fresh database and registers its removal at exit.
bench_db() {
  BENCH_DB="bench_$(date +%s)_$$"
  psql -d postgres -qc "CREATE DATABASE $BENCH_DB" >/dev/null
  log "database $BENCH_DB (dropped at exit)"
}

bench_sql() { psql -d "$BENCH_DB" -qtAc "$1"; }

bench_cleanup() {
  if [[ -n "${BENCH_APP_PID:-}" ]] && kill -0 "$BENCH_APP_PID" 2>/dev/null; then
    kill "$BENCH_APP_PID" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$BENCH_APP_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$BENCH_APP_PID" 2>/dev/null || true
  fi
  if [[ -n "${BENCH_DB:-}" && "${BENCH_KEEP_DB:-0}" != 1 ]]; then
    psql -d postgres -qc "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" >/dev/null || true
  fi
}

# bench_start_app PORT LOGFILE [extra JVM args...]; environment variables set by the caller pass through.
bench_start_app() {
  local port="$1" logfile="$2"; shift 2
  SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB${BENCH_JDBC_PARAMS:-}" \
  SPRING_DATASOURCE_USERNAME="$PGUSER" SPRING_DATASOURCE_PASSWORD="" \
  PORT="$port" B2BRICS_ADMIN_PASSWORD=bench \
    java ${BENCH_JVM_OPTS:--Xms1g -Xmx1g} "$@" -cp "$BENCH_CP" com.b2brics.bench.BenchMain \
      >"$logfile" 2>&1 &
  BENCH_APP_PID=$!
  for _ in $(seq 1 120); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/actuator/health" 2>/dev/null || true)
    if [[ -n "$code" && "$code" != 000 ]]; then
      log "app up on port $port (pid $BENCH_APP_PID)"
      return 0
    fi
    kill -0 "$BENCH_APP_PID" 2>/dev/null || { log "app died; see $logfile"; tail -30 "$logfile" >&2; return 1; }
    sleep 1
  done
  log "app did not come up; see $logfile"; return 1
}

bench_machine() {
  echo "date: $(date -Is)"
  echo "nproc: $(nproc)"
  echo "memory: $(free -m | awk '/Mem:/{print $2 " MB total, " $7 " MB available"}')"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo "loadavg: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "java: $(java -version 2>&1 | head -2 | tr '\n' ' ')"
  echo "postgresql: $(psql -d postgres -qtAc 'show server_version') synchronous_commit=$(psql -d postgres -qtAc 'show synchronous_commit') fsync=$(psql -d postgres -qtAc 'show fsync')"
  echo "commit: $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- src || echo ' (+uncommitted changes)')"
}
