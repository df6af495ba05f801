#!/usr/bin/env bash
# Adds the customers to the benchmark database (see customers.sql) and reports how long it took. generate.sh runs it
# after generate.sql; it does nothing when the customers are already there.
#
#   benchmarks/inbox/customers.sh                  (BENCH_REGENERATE_CUSTOMERS=1: delete and make them again)
#
# Connection through the usual libpq variables, defaults as in generate.sh. Rapport 1.6 or newer must have migrated
# the database once (prepare.sh does that).
set -euo pipefail
cd "$(dirname "$0")"
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGDATABASE=${PGDATABASE:-rapport_bench}
export PGUSER=${PGUSER:-bench} PGPASSWORD=${PGPASSWORD:-bench}
start=$(date +%s)
psql -X -q -v ON_ERROR_STOP=1 -v regenerate="${BENCH_REGENERATE_CUSTOMERS:-0}" -f customers.sql
echo "customers step took $(( $(date +%s) - start )) s (wall clock)"
