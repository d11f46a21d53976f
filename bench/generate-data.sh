#!/usr/bin/env bash
# Loads COUNT generated issues (default 1,000,000) with participants, threads, history and
# checklists into the app's database, in batches of BATCH (default 100,000), set-based SQL only.
#
#   bench/generate-data.sh [COUNT] [BATCH]
#
# JOBS (default 2) batches run side by side, one per core.
# Run it while the app runs (it starts the embedded PostgreSQL): the port is read from
# ${TRIAGE_DATA_DIR:-./data}/postgres/postmaster.pid. For another server set PGHOST, PGPORT,
# PGUSER, PGPASSWORD and PGDATABASE (the schema must be migrated: start the app once).
# Needs psql (Debian: apt-get install postgresql-client). Ids and keys are reserved first, so the
# app may keep working meanwhile; running it again adds another COUNT issues.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
count="${1:-1000000}"
batch="${2:-100000}"
[[ "$count" =~ ^[1-9][0-9]*$ && "$batch" =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [COUNT] [BATCH]" >&2; exit 2; }
command -v psql >/dev/null || { echo "psql is missing: apt-get install postgresql-client" >&2; exit 1; }

if [ -z "${PGPORT:-}" ]; then
  pid_file="${TRIAGE_DATA_DIR:-./data}/postgres/postmaster.pid"
  [ -f "$pid_file" ] || { echo "No running embedded database ($pid_file): start the app first, or set PGHOST/PGPORT." >&2; exit 1; }
  export PGPORT="$(sed -n 4p "$pid_file")"
  export PGHOST="${PGHOST:-127.0.0.1}"
fi
export PGHOST="${PGHOST:-127.0.0.1}" PGUSER="${PGUSER:-postgres}" PGDATABASE="${PGDATABASE:-postgres}"
jobs="${JOBS:-2}"
# Session settings for a bulk load: room for the staging table and sorts in memory, fewer and larger
# flushes of the full-text indexes' pending lists, and no JIT compiling of the big expressions.
run() {
  PGOPTIONS="-c client_min_messages=warning -c jit=off -c work_mem=256MB -c temp_buffers=512MB -c gin_pending_list_limit=64MB -c synchronous_commit=off" \
    psql -X -q -v ON_ERROR_STOP=1 "$@"
}

run -At -c "select 1 from issue limit 0" >/dev/null 2>&1 || { echo "No issue table on $PGHOST:$PGPORT/$PGDATABASE: start the app once so Flyway creates the schema." >&2; exit 1; }

start=$(date +%s)
IFS='|' read -r issue_id participant_id message_id event_id key_number now_at _ < <(
  run -At -c "select set_config('bench.count', '$count', false)" -f "$here/reserve-ids.sql" | tail -n 1)
echo "Generating $count issues: keys VSD-$key_number to VSD-$((key_number + count - 1)), as of $now_at"

settings="select set_config('bench.count', '$count', false), set_config('bench.now', '$now_at', false),
  set_config('bench.issue_id_base', '$issue_id', false), set_config('bench.participant_id_base', '$participant_id', false),
  set_config('bench.message_id_base', '$message_id', false), set_config('bench.event_id_base', '$event_id', false),
  set_config('bench.key_base', '$key_number', false)"
one_batch() {
  local lo="$1" hi="$2" t
  t=$(date +%s)
  run -c "$settings, set_config('bench.lo', '$lo', false), set_config('bench.hi', '$hi', false)" \
      -c "begin" -f "$here/generate-issues.sql" -c "commit" >/dev/null
  echo "  issues $lo to $((hi - 1)): $(( $(date +%s) - t )) s"
}
failed="$(mktemp)"
rm -f "$failed"
for ((lo = 1; lo <= count; lo += batch)); do
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || true; done
  { one_batch "$lo" "$((lo + batch > count + 1 ? count + 1 : lo + batch))" || touch "$failed"; } &
done
wait
[ ! -e "$failed" ] || { rm -f "$failed"; echo "A batch failed (see above); the batches that finished are committed." >&2; exit 1; }
t=$(date +%s)
run -c "vacuum (analyze) issue, participant, message, issue_event, merchant"
echo "  vacuum and analyze: $(( $(date +%s) - t )) s"
run -c "select status, count(*) from issue group by status order by status"
echo "Done in $(( $(date +%s) - start )) s"
