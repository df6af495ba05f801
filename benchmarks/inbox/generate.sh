#!/usr/bin/env bash
# Fills the benchmark database with a help desk at scale (see generate.sql) and reports how long it took.
#
#   benchmarks/inbox/generate.sh
#
# Connection through the usual libpq variables; the defaults match docs/benchmarks-inbox.md:
#   PGHOST=127.0.0.1 PGPORT=5432 PGDATABASE=rapport_bench PGUSER=bench PGPASSWORD=bench
# The database must be freshly set up: Flyway migrated and the admin created by Rapport, no conversations yet.
set -euo pipefail
cd "$(dirname "$0")"
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGDATABASE=${PGDATABASE:-rapport_bench}
export PGUSER=${PGUSER:-bench} PGPASSWORD=${PGPASSWORD:-bench}
start=$(date +%s)
psql -X -q -v ON_ERROR_STOP=1 -f generate.sql
echo "generation took $(( $(date +%s) - start )) s (wall clock, psql start to end, including VACUUM ANALYZE)"
