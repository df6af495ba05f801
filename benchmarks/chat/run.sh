#!/usr/bin/env bash
# Chat load benchmark: starts Rapport (the built jar) on PostgreSQL in a fresh schema, creates a widget, then runs
# ChatLoad.java: VISITORS WebSocket visitors on loopback each write once, and an agent replies ROUNDS times to every
# chat through the API at RATE replies per second; prints agent-to-visitor latency, lost and doubled replies, and the
# node's memory.
#
#   benchmarks/chat/run.sh [VISITORS=2000] [ROUNDS=3] [RATE=200]
#
# Needs JAVA_HOME (JDK 21+), psql, curl, jq, and PostgreSQL at RAPPORT_DATABASE_URL (default
# jdbc:postgresql://127.0.0.1:5432/rapport_chat2, user/password rapport/rapport). Build first with
# ./mvnw -DskipTests package (or BENCH_BUILD=1). BENCH_PORT (default 18093) is the node's port, BENCH_JVM_ARGS
# options for the node's JVM (e.g. -XX:StartFlightRecording=filename=target/chat.jfr -Xlog:gc:file=target/gc.log),
# BENCH_APP_ARGS more arguments for Rapport.
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${JAVA_HOME:?set JAVA_HOME}"
visitors=${1:-2000}
rounds=${2:-3}
rate=${3:-200}
port=${BENCH_PORT:-18093}
base="http://localhost:$port"
origin="https://bench.example"
db_url=${RAPPORT_DATABASE_URL:-jdbc:postgresql://127.0.0.1:5432/rapport_chat2}
db_user=${RAPPORT_DATABASE_USER:-rapport}
db_password=${RAPPORT_DATABASE_PASSWORD:-rapport}
db_name=${db_url##*/}; db_name=${db_name%%\?*}
schema="bench_chat_$(date +%s)"
email="bench@rapport.test"
password="benchmark password 1"
sql() { PGPASSWORD=$db_password psql -h 127.0.0.1 -U "$db_user" -d "$db_name" -qtAX -c "set search_path to $schema; $1"; }

[[ -n ${BENCH_BUILD:-} ]] && ./mvnw -B -ntp -q -DskipTests package
jar=$(ls target/rapport-*.jar 2>/dev/null | grep -v plain | head -n1 || true)
[[ -n $jar ]] || { echo "no jar in target/: build first or set BENCH_BUILD=1"; exit 1; }

work=$(mktemp -d)
app=""
cleanup() {
  if [[ -n $app ]] && kill -0 "$app" 2>/dev/null; then kill "$app"; wait "$app" 2>/dev/null || true; fi
  PGPASSWORD=$db_password psql -h 127.0.0.1 -U "$db_user" -d "$db_name" -qtAX -c "drop schema if exists $schema cascade" >/dev/null 2>&1 || true
  cp "$work/app.log" target/chat-bench-app.log 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "machine:  $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1024/1024}' /proc/meminfo), $(uname -r)"
echo "java:     $("$JAVA_HOME/bin/java" -version 2>&1 | head -n1)"
RAPPORT_DATABASE_URL="$db_url?currentSchema=$schema" RAPPORT_DATABASE_USER=$db_user RAPPORT_DATABASE_PASSWORD=$db_password \
RAPPORT_ADMIN_EMAIL=$email RAPPORT_ADMIN_PASSWORD=$password \
  "$JAVA_HOME/bin/java" ${BENCH_JVM_ARGS:-} -jar "$jar" --server.port="$port" --rapport.chat.requests-per-minute-per-ip=1000000 \
  --rapport.chat.messages-per-minute=1000 --server.tomcat.max-connections=20000 \
  --management.metrics.distribution.percentiles.http.server.requests=0.5,0.95,0.99 \
  --management.metrics.distribution.percentiles.hikaricp.connections.acquire=0.5,0.95,0.99 \
  --management.metrics.distribution.percentiles.jvm.gc.pause=0.5,0.99 ${BENCH_APP_ARGS:-} >"$work/app.log" 2>&1 &
app=$!
for i in $(seq 1 240); do
  curl -sf "$base/actuator/health/readiness" >/dev/null 2>&1 && break
  kill -0 $app 2>/dev/null || { echo "Rapport did not start:"; tail -n 30 "$work/app.log"; exit 1; }
  (( i < 240 )) || { echo "Rapport not ready after 120 s"; exit 1; }
  sleep 0.5
done
echo "rss idle: $(awk '/VmRSS/ {printf "%.0f MB", $2/1024}' /proc/$app/status)"

key="cw_bench$(date +%s)"
sql "insert into chat_widget (id, public_key, name, team, colour, greeting, offline_message, allowed_origins,
       name_field, email_field, office_hours, secret, created_at, version)
     values (gen_random_uuid(), '$key', 'Benchmark', null, '#22614f', 'Hi', 'Away', '$origin', 'OPTIONAL', 'OPTIONAL',
       false, 'cws_bench', now(), 0)" >/dev/null
token=$(curl -sf -H 'Content-Type: application/json' \
  -d "{\"email\": \"$email\", \"password\": \"$password\", \"name\": \"chat benchmark\"}" \
  "$base/api/v1/auth/tokens" | jq -r .token)
[[ $token == rpt_* ]] || { echo "could not create an API token"; exit 1; }

"$JAVA_HOME/bin/java" -Xss256k benchmarks/chat/ChatLoad.java "$base" "$key" "$origin" "$token" "$visitors" "$rounds" "$rate"
echo "rss after: $(awk '/VmRSS/ {printf "%.0f MB", $2/1024}' /proc/$app/status)"
# The split on the node's side: the reply's API request, reply start to the push by path (in the reply's transaction or
# the registry's listener), waits for a database connection, GC pauses. All of them are in target/chat-bench-metrics.txt.
curl -sf -H "Authorization: Bearer $token" "$base/actuator/prometheus" >target/chat-bench-metrics.txt || true
echo "node metrics (seconds):"
grep -E '^(http_server_requests_seconds(_count|_max|\{).*conversations/\{number\}/messages|rapport_chat_reply_pushed_seconds|hikaricp_connections_(acquire_seconds|pending|timeout_total)|jvm_gc_pause_seconds(_count|_sum|_max|\{))' \
  target/chat-bench-metrics.txt | grep -v '_bucket' | sed 's/^/  /' || true
echo "chat lines stored: $(sql "select count(*) from chat_line"), conversations: $(sql "select count(*) from conversation")"
