#!/usr/bin/env bash
# The HTTP load test of Triage Desk, side by side with pgbench on the same PostgreSQL, plus memory
# and start-up. One command:  bench/load.sh
#
# It builds the jar when target/ has none, starts the packaged app (java -jar) with its embedded
# PostgreSQL on a fixed port in a fresh data directory under target/bench, warms up, runs wrk per
# endpoint and pgbench with an issue creation written in SQL (bench/pgbench/create-issue.sql),
# samples the app JVM's resident memory, then measures start-up to healthy (fat jar, extracted jar,
# extracted jar with a JDK AOT cache), prints a table and writes it to target/bench/results.md
# (raw wrk, pgbench and app output beside it). It stops everything it started, also on Ctrl-C.
#
# Knobs (environment): BENCH_DURATION (s per measured run, 30), BENCH_WARMUP (s per endpoint, 30),
# BENCH_INTAKE_WARMUP (s before the intake is measured, 300),
# BENCH_CONNECTIONS (8), BENCH_PORT (18095), BENCH_DB_PORT (18096), BENCH_JVM_OPTS (heap and GC,
# below), BENCH_STARTUP=0 to skip the start-up part, BENCH_LOAD=0 to skip the load part, BENCH_JAR,
# BENCH_KEEP_DATA=1 to keep the data directory of the last run (quicker first start, more issues).
# Needs wrk and pgbench (Debian's wrk and postgresql-client; installed when missing and root) and
# curl. Traffic goes to 127.0.0.1 only, every run is bounded in time.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

OUT=${BENCH_OUT:-$ROOT/target/bench}
PORT=${BENCH_PORT:-18095}
DB_PORT=${BENCH_DB_PORT:-18096}
DURATION=${BENCH_DURATION:-30}
WARMUP=${BENCH_WARMUP:-30}
# The intake runs the most code (checklist, persistence, mail, templates): after 15 s its JIT
# compiler threads still used a third of the JVM's CPU, and the rate kept rising for about five
# minutes (44 -> 112 requests/s, 35 -> 10 ms of JVM CPU per request), so it gets a longer warm-up.
INTAKE_WARMUP=${BENCH_INTAKE_WARMUP:-300}
CONNECTIONS=${BENCH_CONNECTIONS:-8}
DATA=$OUT/data
API_KEY=td_benchkey_0123456789abcdefghijklmnopqrstuvwxyzABCD
ADMIN=admin@bench.example
ADMIN_PASSWORD=bench-admin-password-1
BASE=http://127.0.0.1:$PORT
export WRK_DIR=$ROOT/bench/wrk
# A small request for priming and the AOT training run
PRIME_JSON='{"subject":"POST /epayment/v1/payments gives HTTP 400","description":"1. We create a payment. 2. We get HTTP 400 back.","reporter":{"name":"Kari Nordmann","email":"kari@acme-shop.no","phone":"+47 912 34 567"},"cc":["ola@acme-shop.no"]}'

mkdir -p "$OUT"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RESULTS=$OUT/results-$STAMP.md

log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# ---------------------------------------------------------------- prerequisites
java_major() {
  "$1" -XshowSettings:properties -version 2>&1 |
    awk -F'= ' '/java.specification.version/ { split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]) }'
}
pick_jdk() { # the newest JDK >= 21 (the AOT cache needs 25)
  local best="" best_major=0 candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/* /opt/java/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    major=$(java_major "$candidate/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best="$candidate"; best_major="$major"
    fi
  done
  echo "$best"
}
JAVA_HOME=$(pick_jdk)
[ -n "$JAVA_HOME" ] || { echo "No JDK >= 21 found" >&2; exit 1; }
export JAVA_HOME
JAVA=$JAVA_HOME/bin/java
JAVA_MAJOR=$(java_major "$JAVA")
# The memory budget of the service, within 400 MB resident (NMT after the intake and read runs,
# 2026-12-02, Spring AOT, -Xmx128m: heap 119 MB committed, metaspace 103 MB, code cache 94 MB committed
# of which 56 MB in use, compiler arenas 22 MB, symbols 23 MB, class space 19 MB, the rest under 15 MB
# each): a heap of 112 MB (the live set after a young collection is about 60 MB), a code cache of 80 MB
# (cold code is flushed before it fills; 37 MB at most were in use), the serial collector (on two
# cores a concurrent collector's threads compete with the requests; its young pauses were 4-10 ms),
# and from JDK 22 on a trim of glibc's heap every 2 s, which gives back what the JIT compilers' arenas
# freed. The app also runs with MALLOC_ARENA_MAX=2 (glibc's per-thread arenas are resident too).
# From JDK 25 on (2026-12-03, two load runs each: peaks 395 and 403 MB against 410-435 MB without,
# intake and latency no worse): compact object headers (8 bytes less a header, so a 104 MB heap
# holds what 112 MB did) and a cap of 24 MB on the memory of one compilation (C2 took up to 58 MB
# for one Hibernate method; above the cap it gives that method up and the C1 code stays).
DEFAULT_JVM_OPTS="-Xms64m -Xmx112m -XX:ReservedCodeCacheSize=80m -XX:+UseSerialGC"
[ "$JAVA_MAJOR" -ge 22 ] && DEFAULT_JVM_OPTS="$DEFAULT_JVM_OPTS -XX:TrimNativeHeapInterval=2000"
[ "$JAVA_MAJOR" -ge 25 ] && DEFAULT_JVM_OPTS="-Xms64m -Xmx104m -XX:ReservedCodeCacheSize=80m -XX:+UseSerialGC \
-XX:TrimNativeHeapInterval=2000 -XX:+UseCompactObjectHeaders -XX:CompileCommand=MemLimit,*.*,24m"
JVM_OPTS=${BENCH_JVM_OPTS:-$DEFAULT_JVM_OPTS}

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
need=()
command -v wrk >/dev/null || need+=(wrk)
command -v pgbench >/dev/null && command -v psql >/dev/null || need+=(postgresql-client)
command -v curl >/dev/null || need+=(curl)
if [ ${#need[@]} -gt 0 ]; then
  log "installing ${need[*]}"
  as_root apt-get update -qq && as_root apt-get install -y -qq "${need[@]}" >/dev/null
fi

JAR=${BENCH_JAR:-$(ls "$ROOT"/target/triage-desk-*.jar 2>/dev/null | grep -v original | head -1 || true)}
if [ -z "$JAR" ]; then
  log "building the jar (./mvnw -DskipTests package)"
  ./mvnw -B -q -ntp -DskipTests package
  JAR=$(ls "$ROOT"/target/triage-desk-*.jar | grep -v original | head -1)
fi

# The load runs on the app as it is run in production (README, "Running it in production"): with
# Spring's AOT processing when the jar carries it (./mvnw -Pspring-aot -DskipTests package): bean
# definitions generated at build time instead of found by reflection, 30-40 MB less resident when
# healthy than the same jar without it (the start-up table below).
LOAD_OPTS=""
LOAD_MODE="java -jar"
if "$JAVA_HOME/bin/jar" tf "$JAR" | grep -q 'TriageDeskApplication__ApplicationContextInitializer'; then
  LOAD_OPTS="-Dspring.aot.enabled=true"
  LOAD_MODE="java -Dspring.aot.enabled=true -jar"
fi

if curl -s -o /dev/null "$BASE/actuator/health" || (exec 3<>"/dev/tcp/127.0.0.1/$DB_PORT") 2>/dev/null; then
  echo "Port $PORT or $DB_PORT is in use: set BENCH_PORT / BENCH_DB_PORT" >&2
  exit 1
fi

# ---------------------------------------------------------------- the app
APP_PID=""
SAMPLER_PID=""

stop_app() { # stop_app [seconds to wait, 60]
  local wait=${1:-60}
  [ -n "$APP_PID" ] || return 0
  if kill -0 "$APP_PID" 2>/dev/null; then
    kill -TERM "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 $((wait * 10))); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$APP_PID" 2>/dev/null; then
      log "the app did not stop within $wait s; killing it and its PostgreSQL"
      kill -KILL "$APP_PID" 2>/dev/null || true
      local postmaster
      postmaster=$(head -1 "$DATA/postgres/postmaster.pid" 2>/dev/null || true)
      [ -n "$postmaster" ] && kill -INT "$postmaster" 2>/dev/null || true
    fi
  fi
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
}

cleanup() {
  [ -n "$SAMPLER_PID" ] && kill "$SAMPLER_PID" 2>/dev/null || true
  stop_app
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# start_app LABEL [java options...]: starts the app and waits until /actuator/health is UP; sets
# HEALTHY_AFTER to the seconds from launch to healthy. Fails (status 1) when the app does not start.
start_app() {
  local label=$1; shift
  local start now
  start=$(date +%s%N)
  # shellcheck disable=SC2086
  MALLOC_ARENA_MAX=2 TRIAGE_DATA_DIR=$DATA TRIAGE_EMBEDDED_DATABASE_PORT=$DB_PORT SERVER_PORT=$PORT \
    TRIAGE_BOOTSTRAP_API_KEY=$API_KEY TRIAGE_ADMIN_EMAIL=$ADMIN TRIAGE_ADMIN_PASSWORD=$ADMIN_PASSWORD \
    "$JAVA" $JVM_OPTS "$@" \
    --triage.rate-limit.anonymous-per-minute=1000000000 --triage.rate-limit.api-key-per-minute=1000000000 \
    --triage.web.checks-per-minute=1000000000 --triage.web.sends-per-minute=1000000000 \
    --triage.web.log-ins-per-minute=1000000000 \
    > "$OUT/app-$label.log" 2>&1 &
  APP_PID=$!
  while true; do
    if curl -s --max-time 2 "$BASE/actuator/health" 2>/dev/null | grep -q '"status":"UP"}$\|^{"status":"UP"'; then
      break
    fi
    if ! kill -0 "$APP_PID" 2>/dev/null; then
      log "the app ($label) exited while starting; see $OUT/app-$label.log"
      wait "$APP_PID" 2>/dev/null || true
      APP_PID=""
      return 1
    fi
    now=$(date +%s%N)
    if [ $(((now - start) / 1000000000)) -gt 600 ]; then
      log "the app ($label) was not healthy within 600 s; see $OUT/app-$label.log"
      stop_app
      return 1
    fi
    sleep 0.05
  done
  now=$(date +%s%N)
  HEALTHY_AFTER=$(awk -v ns=$((now - start)) 'BEGIN { printf "%.2f", ns / 1e9 }')
}

started_in() { # what Spring Boot itself reports
  sed -n 's/.*Started TriageDeskApplication in \([0-9.]*\) seconds.*/\1/p' "$OUT/app-$1.log" | tail -1
}

# ---------------------------------------------------------------- memory
rss_kb() { awk -v key="$1:" '$1 == key { print $2 }' "/proc/$APP_PID/status" 2>/dev/null || echo 0; }

start_sampler() { # the largest VmRSS of the app JVM while a run lasts, in $OUT/rss-$1.max
  local file=$OUT/rss-$1.max pid=$APP_PID
  echo 0 > "$file"
  (
    max=0
    while kill -0 "$pid" 2>/dev/null; do
      rss=$(awk '$1 == "VmRSS:" { print $2 }' "/proc/$pid/status" 2>/dev/null || echo 0)
      if [ "${rss:-0}" -gt "$max" ]; then max=$rss; echo "$max" > "$file"; fi
      sleep 0.5
    done
  ) &
  SAMPLER_PID=$!
}
stop_sampler() { kill "$SAMPLER_PID" 2>/dev/null || true; wait "$SAMPLER_PID" 2>/dev/null || true; SAMPLER_PID=""; }
mb() { awk -v kb="$1" 'BEGIN { printf "%.0f", kb / 1024 }'; }

# CPU time (user + system, clock ticks) of the app JVM, and of PostgreSQL (the postmaster and its
# processes): on a shared machine the rates depend on what else runs, CPU time per request much less.
TICKS=$(getconf CLK_TCK)
ticks_of() { local t=0 pid; for pid in "$@"; do t=$((t + $(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0))); done; echo "$t"; }
jvm_ticks() { ticks_of "$APP_PID"; }
db_ticks() { # the postmaster with what its ended children used (pgbench's connections end), and its children
  local postmaster
  postmaster=$(head -1 "$DATA/postgres/postmaster.pid" 2>/dev/null || true)
  [ -n "$postmaster" ] || { echo 0; return; }
  # shellcheck disable=SC2046
  echo $(($(awk '{ print $16 + $17 }' "/proc/$postmaster/stat") + $(ticks_of "$postmaster" $(ps -o pid= --ppid "$postmaster"))))
}
per_request() { # per_request TICKS REQUESTS -> CPU ms per request
  awk -v t="$1" -v n="$2" -v hz="$TICKS" 'BEGIN { if (n > 0) printf "%.1f", 1000 * t / hz / n; else print "-" }'
}

# ---------------------------------------------------------------- wrk and pgbench
field() { sed -n "s/.*\"$2\":\([0-9.]*\).*/\1/p" "$1"; }

# run_wrk NAME SCRIPT CONNECTIONS SECONDS [VAR=value ...]: one wrk run, one thread (the other core
# is the app's), figures in $OUT/wrk-NAME.json (one JSON line) and wrk's own text in .txt
run_wrk() {
  local name=$1 script=$2 connections=$3 seconds=$4; shift 4
  env WRK_RESULT="$OUT/wrk-$name.json" WRK_RUN="$STAMP-$name" "$@" \
    wrk -t1 -c"$connections" -d"${seconds}s" --timeout 30s --latency -s "$ROOT/bench/wrk/$script" "$BASE" \
    > "$OUT/wrk-$name.txt" 2>&1 || { cat "$OUT/wrk-$name.txt" >&2; exit 1; }
}

ROWS=()
# measure NAME SCRIPT CONNECTIONS [VAR=value ...]: warm-up run, then the measured run with memory sampling
measure() {
  local name=$1 script=$2 connections=$3 warmup=$WARMUP; shift 3
  [ "$name" = intake ] && warmup=$INTAKE_WARMUP
  log "$name: warm-up ${warmup}s"
  run_wrk "$name-warmup" "$script" "$connections" "$warmup" "$@"
  log "$name: ${DURATION}s, $connections connections"
  psql_app -c "checkpoint" >/dev/null # no checkpoint debt from the warm-up in the measured run
  measured_run "$name" "$script" "$connections" "$DURATION" "$name" "$@"
}
# measured_run NAME SCRIPT CONNECTIONS SECONDS LABEL [VAR=value ...]: one run with memory and CPU, as a row
measured_run() {
  local name=$1 script=$2 connections=$3 seconds=$4 label=$5 jvm db; shift 5
  start_sampler "$name"
  jvm=$(jvm_ticks); db=$(db_ticks)
  run_wrk "$name" "$script" "$connections" "$seconds" "$@"
  jvm=$(($(jvm_ticks) - jvm)); db=$(($(db_ticks) - db))
  stop_sampler
  local json=$OUT/wrk-$name.json requests
  requests=$(field "$json" requests)
  [ "$(cat "$OUT/rss-$name.max")" != 0 ] || rss_kb VmRSS > "$OUT/rss-$name.max"
  ROWS+=("$(printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |' "$label" "$connections" "$(field "$json" rps)" \
    "$(field "$json" p50_ms)" "$(field "$json" p99_ms)" "$(field "$json" max_ms)" "$(field "$json" non2xx3xx)" \
    "$(per_request "$jvm" "$requests")" "$(per_request "$db" "$requests")" "$(mb "$(cat "$OUT/rss-$name.max")")")")
}

psql_app() { psql -h 127.0.0.1 -p "$DB_PORT" -U postgres -d postgres -XAtq "$@"; }

{
  echo "# Triage Desk load test $STAMP"
  echo
  echo "- machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- java: $("$JAVA" -version 2>&1 | head -1); the load runs on \`$LOAD_MODE\` with JVM options \`$JVM_OPTS\`, MALLOC_ARENA_MAX=2"
  echo "- jar: ${JAR#"$ROOT"/}; wrk $(wrk --version 2>&1 | head -1 | awk '{print $2}') (1 thread); $(pgbench --version)"
  echo "- each run ${DURATION} s after a warm-up of the same endpoint (${INTAKE_WARMUP} s for the intake, ${WARMUP} s for the others); rate limits raised out of the way"
  echo
} > "$RESULTS"

if [ "${BENCH_LOAD:-1}" != 0 ]; then
  [ "${BENCH_KEEP_DATA:-0}" = 1 ] || rm -rf "$DATA"
  log "first start (${LOAD_MODE:-java -jar})"
  # shellcheck disable=SC2086
  start_app first $LOAD_OPTS -jar "$JAR" || exit 1
  FIRST=$HEALTHY_AFTER
  log "healthy after ${FIRST}s"

  # ---- intake: POST /api/v1/requests, then pgbench with the same number of clients, then half the rate
  # A few requests one at a time first: the first ones after start-up take seconds (class loading,
  # the JIT), which would otherwise time out behind each other in the warm-up.
  for _ in 1 2 3 4 5; do
    curl -s -o /dev/null --max-time 120 -X POST "$BASE/api/v1/requests" -H 'Content-Type: application/json' -d "$PRIME_JSON"
  done
  measure intake intake.lua "$CONNECTIONS"
  INTAKE_RPS=$(field "$OUT/wrk-intake.json" rps)
  if [ "$(awk -v r="$INTAKE_RPS" 'BEGIN { print (r > 0) }')" != 1 ]; then
    echo "No request to POST /api/v1/requests completed; see $OUT/wrk-intake.txt and $OUT/app-first.log" >&2
    exit 1
  fi

  log "pgbench: ${DURATION}s, $CONNECTIONS clients, bench/pgbench/create-issue.sql"
  # The texts of the first issue the app created in this run, bound as the app binds them
  TEMPLATE=$(psql_app -c "select max(id) from issue")
  TEMPLATE_KEY=$(psql_app -c "select issue_key from issue where id = $TEMPLATE")
  pg_value() { psql_app -c "$1"; }
  PGBENCH_VARS=(
    -D "subject=$(pg_value "select subject from issue where id = $TEMPLATE")"
    -D "description=$(pg_value "select description from issue where id = $TEMPLATE")"
    -D "http_request=$(pg_value "select http_request from issue where id = $TEMPLATE")"
    -D "http_response=$(pg_value "select http_response from issue where id = $TEMPLATE")"
    -D "checklist=$(pg_value "select checklist::text from issue where id = $TEMPLATE")"
    -D "additional_info=$(pg_value "select additional_info from issue where id = $TEMPLATE")"
    -D "outbox_text=$(pg_value "select body_text from mail_outbox where issue_key = '$TEMPLATE_KEY' limit 1")"
    -D "outbox_html=$(pg_value "select body_html from mail_outbox where issue_key = '$TEMPLATE_KEY' limit 1")"
  )
  psql_app -c "checkpoint" >/dev/null
  PG_DB_TICKS=$(db_ticks)
  pgbench -h 127.0.0.1 -p "$DB_PORT" -U postgres -n -M prepared -c "$CONNECTIONS" -j 1 -T "$DURATION" \
    -f "$ROOT/bench/pgbench/create-issue.sql" "${PGBENCH_VARS[@]}" postgres > "$OUT/pgbench.txt" 2>&1 ||
    { cat "$OUT/pgbench.txt" >&2; exit 1; }
  PG_DB_TICKS=$(($(db_ticks) - PG_DB_TICKS))
  PGBENCH_TPS=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$OUT/pgbench.txt" | head -1)
  PGBENCH_TX=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$OUT/pgbench.txt")
  PGBENCH_LATENCY=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' "$OUT/pgbench.txt")

  # Half of the measured intake rate: wrk has no fixed-rate mode (wrk2 is not in Debian), so every
  # connection waits a random think time (exponential, mean connections / half-rate) before each
  # request; the achieved rate is what the table shows.
  HALF=$(awk -v r="$INTAKE_RPS" 'BEGIN { printf "%.1f", r / 2 }')
  THINK=$(awk -v r="$HALF" -v c="$CONNECTIONS" 'BEGIN { t = c * 1000 / r; printf "%d", t < 1 ? 1 : t }')
  log "intake at half the rate (~$HALF/s): think time ${THINK} ms"
  measured_run intake-half intake.lua "$CONNECTIONS" "$DURATION" "intake at half rate (think ${THINK} ms)" \
    WRK_THINK_MS="$THINK"
  # The database's own share of that latency: pgbench's issue creation at the rate the intake just
  # achieved (-R), p50 and p99 from its per-transaction log. Its latency counts from the scheduled
  # start, so it includes the wait for a free client ("schedule lag" in pgbench-half.txt).
  HALF_ACHIEVED=$(field "$OUT/wrk-intake-half.json" rps)
  log "pgbench at the intake's half rate (${HALF_ACHIEVED}/s)"
  rm -f "$OUT"/pgbench-half.*
  pgbench -h 127.0.0.1 -p "$DB_PORT" -U postgres -n -M prepared -c "$CONNECTIONS" -j 1 -T "$DURATION" \
    -R "$HALF_ACHIEVED" -l --log-prefix="$OUT/pgbench-half" \
    -f "$ROOT/bench/pgbench/create-issue.sql" "${PGBENCH_VARS[@]}" postgres > "$OUT/pgbench-half.txt" 2>&1 ||
    { cat "$OUT/pgbench-half.txt" >&2; exit 1; }
  # Log columns: client, transaction, latency in µs, ...
  PGBENCH_HALF=$(cat "$OUT"/pgbench-half.[0-9]* | awk '{ print $3 / 1000 }' | sort -n |
    awk '{ a[NR] = $1 } END { if (NR) printf "%d transactions, p50 %.1f ms, p99 %.1f ms", NR, a[int(NR * 0.5) + 1], a[int(NR * 0.99) + 1] }')

  # ---- the public page's checklist check: session cookie and CSRF token from the page, as htmx sends them
  JAR_COOKIES=$OUT/cookies-public.txt
  rm -f "$JAR_COOKIES"
  CSRF=$(curl -s -c "$JAR_COOKIES" "$BASE/" | sed -n 's/.*<meta name="_csrf" content="\([^"]*\)".*/\1/p' | head -1)
  SESSION=$(awk '$6 == "JSESSIONID" { print $7 }' "$JAR_COOKIES")
  [ -n "$CSRF" ] && [ -n "$SESSION" ] || { echo "No session or CSRF token from GET /" >&2; exit 1; }
  measure check check.lua "$CONNECTIONS" WRK_COOKIE="JSESSIONID=$SESSION" WRK_CSRF="$CSRF"
  # ---- the same evaluation as JSON (no session, CSRF token or template), and the floor of this stack on
  # this machine: GET /actuator/info, 143 bytes of JSON through Tomcat, Spring MVC and the lightest of
  # our security chains (stateless, no CSRF); of our code only the request-size filter. No request that
  # reads a 5 KB body and evaluates it is served faster.
  measure check-api check-api.lua "$CONNECTIONS"
  measure floor get.lua "$CONNECTIONS" WRK_PATH='/actuator/info'

  # ---- staff reads with the bootstrap API key
  read -r KEY_MIN KEY_MAX < <(psql_app -F' ' -c \
    "select min(substring(issue_key from 5)::int), max(substring(issue_key from 5)::int) from issue")
  ISSUES=$(psql_app -c "select count(*) from issue")
  measure issue get.lua "$CONNECTIONS" WRK_PATH='/api/v1/issues/{key}' WRK_BEARER="$API_KEY" \
    WRK_KEY_MIN="$KEY_MIN" WRK_KEY_MAX="$KEY_MAX"
  measure issue-list get.lua "$CONNECTIONS" WRK_PATH='/api/v1/issues' WRK_BEARER="$API_KEY"
  measure issue-search get.lua "$CONNECTIONS" WRK_PATH='/api/v1/issues?q=basket' WRK_BEARER="$API_KEY"

  # ---- the dashboard queue, logged in as the first administrator (from TRIAGE_ADMIN_PASSWORD, so no
  # password change is asked for)
  STAFF_COOKIES=$OUT/cookies-staff.txt
  rm -f "$STAFF_COOKIES"
  LOGIN_CSRF=$(curl -s -c "$STAFF_COOKIES" -b "$STAFF_COOKIES" "$BASE/login" |
    sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  LOCATION=$(curl -s -o /dev/null -w '%{redirect_url}' -c "$STAFF_COOKIES" -b "$STAFF_COOKIES" \
    --data-urlencode "username=$ADMIN" --data-urlencode "password=$ADMIN_PASSWORD" --data-urlencode "_csrf=$LOGIN_CSRF" \
    "$BASE/login")
  case "$LOCATION" in */dashboard*) ;; *) echo "Log-in failed (redirected to '$LOCATION')" >&2; exit 1 ;; esac
  STAFF_SESSION=$(awk '$6 == "JSESSIONID" { print $7 }' "$STAFF_COOKIES")
  measure dashboard get.lua "$CONNECTIONS" WRK_PATH='/dashboard' WRK_COOKIE="JSESSIONID=$STAFF_SESSION" \
    WRK_ACCEPT='text/html'
  measure dashboard-search get.lua "$CONNECTIONS" WRK_PATH='/dashboard?q=basket' \
    WRK_COOKIE="JSESSIONID=$STAFF_SESSION" WRK_ACCEPT='text/html'

  HWM=$(rss_kb VmHWM)
  RSS_END=$(rss_kb VmRSS)
  stop_app

  RATIO=$(awk -v a="$INTAKE_RPS" -v b="$PGBENCH_TPS" 'BEGIN { printf "%.1f", 100 * a / b }')
  {
    echo "First start ($([ "${BENCH_KEEP_DATA:-0}" = 1 ] && echo "on the data directory of an earlier run" || echo "on a fresh data directory: initdb, migrations")): healthy after ${FIRST} s."
    echo "Issues in the database after the intake runs: $ISSUES."
    echo
    echo "| endpoint | connections | req/s | p50 ms | p99 ms | max ms | non-2xx/3xx | JVM CPU ms/req | PostgreSQL CPU ms/req | max RSS MB |"
    echo "|---|---|---|---|---|---|---|---|---|---|"
    printf '%s\n' "${ROWS[@]}" | sed -e 's/^| intake |/| POST \/api\/v1\/requests (5 KB) |/' \
      -e 's/^| intake at/| POST \/api\/v1\/requests at/' -e 's/^| check |/| POST \/check (form, CSRF) |/' \
      -e 's/^| check-api |/| POST \/api\/v1\/requests\/check (5 KB) |/' -e 's/^| floor |/| GET \/actuator\/info (the floor) |/' \
      -e 's/^| issue |/| GET \/api\/v1\/issues\/{key} |/' -e 's/^| issue-list |/| GET \/api\/v1\/issues |/' \
      -e 's/^| issue-search |/| GET \/api\/v1\/issues?q=basket |/' -e 's/^| dashboard |/| GET \/dashboard (queue) |/' \
      -e 's/^| dashboard-search |/| GET \/dashboard?q=basket |/'
    echo
    echo "pgbench (bench/pgbench/create-issue.sql, one issue creation per transaction, $CONNECTIONS clients, -M prepared):"
    echo "${PGBENCH_TPS} tps, latency average ${PGBENCH_LATENCY} ms, PostgreSQL CPU $(per_request "$PG_DB_TICKS" "$PGBENCH_TX") ms per transaction."
    echo "Intake / pgbench: ${INTAKE_RPS} / ${PGBENCH_TPS} = ${RATIO} % (target >= 40 %)."
    echo "pgbench alone at the intake's half rate (${HALF_ACHIEVED}/s, -R): ${PGBENCH_HALF}."
    echo
    echo "App JVM resident memory: VmHWM $(mb "$HWM") MB (peak over the whole run), VmRSS $(mb "$RSS_END") MB at the end (target <= 400 MB)."
    echo
  } >> "$RESULTS"
fi

# ---------------------------------------------------------------- start-up to healthy
if [ "${BENCH_STARTUP:-1}" != 0 ]; then
  if [ ! -d "$DATA/postgres" ]; then
    log "preparing a data directory (first start runs initdb)"
    start_app prepare -jar "$JAR" || exit 1
    stop_app
  fi
  STARTS=()
  startup() { # startup LABEL DESCRIPTION [java options...]
    local label=$1 description=$2; shift 2
    log "start-up: $description"
    if start_app "$label" "$@"; then
      STARTS+=("| $description | $HEALTHY_AFTER | $(started_in "$label") | $(mb "$(rss_kb VmRSS)") |")
      stop_app
    else
      STARTS+=("| $description | did not start: see app-$label.log | | |")
      return 1
    fi
  }
  startup fat-jar "java -jar (fat jar)" -jar "$JAR" || true

  # Spring Boot's extracted layout: the classes in plain jars on the class path, which CDS and the
  # AOT cache need (they cannot archive classes loaded from jars nested in the fat jar).
  EXTRACTED=$OUT/extracted
  rm -rf "$EXTRACTED"
  "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$EXTRACTED" > /dev/null
  APP_JAR=$EXTRACTED/$(basename "$JAR")
  startup extracted "java -jar (extracted)" -jar "$APP_JAR" || true

  # JEP 483/514 (JDK 25): a training run records the loaded and linked classes (and method profiles,
  # JEP 515) into an AOT cache when the JVM exits; later starts map it. The training run here starts
  # the app, sends a few requests and stops it.
  train() { # train LABEL CACHE [java options...]
    local label=$1 cache=$2; shift 2
    rm -f "$cache"
    log "AOT cache: training run ($label)"
    start_app "$label" -XX:AOTCacheOutput="$cache" "$@" || return 1
    curl -s -o /dev/null "$BASE/"; curl -s -o /dev/null "$BASE/login"
    curl -s -o /dev/null -X POST "$BASE/api/v1/requests/check" -H 'Content-Type: application/json' -d "$PRIME_JSON"
    curl -s -o /dev/null -X POST "$BASE/api/v1/requests" -H 'Content-Type: application/json' -d "$PRIME_JSON"
    curl -s -o /dev/null -H "Authorization: Bearer $API_KEY" "$BASE/api/v1/issues"
    # At exit the JVM runs a second JVM that assembles the cache, and waits for it: give it time.
    stop_app 900
    [ -s "$cache" ]
  }
  if [ "$JAVA_MAJOR" -ge 25 ]; then
    if train aot-training "$OUT/app.aot" -jar "$APP_JAR"; then
      startup aot-cache "java -XX:AOTCache (extracted)" -XX:AOTCache="$OUT/app.aot" -jar "$APP_JAR" || true
    else
      STARTS+=("| java -XX:AOTCache (extracted) | no cache written, see app-aot-training.log | | |")
    fi
  else
    STARTS+=("| java -XX:AOTCache | needs JDK 25 (this is $JAVA_MAJOR) | | |")
  fi

  # Spring's AOT processing (./mvnw -Pspring-aot -DskipTests package puts it in the jar)
  if "$JAVA_HOME/bin/jar" tf "$JAR" | grep -q 'TriageDeskApplication__ApplicationContextInitializer'; then
    if startup spring-aot "java -Dspring.aot.enabled=true (extracted)" -Dspring.aot.enabled=true -jar "$APP_JAR" &&
      [ "$JAVA_MAJOR" -ge 25 ] && train spring-aot-training "$OUT/app-spring-aot.aot" -Dspring.aot.enabled=true -jar "$APP_JAR"; then
      startup spring-aot-cache "java -Dspring.aot.enabled=true -XX:AOTCache (extracted)" \
        -XX:AOTCache="$OUT/app-spring-aot.aot" -Dspring.aot.enabled=true -jar "$APP_JAR" || true
    fi
  else
    STARTS+=("| Spring AOT | not in this jar (build with ./mvnw -Pspring-aot -DskipTests package) | | |")
  fi
  {
    echo "Start-up to healthy (launch of java until /actuator/health answers UP), data directory already initialised,"
    echo "PostgreSQL binaries already unpacked; one start each:"
    echo
    echo "| how | healthy after s | Spring's \"Started in\" s | RSS when healthy MB |"
    echo "|---|---|---|---|"
    printf '%s\n' "${STARTS[@]}"
    echo
  } >> "$RESULTS"
fi

echo "- load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$RESULTS"
cp "$RESULTS" "$OUT/results.md"
cat "$RESULTS"
log "written to ${RESULTS#"$ROOT"/} (and target/bench/results.md)"
