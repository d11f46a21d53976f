#!/usr/bin/env bash
# Runs each query of FILE RUNS times (default 20) with EXPLAIN (ANALYZE, BUFFERS) and prints the
# median and 95th percentile of PostgreSQL's execution time, the planning time and the buffers of
# the last run: the database's share of a request, without network, JDBC or JSON.
#
#   bench/explain.sh [FILE] [RUNS]
#
# FILE (default bench/queries.sql) holds queries as the app sends them, each after a line
# "-- name: <label>"; what comes before the first one (psql \gset of sample values) runs before
# each. Connection as in generate-data.sh (the app's embedded database by default).
# VERBOSE=1 also prints the last plan of each query.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
file="${1:-$here/queries.sql}"
runs="${2:-20}"
command -v psql >/dev/null || { echo "psql is missing: apt-get install postgresql-client" >&2; exit 1; }
if [ -z "${PGPORT:-}" ]; then
  pid_file="${TRIAGE_DATA_DIR:-./data}/postgres/postmaster.pid"
  [ -f "$pid_file" ] || { echo "No running embedded database ($pid_file): start the app first, or set PGHOST/PGPORT." >&2; exit 1; }
  export PGPORT="$(sed -n 4p "$pid_file")"
fi
export PGHOST="${PGHOST:-127.0.0.1}" PGUSER="${PGUSER:-postgres}" PGDATABASE="${PGDATABASE:-postgres}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
awk -v dir="$work" '
  /^-- name: / { n++; name = substr($0, 10); print name > (dir "/" sprintf("%03d", n) ".name"); next }
  n == 0 { print > (dir "/setup.psql") }
  n > 0 { print > (dir "/" sprintf("%03d", n) ".sql") }' "$file"
touch "$work/setup.psql"

printf '%-44s %9s %9s %9s  %s\n' "query" "p50 ms" "p95 ms" "plan ms" "buffers (last run)"
for sql in "$work"/*.sql; do
  name="$(cat "${sql%.sql}.name")"
  query="$(grep -v '^--' "$sql" | sed -e 's/;[[:space:]]*$//')"
  script="$work/run.psql"
  cp "$work/setup.psql" "$script"
  for ((i = 0; i < runs; i++)); do printf 'explain (analyze, buffers) %s;\n' "$query" >> "$script"; done
  psql -X -q -At -v ON_ERROR_STOP=1 -f "$script" > "$work/out" 2>&1 || { echo "$name: failed"; cat "$work/out" >&2; exit 1; }
  times="$(grep -o 'Execution Time: [0-9.]*' "$work/out" | awk '{ print $3 }' | sort -n)"
  p50="$(awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }' <<< "$times")"
  p95="$(awk '{ a[NR] = $1 } END { i = int(NR * 0.95 + 0.999); if (i > NR) i = NR; print a[i] }' <<< "$times")"
  plan="$(grep -o 'Planning Time: [0-9.]*' "$work/out" | tail -n 1 | awk '{ print $3 }')"
  buffers="$(grep -m1 'Buffers:' <<< "$(awk 'BEGIN { n = 0 } /Execution Time/ { n++; next } n == '"$runs"' - 1' "$work/out")" | sed 's/^ *Buffers: //')"
  printf '%-44s %9.2f %9.2f %9.2f  %s\n' "$name" "$p50" "$p95" "$plan" "$buffers"
  if [ -n "${VERBOSE:-}" ]; then
    awk 'BEGIN { n = 0 } /Execution Time/ { n++; next } n == '"$runs"' - 1' "$work/out" | sed 's/^/    /'
  fi
done
