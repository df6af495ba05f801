#!/usr/bin/env bash
# Fills the benchmark database with a help desk at scale (see generate.sql), makes its requesters customers (see
# customers.sql) and reports how long it took.
#
#   benchmarks/inbox/generate.sh
#
# Connection through the usual libpq variables; the defaults match docs/benchmarks-inbox.md:
#   PGHOST=127.0.0.1 PGPORT=5432 PGDATABASE=rapport_bench PGUSER=bench PGPASSWORD=bench
# The database must have been set up by Rapport (Flyway migrated, the admin created: prepare.sh). Each step runs only
# when its data is missing, so this can run again: generate.sql on a database without conversations, customers.sql
# when the customers are not there yet (BENCH_REGENERATE_CUSTOMERS=1 makes them again).
set -euo pipefail
cd "$(dirname "$0")"
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGDATABASE=${PGDATABASE:-rapport_bench}
export PGUSER=${PGUSER:-bench} PGPASSWORD=${PGPASSWORD:-bench}
start=$(date +%s)
if [[ $(psql -X -At -c "select exists (select 1 from conversation)") == t ]]; then
  echo "conversations already there: generate.sql skipped"
else
  psql -X -q -v ON_ERROR_STOP=1 -f generate.sql
  echo "conversations took $(( $(date +%s) - start )) s"
fi
./customers.sh
echo "generation took $(( $(date +%s) - start )) s (wall clock, psql start to end, including CLUSTER and VACUUM ANALYZE)"
