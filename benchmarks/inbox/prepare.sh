#!/usr/bin/env bash
# Prepares the inbox benchmark's database: starts Rapport once against an empty PostgreSQL database so that Flyway
# creates the schema and the automated setup creates the admin, stops it, then fills the database (generate.sh).
# On a database prepared before, the same brings the schema up to date (Flyway) and adds what generate.sh finds
# missing (e.g. the customers of customers.sql).
#
#   benchmarks/inbox/prepare.sh
#
# The database and its owner must exist (docs/benchmarks-inbox.md shows the two psql commands).
# Environment: JAVA_HOME; BENCH_JAR [target/rapport-*.jar]; BENCH_PORT [18181]; BENCH_EMAIL, BENCH_PASSWORD
# [admin@bench.example, bench-admin-password]; RAPPORT_DATABASE_URL/_USER/_PASSWORD and PG* as in run.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${JAVA_HOME:?set JAVA_HOME to a JDK 21+}"
port=${BENCH_PORT:-18181}
export RAPPORT_DATABASE_URL=${RAPPORT_DATABASE_URL:-jdbc:postgresql://127.0.0.1:5432/rapport_bench}
export RAPPORT_DATABASE_USER=${RAPPORT_DATABASE_USER:-bench} RAPPORT_DATABASE_PASSWORD=${RAPPORT_DATABASE_PASSWORD:-bench}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGDATABASE=${PGDATABASE:-rapport_bench}
export PGUSER=${PGUSER:-bench} PGPASSWORD=${PGPASSWORD:-bench}
jar=${BENCH_JAR:-$(ls "$PWD"/target/rapport-*.jar 2>/dev/null | grep -v plain | head -n1 || true)}
[[ -n $jar ]] || { echo "no jar in target/: build first (./mvnw -DskipTests package) or set BENCH_JAR"; exit 1; }

work=$(mktemp -d)
(cd "$work" && RAPPORT_ADMIN_EMAIL=${BENCH_EMAIL:-admin@bench.example} \
  RAPPORT_ADMIN_PASSWORD=${BENCH_PASSWORD:-bench-admin-password} \
  exec "$JAVA_HOME/bin/java" -jar "$jar" --server.port="$port" >"$work/app.log" 2>&1) &
app=$!
trap 'kill $app 2>/dev/null || true; wait $app 2>/dev/null || true; rm -rf "$work"' EXIT
for i in $(seq 1 240); do
  # Ready means Flyway has run; on a database prepared before, the admin exists from the start.
  if curl -sf "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1 \
     && [[ $(psql -X -At -c "select count(*) from agent where role = 'ADMIN' and exists (select 1 from business)" 2>/dev/null || echo 0) -ge 1 ]]; then break; fi
  kill -0 $app 2>/dev/null || { echo "Rapport stopped:"; tail -n 30 "$work/app.log"; exit 1; }
  (( i < 240 )) || { echo "no admin after 120 s"; tail -n 30 "$work/app.log"; exit 1; }
  sleep 0.5
done
echo "schema migrated ($(psql -X -At -c "select version from flyway_schema_history where success order by installed_rank desc limit 1")) and admin created; stopping Rapport"
kill $app; wait $app 2>/dev/null || true
benchmarks/inbox/generate.sh
