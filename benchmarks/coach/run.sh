#!/usr/bin/env bash
# Reply coach throughput (JMH): analyses per second of a 1,500-character reply on one thread.
# Usage: benchmarks/coach/run.sh [extra JMH options]   (from the repository root; needs network once for JMH)
set -euo pipefail
cd "$(dirname "$0")/../.."
echo "== machine"
echo "nproc: $(nproc)"
lscpu | head
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
"${JAVA_HOME:-/usr}/bin/java" -version 2>&1 | head -1
echo "== benchmark"
./mvnw -q -Pbenchmarks test-compile exec:exec ${1:+-Dbenchmark.options="$*"}
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
