#!/usr/bin/env bash
# Goal 2's PostgreSQL baseline: the same rows as RollupBenchmarks (old synthetic map, 10,600 communes x 100 indicators
# x 12 months, 1 % missing: 12,592,914 rows), loaded with COPY, then
#   SELECT ... GROUP BY indicator, month, ROLLUP(province, district)
# timed with \timing at the default work_mem and at work_mem=4GB (each run twice; the second is the warm figure).
#
# Installs PostgreSQL from Debian's packages if it is missing (root; apt-get), runs a throw-away cluster in a temporary
# directory on a Unix socket only (listen_addresses=''), and stops it at the end, on failure too. Bounded in time:
# every step runs under `timeout`, the whole script under ${PG_BENCH_TIMEOUT:-1800} s.
#
#   bash benchmarks/postgres/run.sh            # prints the timings and writes them to benchmarks/postgres/results.txt
#   PG_BENCH_KEEP_CSV=1 bash benchmarks/postgres/run.sh   # keep the exported CSV for a second run
set -euo pipefail

if [ -z "${PG_BENCH_INNER:-}" ]; then
  export PG_BENCH_INNER=1
  exec timeout --kill-after=30 "${PG_BENCH_TIMEOUT:-1800}" bash "$0" "$@"
fi

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
work="${PG_BENCH_DIR:-/tmp/digitalkpi-pg-bench}"
csv="$work/rows.csv"
data="$work/cluster"
sock="$work/socket"
results="$here/results.txt"
mkdir -p "$work" "$sock"

# 1. PostgreSQL from Debian's packages.
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "== installing postgresql (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  timeout 600 apt-get update -qq
  timeout 900 apt-get install -y -qq postgresql >/dev/null
  # The package starts a system cluster on localhost; this script uses its own, so stop that one.
  (command -v pg_ctlcluster >/dev/null && pg_lsclusters -h 2>/dev/null | while read -r ver name _; do pg_ctlcluster "$ver" "$name" stop || true; done) || true
fi
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
version="$("$bin/postgres" --version)"
echo "== $version"

# 2. The rows, from the benchmark project (same generator as the .NET benchmark).
if [ ! -s "$csv" ]; then
  echo "== exporting the rows"
  timeout 900 dotnet run -c Release --project "$repo/benchmarks/DigitalKpi.Benchmarks" -- --export-rows "$csv"
fi
rows_csv=$(( $(wc -l < "$csv") - 1 ))
echo "== $rows_csv rows, $(du -h "$csv" | cut -f1) of CSV"

# 3. A throw-away cluster on a Unix socket only, run as the postgres user (initdb refuses root).
pguser=postgres
id "$pguser" >/dev/null 2>&1 || useradd --system --no-create-home "$pguser"
rm -rf "$data"
chown -R "$pguser" "$work"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u "$pguser" -- "$@"; else "$@"; fi; }
stop() { as_pg "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true; }
trap stop EXIT
as_pg timeout 120 "$bin/initdb" -D "$data" -A trust -U bench --no-sync >/dev/null
as_pg timeout 120 "$bin/pg_ctl" -D "$data" -w -l "$work/server.log" \
  -o "-c listen_addresses='' -c unix_socket_directories='$sock' -c shared_buffers=1GB -c max_parallel_workers_per_gather=2 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
psql=("$bin/psql" -h "$sock" -U bench -d postgres -v ON_ERROR_STOP=1 -X -q)

# 4. Load with COPY.
echo "== loading"
as_pg timeout 1200 "${psql[@]}" <<SQL
\timing on
CREATE UNLOGGED TABLE rows (indicator text NOT NULL, month smallint NOT NULL, province text NOT NULL, district text NOT NULL,
  commune text NOT NULL, numerator numeric, denominator numeric, value numeric);
\copy rows FROM '$csv' WITH (FORMAT csv, HEADER true)
VACUUM ANALYZE rows;
SELECT count(*) AS rows, pg_size_pretty(pg_total_relation_size('rows')) AS table_size FROM rows;
SQL

# 5. The query, at the default work_mem and at 4GB, twice each (cold-ish, then warm). Wrapped in count(*) so that the
# timing is the aggregation, not the transfer of its 917,000 result rows to psql.
query="SELECT indicator, month, province, district, sum(numerator) AS numerator, sum(denominator) AS denominator, sum(value) AS value, count(*) AS reporting
FROM rows GROUP BY indicator, month, ROLLUP (province, district)"
run() {
  local label="$1" setting="$2"
  as_pg timeout 1200 "${psql[@]}" <<SQL 2>&1 | tee -a "$work/query.log"
\echo == $label
$setting
SHOW work_mem;
EXPLAIN (COSTS OFF) $query;
\timing on
SELECT count(*) AS result_rows, sum(numerator) AS check_numerator FROM ($query) q;
SELECT count(*) AS result_rows, sum(numerator) AS check_numerator FROM ($query) q;
SQL
}
: > "$work/query.log"
run "default work_mem" "RESET work_mem;"
run "work_mem=4GB" "SET work_mem = '4GB';"

{
  echo "# benchmarks/postgres/run.sh, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "# $version; $(nproc) cores; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo "# rows: $rows_csv"
  cat "$work/query.log"
} > "$results"
echo "== results"
cat "$results"
[ -n "${PG_BENCH_KEEP_CSV:-}" ] || rm -f "$csv"
