#!/usr/bin/env bash
# Measures how fast Rapport starts and how much memory an idle node holds, on the embedded H2 database
# (or on PostgreSQL when RAPPORT_DATABASE_URL is set). Each run uses a fresh, empty data directory.
#
#   benchmarks/startup.sh [runs]       (default 3 runs)
#
# Start time: from launching `java -jar` until /actuator/health/readiness answers UP.
# Idle RSS:   VmRSS of the java process 30 s after it became ready, with no requests in between.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
port=18080
: "${JAVA_HOME:?set JAVA_HOME to a JDK 21+}"

./mvnw -q -B -ntp -DskipTests package
jar=$(ls target/rapport-*.jar | grep -v plain | head -n1)

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1024/1024}' /proc/meminfo), $(uname -r)"
echo "java: $("$JAVA_HOME/bin/java" -version 2>&1 | head -n1)"
echo "database: ${RAPPORT_DATABASE_URL:-embedded H2}"
for run in $(seq 1 "$runs"); do
  workdir=$(mktemp -d)
  start=$(date +%s%N)
  (cd "$workdir" && exec "$JAVA_HOME/bin/java" -jar "$OLDPWD/$jar" --server.port=$port >"$workdir/log" 2>&1) &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1; do
    if ! kill -0 $pid 2>/dev/null; then echo "Rapport did not start:"; tail -n 30 "$workdir/log"; exit 1; fi
    sleep 0.1
  done
  ready_ms=$(( ($(date +%s%N) - start) / 1000000 ))
  sleep 30
  java_pid=$(pgrep -P $pid java || echo $pid)
  rss_mb=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' /proc/$java_pid/status)
  echo "run $run: ready after ${ready_ms} ms, idle RSS ${rss_mb} MB"
  kill $pid; wait $pid 2>/dev/null || true
  rm -rf "$workdir"
done
