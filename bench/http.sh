#!/usr/bin/env bash
# End to end over HTTP: the median and 95th percentile of the issue list (each filter), search, an
# issue, and the dashboard's queue, counts and search. N requests per URL (default 50), one after
# the other on one keep-alive connection, timed by curl; every answer must be 200.
#
#   TRIAGE_API_KEY=td_... [TRIAGE_ADMIN_EMAIL=... TRIAGE_ADMIN_PASSWORD=...] bench/http.sh [BASE_URL] [N]
#
# BASE_URL defaults to http://localhost:8080 (this machine only). The key needs issues:read; the
# dashboard is measured when a staff log-in is given. Start the app with
# --triage.rate-limit.enabled=false, or the API's limit (600 a minute per key) answers 429.
# Sample values (the busiest assignee, organization number, an MSN, an orderId, a key) are read from
# the database, connected as in generate-data.sh.
set -euo pipefail
base="${1:-http://localhost:8080}"
n="${2:-50}"
: "${TRIAGE_API_KEY:?set TRIAGE_API_KEY to an API key with issues:read}"
case "$base" in http://localhost:*|http://127.*|http://\[::1\]:*) ;; *) echo "Only this machine is measured: $base" >&2; exit 2 ;; esac
if [ -z "${PGPORT:-}" ]; then
  pid_file="${TRIAGE_DATA_DIR:-./data}/postgres/postmaster.pid"
  [ -f "$pid_file" ] || { echo "No running embedded database ($pid_file): start the app first, or set PGHOST/PGPORT." >&2; exit 1; }
  export PGPORT="$(sed -n 4p "$pid_file")"
fi
export PGHOST="${PGHOST:-127.0.0.1}" PGUSER="${PGUSER:-postgres}" PGDATABASE="${PGDATABASE:-postgres}"
value() { psql -X -At -c "$1"; }
agent="$(value "select assignee from issue where assignee is not null and status = 'OPEN' group by 1 order by count(*) desc limit 1")"
org="$(value "select organization_number from issue where organization_number is not null group by 1 order by count(*) desc limit 1")"
msn="$(value "select merchant_serial_number from issue where merchant_serial_number is not null order by id desc limit 1")"
order="$(value "select order_id from issue where order_id is not null order by id limit 1")"
key="$(value "select issue_key from issue where merged_into_id is null order by id desc offset 1000 limit 1")"
since="$(date -u -d '2 days ago' +%Y-%m-%dT%H:%M:%SZ)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Times N requests to one URL; prints p50 and p95 in milliseconds.
measure() {
  local label="$1" url="$2"; shift 2
  local args=()
  for ((i = 0; i < n; i++)); do args+=(-o /dev/null "$url"); done
  curl -s "$@" -w '%{http_code} %{time_total}\n' "${args[@]}" > "$work/times"
  if grep -qv '^200 ' "$work/times"; then
    echo "$label: $(grep -v '^200 ' "$work/times" | head -n 1 | cut -d' ' -f1) from $url" >&2
    return 1
  fi
  awk '{ print $2 * 1000 }' "$work/times" | sort -n | awk -v label="$label" '
    { a[NR] = $1 } END { i = int(NR * 0.95 + 0.999); if (i > NR) i = NR;
      printf "%-44s %9.1f %9.1f\n", label, a[int((NR + 1) / 2)], a[i] }'
}

api=(-H "Authorization: Bearer $TRIAGE_API_KEY")
printf '%-44s %9s %9s\n' "request ($n each)" "p50 ms" "p95 ms"
measure "list" "$base/api/v1/issues" "${api[@]}"
cursor="$(curl -s "${api[@]}" "$base/api/v1/issues" | sed -n 's/.*"nextCursor":"\([^"]*\)".*/\1/p')"
measure "list, second page" "$base/api/v1/issues?cursor=$cursor" "${api[@]}"
measure "list status=OPEN" "$base/api/v1/issues?status=OPEN" "${api[@]}"
measure "list status=NEEDS_INFO&status=PENDING" "$base/api/v1/issues?status=NEEDS_INFO&status=PENDING" "${api[@]}"
measure "list assignee (busiest)" "$base/api/v1/issues?assignee=$agent" "${api[@]}"
measure "list organizationNumber (busiest)" "$base/api/v1/issues?organizationNumber=$org" "${api[@]}"
measure "list merchantSerialNumber" "$base/api/v1/issues?merchantSerialNumber=$msn" "${api[@]}"
measure "list updatedSince (2 days)" "$base/api/v1/issues?updatedSince=$since" "${api[@]}"
measure "list route=PSP" "$base/api/v1/issues?route=PSP" "${api[@]}"
measure "search q=callback (common)" "$base/api/v1/issues?q=callback" "${api[@]}"
measure "search q=timeout (10 %)" "$base/api/v1/issues?q=timeout" "${api[@]}"
measure "search q=certificate (rare)" "$base/api/v1/issues?q=certificate" "${api[@]}"
measure "search q=zzyzx (nowhere)" "$base/api/v1/issues?q=zzyzx" "${api[@]}"
measure "search q=refunds (replies only)" "$base/api/v1/issues?q=refunds" "${api[@]}"
measure "search q=orderId" "$base/api/v1/issues?q=$order" "${api[@]}"
measure "search status=OPEN&q=timeout" "$base/api/v1/issues?status=OPEN&q=timeout" "${api[@]}"
measure "issue $key" "$base/api/v1/issues/$key" "${api[@]}"

if [ -n "${TRIAGE_ADMIN_EMAIL:-}" ] && [ -n "${TRIAGE_ADMIN_PASSWORD:-}" ]; then
  jar="$work/cookies"
  csrf="$(curl -s -c "$jar" -b "$jar" "$base/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)"
  curl -s -c "$jar" -b "$jar" -o /dev/null -X POST "$base/login" --data-urlencode "username=$TRIAGE_ADMIN_EMAIL" \
    --data-urlencode "password=$TRIAGE_ADMIN_PASSWORD" --data-urlencode "_csrf=$csrf"
  web=(-b "$jar")
  measure "dashboard (OPEN queue, counts)" "$base/dashboard" "${web[@]}"
  measure "dashboard status=PENDING" "$base/dashboard?status=PENDING" "${web[@]}"
  measure "dashboard who=nobody" "$base/dashboard?who=nobody" "${web[@]}"
  measure "dashboard route=PSP" "$base/dashboard?route=PSP" "${web[@]}"
  measure "dashboard search q=timeout" "$base/dashboard?q=timeout" "${web[@]}"
  measure "dashboard search q=<organization number>" "$base/dashboard?q=$org" "${web[@]}"
  measure "dashboard issue page" "$base/dashboard/issues/$key" "${web[@]}"
fi
