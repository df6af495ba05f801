#!/usr/bin/env bash
# Measures the customer CSV import on PostgreSQL: a generated file of N customers (default 100,000; about 1 % bad
# rows) is uploaded through the import page, mapped, and imported; prints how long the upload (read and check the
# whole file, store it) and the import itself took, and the rows per second. Target (issue 4): 100,000 rows in under
# a minute.
#
#   benchmarks/customer-import/run.sh [rows]
#
# Makes a fresh database rapport_import_bench (owner bench/bench) through the local server's postgres superuser
# (su postgres -c psql, as .ci/run does), starts target/rapport-*.jar against it with an automated admin,
# signs in with curl, and drops nothing else. Environment: JAVA_HOME (required); BENCH_BUILD=1 builds the jar first;
# BENCH_PORT [18182]. Needs curl, psql and python3.
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-100000}
port=${BENCH_PORT:-18182}
base="http://127.0.0.1:$port"
db=rapport_import_bench
: "${JAVA_HOME:?set JAVA_HOME to a JDK 21+}"
admin() { su postgres -c "psql -X -q -v ON_ERROR_STOP=1"; }
sql() { PGPASSWORD=bench psql -X -At -h 127.0.0.1 -U bench -d $db -v ON_ERROR_STOP=1 -c "$1"; }

if [[ ${BENCH_BUILD:-0} == 1 ]]; then ./mvnw -q -B -ntp -DskipTests package; fi
jar=$(ls "$PWD"/target/rapport-*.jar 2>/dev/null | grep -v plain | head -n1 || true)
[[ -n $jar ]] || { echo "no jar in target/: build first or set BENCH_BUILD=1"; exit 1; }

work=$(mktemp -d)
app=""
trap '[[ -n $app ]] && kill $app 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT

admin <<SQL
drop database if exists $db;
do \$\$ begin if not exists (select from pg_roles where rolname = 'bench') then create role bench login password 'bench'; end if; end \$\$;
create database $db owner bench;
SQL
python3 benchmarks/customer-import/generate.py "$rows" "$work/customers.csv"
echo "machine:  $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1024/1024}' /proc/meminfo), $(uname -r)"
echo "java:     $("$JAVA_HOME/bin/java" -version 2>&1 | head -n1)"
echo "database: $(sql "select split_part(version(), ' on ', 1)")"
echo "file:     $rows rows, $(du -h "$work/customers.csv" | cut -f1)"

(cd "$work" && RAPPORT_DATABASE_URL=jdbc:postgresql://127.0.0.1:5432/$db RAPPORT_DATABASE_USER=bench \
  RAPPORT_DATABASE_PASSWORD=bench RAPPORT_ADMIN_EMAIL=admin@bench.example RAPPORT_ADMIN_PASSWORD=bench-admin-password \
  exec "$JAVA_HOME/bin/java" -jar "$jar" --server.port="$port" >"$work/app.log" 2>&1) &
app=$!
for i in $(seq 1 240); do
  curl -sf "$base/actuator/health/readiness" >/dev/null 2>&1 && break
  kill -0 $app 2>/dev/null || { tail -n 30 "$work/app.log"; exit 1; }
  sleep 0.5
done

cookies="$work/cookies"
csrf_of() { sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p; s/.*value="\([^"]*\)"[^>]*name="_csrf".*/\1/p' | head -n1; }
csrf=$(curl -sf -c "$cookies" -b "$cookies" "$base/login" | csrf_of)
curl -sf -o /dev/null -c "$cookies" -b "$cookies" --data-urlencode "email=admin@bench.example" \
  --data-urlencode "password=bench-admin-password" --data-urlencode "_csrf=$csrf" "$base/login"
csrf=$(curl -sf -c "$cookies" -b "$cookies" "$base/customers/import" | csrf_of)
[[ -n $csrf ]] || { echo "not signed in"; exit 1; }

t0=$(date +%s%N)
location=$(curl -sf -o /dev/null -w '%{redirect_url}' -c "$cookies" -b "$cookies" -H "X-CSRF-TOKEN: $csrf" \
  -F "file=@$work/customers.csv;type=text/csv" "$base/customers/import")
t1=$(date +%s%N)
id=${location##*/}
[[ $id =~ ^[0-9a-f-]{36}$ ]] || { echo "upload failed: $location"; tail -n 20 "$work/app.log"; exit 1; }
curl -sf -o /dev/null -c "$cookies" -b "$cookies" -H "X-CSRF-TOKEN: $csrf" --data "column0=NAME&column1=EMAIL&column2=PHONE&column3=ORGANISATION&column4=PASSIONS&column5=LIFETIME_SPEND" \
  "$base/customers/import/$id/start"
t2=$(date +%s%N)
while [[ $(sql "select status from customer_import where id = '$id'") == RUNNING ]]; do sleep 0.1; done
t3=$(date +%s%N)
read -r status imported rejected < <(sql "select status, imported, rejected from customer_import where id = '$id'" | tr '|' ' ')
customers=$(sql "select count(*) from customer")
identities=$(sql "select count(*) from customer_identity")
upload_s=$(awk -v a=$t0 -v b=$t1 'BEGIN {printf "%.2f", (b - a) / 1e9}')
import_s=$(awk -v a=$t2 -v b=$t3 'BEGIN {printf "%.2f", (b - a) / 1e9}')
echo "status:   $status; $imported imported, $rejected rejected; $customers customers and $identities identities in the database"
echo "upload:   ${upload_s} s (read, check and store the whole file)"
echo "import:   ${import_s} s ($(awk -v r=$rows -v s=$import_s 'BEGIN {printf "%.0f", r / s}') rows/s)"
grep -o "Customer import .*done in.*" "$work/app.log" | sed 's/^/app log:  /' || true
echo "total:    $(awk -v a=$upload_s -v b=$import_s 'BEGIN {printf "%.2f", a + b}') s; target 60 s for 100,000 rows"
