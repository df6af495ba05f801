#!/usr/bin/env bash
# Measures the shared inbox at scale on PostgreSQL: page and API latency (p50/p95 of server and client time), the
# customers list and search (customers-run.sh) and the rate at which the API creates conversations. Starts from a prepared database (docs/benchmarks-inbox.md):
# Flyway-migrated, set up by Rapport with the admin below, then filled by benchmarks/inbox/generate.sh (conversations
# and customers).
#
#   benchmarks/inbox/run.sh [requests]        (default 200 measured requests per endpoint, after 100 warm-up ones)
#
# Environment (defaults in brackets):
#   JAVA_HOME                          a JDK 21+ (required)
#   RAPPORT_DATABASE_URL/_USER/_PASSWORD   [jdbc:postgresql://127.0.0.1:5432/rapport_bench, bench, bench]
#   BENCH_EMAIL, BENCH_PASSWORD        the admin's sign-in [admin@bench.example, bench-admin-password]
#   BENCH_PORT                         [18181]
#   BENCH_BUILD=1                      build the jar first (./mvnw package); otherwise the existing target/ jar is used
#   BENCH_JAR                          run this jar instead of target/rapport-*.jar
#   BENCH_APP_ARGS                     extra arguments for the app (experiments, e.g. --spring.mvc.static-path-pattern=...)
#   BENCH_PARTS                        which GET cases ["inbox customers"]; e.g. BENCH_PARTS=customers
#   BENCH_WARMUP                       warm-up requests per endpoint [100]
#   BENCH_CREATE_SECONDS, BENCH_CREATE_CLIENTS   API create load [20 s, "4 8" connections; empty: skip it]
# psql reaches the same database through PGHOST/PGPORT/PGDATABASE/PGUSER/PGPASSWORD [127.0.0.1, 5432, rapport_bench,
# bench, bench]; it picks the conversations and filters to request and counts what the API created.
# Needs curl, jq, psql and, for the create throughput, wrk (Debian: apt-get install wrk).
#
# Server time is what Tomcat's access log records per request (%{us}T: from reading the request to the end of the
# response); client time is curl's time_total over a kept-alive loopback connection. One request at a time, except the
# create load. The app runs with default settings, as `java -jar` would.
set -euo pipefail
cd "$(dirname "$0")/../.."
requests=${1:-200}
warmup=${BENCH_WARMUP:-100}
port=${BENCH_PORT:-18181}
base="http://127.0.0.1:$port"
email=${BENCH_EMAIL:-admin@bench.example}
password=${BENCH_PASSWORD:-bench-admin-password}
create_seconds=${BENCH_CREATE_SECONDS:-20}
create_clients=${BENCH_CREATE_CLIENTS-4 8}
parts=" ${BENCH_PARTS:-inbox customers} "
: "${JAVA_HOME:?set JAVA_HOME to a JDK 21+}"
export RAPPORT_DATABASE_URL=${RAPPORT_DATABASE_URL:-jdbc:postgresql://127.0.0.1:5432/rapport_bench}
export RAPPORT_DATABASE_USER=${RAPPORT_DATABASE_USER:-bench} RAPPORT_DATABASE_PASSWORD=${RAPPORT_DATABASE_PASSWORD:-bench}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGDATABASE=${PGDATABASE:-rapport_bench}
export PGUSER=${PGUSER:-bench} PGPASSWORD=${PGPASSWORD:-bench}
for tool in curl jq psql; do command -v $tool >/dev/null || { echo "needs $tool"; exit 1; }; done
sql() { psql -X -At -v ON_ERROR_STOP=1 -c "$1"; }
# CPU accounting in clock ticks: the app, all PostgreSQL processes, and the whole machine (busy time only).
ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
pg_ticks() { local sum=0 p; for p in $(pgrep -u postgres postgres || true); do sum=$((sum + $(ticks "$p"))); done; echo $sum; }
busy_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
cpu_mark() { echo "$(ticks "$java_pid") $(pg_ticks) $(busy_ticks) $(date +%s%N)"; }
# cpu_since MARK: "app pg other seconds": average cores busy since MARK (other = everything else, e.g. the load tool)
cpu_since() {
  local a0 p0 b0 t0 a1 p1 b1 t1
  read -r a0 p0 b0 t0 <<<"$1"; read -r a1 p1 b1 t1 <<<"$(cpu_mark)"
  awk -v a=$((a1 - a0)) -v p=$((p1 - p0)) -v b=$((b1 - b0)) -v t=$((t1 - t0)) -v hz="$(getconf CLK_TCK)" \
    'BEGIN {s = t / 1e9 * hz; printf "%.2f %.2f %.2f %.3f", a / s, p / s, (b - a - p) / s, t / 1e9}'
}

if [[ ${BENCH_BUILD:-0} == 1 ]]; then ./mvnw -q -B -ntp -DskipTests package; fi
jar=${BENCH_JAR:-$(ls "$PWD"/target/rapport-*.jar 2>/dev/null | grep -v plain | head -n1 || true)}
[[ -n $jar ]] || { echo "no jar in target/: build first or set BENCH_BUILD=1"; exit 1; }
conversations=$(sql "select count(*) from conversation")
(( conversations >= 100000 )) || { echo "only $conversations conversations: run benchmarks/inbox/generate.sh first"; exit 1; }

work=$(mktemp -d)
app=""
stop_app() {
  if [[ -n $app ]] && kill -0 "$app" 2>/dev/null; then
    kill "$app"
    for _ in $(seq 1 60); do kill -0 "$app" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$app" 2>/dev/null || true
  fi
}
trap 'stop_app; rm -rf "$work"' EXIT

echo "machine:  $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1024/1024}' /proc/meminfo), $(uname -r)"
echo "java:     $("$JAVA_HOME/bin/java" -version 2>&1 | head -n1)"
echo "database: $(sql "select split_part(version(), ' on ', 1)"), $RAPPORT_DATABASE_URL, $(sql "select pg_size_pretty(pg_database_size(current_database()))")"
echo "data:     $conversations conversations, $(sql "select count(*) from conversation where is_open") open, $(sql "select reltuples::bigint from pg_class where relname = 'message'") messages (estimate), $(sql "select count(*) from customer") customers"

(cd "$work" && exec "$JAVA_HOME/bin/java" -jar "$jar" --server.port="$port" \
  --server.tomcat.basedir="$work/tomcat" --server.tomcat.accesslog.enabled=true \
  --server.tomcat.accesslog.directory="$work" --server.tomcat.accesslog.prefix=access \
  --server.tomcat.accesslog.suffix=.log --server.tomcat.accesslog.rotate=false \
  --server.tomcat.accesslog.buffered=false '--server.tomcat.accesslog.pattern=%m %U%q %s %{us}T' \
  ${BENCH_APP_ARGS:-} >"$work/app.log" 2>&1) &
app=$!
for i in $(seq 1 240); do
  curl -sf "$base/actuator/health/readiness" >/dev/null 2>&1 && break
  kill -0 $app 2>/dev/null || { echo "Rapport did not start:"; tail -n 30 "$work/app.log"; exit 1; }
  (( i < 240 )) || { echo "Rapport not ready after 120 s"; exit 1; }
  sleep 0.5
done
java_pid=$(pgrep -P $app java || echo $app)
for table in conversation customer customer_identity organisation; do
  missing=$(sql "select string_agg(column_name, ', ') from information_schema.columns
                 where table_name = '$table' and table_schema = current_schema()
                   and column_name not in (select attname from pg_stats where tablename = '$table')")
  [[ -z $missing ]] || echo "WARNING: no planner statistics for $table.($missing); plans may differ until ANALYZE"
done

# Sign in through the form, as a browser does.
jar_file="$work/cookies"
csrf=$(curl -sf -c "$jar_file" -b "$jar_file" "$base/login" \
  | sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p; s/.*value="\([^"]*\)"[^>]*name="_csrf".*/\1/p' | head -n1)
[[ -n $csrf ]] || { echo "no _csrf field on /login"; exit 1; }
location=$(curl -s -o /dev/null -w '%{redirect_url}' -c "$jar_file" -b "$jar_file" \
  --data-urlencode "email=$email" --data-urlencode "password=$password" --data-urlencode "_csrf=$csrf" "$base/login")
[[ $location == */inbox ]] || { echo "sign-in failed (redirected to $location); check BENCH_EMAIL/BENCH_PASSWORD"; exit 1; }
grep -q RAPPORT_SESSION "$jar_file" || { echo "no RAPPORT_SESSION cookie after sign-in"; exit 1; }

# An API token for the same admin (one sign-in; wrong passwords would lock the address for 15 minutes).
token=$(curl -sf -H 'Content-Type: application/json' \
  -d "$(jq -n --arg e "$email" --arg p "$password" '{email: $e, password: $p, name: "inbox benchmark"}')" \
  "$base/api/v1/auth/tokens" | jq -r .token)
[[ $token == rpt_* ]] || { echo "could not create an API token"; exit 1; }

# What to request: the team with the most open conversations, a tag common in it and one rare in it, and conversations
# with 5-10 messages (a different one for every request, as agents open different conversations).
team=$(sql "select team from conversation where is_open and team is not null group by team order by count(*) desc limit 1")
team_name=$(sql "select name from team where id = '$team'")
common_tag=$(sql "select t.tag from conversation c join conversation_tag t on t.conversation = c.id
                  where c.is_open and c.team = '$team' group by t.tag order by count(*) desc limit 1")
rare_tag=$(sql "select t.tag from conversation c join conversation_tag t on t.conversation = c.id
                where c.is_open and c.team = '$team' group by t.tag having count(*) >= 3 order by count(*), t.tag limit 1")
mapfile -t numbers < <(sql "select c.number from (select id, number from conversation tablesample bernoulli (3) repeatable (42)) c
                            where (select count(*) from message m where m.conversation = c.id) between 5 and 10
                            order by hashint8(c.number) limit $((requests + warmup))")
(( ${#numbers[@]} == requests + warmup )) || { echo "found only ${#numbers[@]} conversations with 5-10 messages"; exit 1; }
echo "filters:  team $team_name ($team), common tag '$common_tag', rare tag '$rare_tag'"

results="$work/results"
: >"$results"
# measure NAME TARGET_MS URL_OR_TEMPLATE [curl options...]: warm-up, then $requests sequential requests over one
# connection. A URL containing {n} takes a different conversation number for every request.
measure() {
  local name=$1 target=$2 url=$3; shift 3
  local cfg="$work/$name.curl" i n sep
  : >"$cfg"
  local mark
  for i in $(seq 0 $((warmup + requests - 1))); do
    n=${numbers[$i]}
    local phase=w; (( i >= warmup )) && phase=m
    local u=${url//\{n\}/$n}
    [[ $u == *\?* ]] && sep='&' || sep='?'
    printf 'url = "%s%sbench=%s-%s-%d"\noutput = "/dev/null"\n' "$base$u" "$sep" "$name" "$phase" "$i" >>"$cfg"
  done
  mark=$(cpu_mark)
  curl -s -K "$cfg" -w '%{http_code} %{time_total}\n' "$@" >"$work/$name.client"
  local cpu
  cpu=$(cpu_since "$mark")
  local bad
  bad=$(awk '$1 != 200' "$work/$name.client" | wc -l)
  (( bad == 0 )) || { echo "$name: $bad answers were not 200:"; awk '$1 != 200' "$work/$name.client" | sort | uniq -c | head; exit 1; }
  sleep 0.5 # the access log line is written after the response
  tail -n "$requests" "$work/$name.client" | awk '{printf "%.3f\n", $2 * 1000}' | sort -n >"$work/$name.client.ms"
  grep -F "bench=$name-m-" "$work/access.log" | awk '{printf "%.3f\n", $NF / 1000}' | sort -n >"$work/$name.server.ms"
  local count
  count=$(wc -l <"$work/$name.server.ms")
  (( count == requests )) || { echo "$name: $count access log lines for $requests requests"; exit 1; }
  printf '%s %s %s %s %s %s %s %s\n' "$name" "$target" "$(pct 50 "$work/$name.server.ms")" "$(pct 95 "$work/$name.server.ms")" \
    "$(pct 99 "$work/$name.server.ms")" "$(pct 50 "$work/$name.client.ms")" "$(pct 95 "$work/$name.client.ms")" \
    "$(awk -v n=$((warmup + requests)) '{printf "%s %.1f %.1f", $3, $1 * $4 * 1000 / n, $2 * $4 * 1000 / n}' <<<"$cpu")" \
    >>"$results"
}
# pct P FILE: nearest-rank percentile of a sorted column of numbers
pct() { awk -v p="$1" '{v[NR] = $1} END {i = int((p * NR + 99) / 100); if (i < 1) i = 1; print v[i]}' "$2"; }

session=(-b "$jar_file")
if [[ $parts == *" inbox "* ]]; then
  measure inbox-all-open 50 "/inbox?view=all-open" "${session[@]}"
  measure inbox-team-tag 50 "/inbox?view=all-open&team=$team&tag=$common_tag" "${session[@]}"
  measure inbox-team-rare-tag - "/inbox?view=all-open&team=$team&tag=$rare_tag" "${session[@]}"
  measure inbox-list-only - "/inbox?view=all-open" "${session[@]}" -H 'HX-Request: true' -H 'HX-Target: inbox-list'
  measure inbox-unassigned - "/inbox" "${session[@]}"
  measure conversation 50 "/conversations/{n}" "${session[@]}"

  api_list=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$base/api/v1/conversations")
  if [[ $api_list == 200 ]]; then
    measure api-list 50 "/api/v1/conversations" -H "Authorization: Bearer $token"
  else
    echo "GET /api/v1/conversations answered $api_list: API list not measured"
  fi
fi

# Customers list and search: the list page and the API for each kind of search (customers-run.sh).
if [[ $parts == *" customers "* ]]; then
  if [[ $(sql "select count(*) from customer") -lt 100000 ]]; then
    echo "fewer than 100,000 customers: run benchmarks/inbox/generate.sh (customers.sql) first; customers not measured"
  else
    source benchmarks/inbox/customers-run.sh
  fi
fi

# Create throughput: wrk keeps N connections busy for a while; the rate counted is conversations the database gained.
create_rows=()
probe=skipped
[[ -z $create_clients ]] || probe=$(curl -s -o "$work/probe.json" -w '%{http_code}' -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"subject":"Benchmark probe","customer":{"name":"Probe Customer","email":"probe@bench.example"},"message":"Is the API there?","channel":"EMAIL"}' \
  "$base/api/v1/conversations")
if [[ -z $create_clients ]]; then
  echo "BENCH_CREATE_CLIENTS is empty: create throughput not measured"
elif [[ $probe != 201 && $probe != 200 ]]; then
  echo "POST /api/v1/conversations answered $probe: create throughput not measured ($(head -c 300 "$work/probe.json"))"
elif ! command -v wrk >/dev/null; then
  echo "wrk is not installed: create throughput not measured"
else
  cat >"$work/create.lua" <<'LUA'
local counter = 0
local bodies = {
  "Hello, I ordered a blue jacket last week (order 48213) and the confirmation still says it has not shipped. Could you please tell me when I can expect the delivery? Thanks, ",
  "Hi, I was charged twice for the same invoice this month and would like one of the payments refunded. I attached the bank statement. Best regards, ",
  "The app keeps logging me out every few minutes since the last update, on both my phone and my laptop. Is this a known problem? ",
}
local channels = {"EMAIL", "WEB_FORM", "CHAT", "API"}
request = function()
  counter = counter + 1
  local id = tostring(math.random(1, 200000))
  local body = string.format(
    '{"subject":"Benchmark request %d","customer":{"name":"Load Customer %s","email":"load.%s@bench.example"},"message":"%s%s","channel":"%s"}',
    counter, id, id, bodies[counter % #bodies + 1], id, channels[counter % #channels + 1])
  return wrk.format("POST", "/api/v1/conversations", {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")}, body)
end
LUA
  # Warm-up (not counted): lets the JIT compile the create path, as on a server that has been up for a while.
  BENCH_TOKEN=$token wrk -t 1 -c 4 -d 15s --timeout 10s -s "$work/create.lua" "$base" >"$work/wrk-warmup.txt" 2>&1
  for clients in $create_clients; do
    before=$(sql "select count(*) from conversation")
    t0=$(date +%s%N)
    mark=$(cpu_mark)
    BENCH_TOKEN=$token wrk -t 1 -c "$clients" -d "${create_seconds}s" --timeout 10s --latency -s "$work/create.lua" "$base" \
      >"$work/wrk-$clients.txt" 2>&1
    t1=$(date +%s%N)
    read -r cpu_app cpu_pg cpu_other _ <<<"$(cpu_since "$mark")"
    after=$(sql "select count(*) from conversation")
    created=$((after - before))
    rate=$(awk -v c=$created -v t0=$t0 -v t1=$t1 'BEGIN {printf "%.0f", c / ((t1 - t0) / 1e9)}')
    non2xx=$(awk '/Non-2xx/ {print $NF}' "$work/wrk-$clients.txt"); non2xx=${non2xx:-0}
    errors=$(awk '/Socket errors/' "$work/wrk-$clients.txt")
    p50=$(awk '$1 == "50%" {print $2}' "$work/wrk-$clients.txt")
    p99=$(awk '$1 == "99%" {print $2}' "$work/wrk-$clients.txt")
    # CPU time per conversation (ms) and the rate two cores would allow if app and database had them to themselves
    per=$(awk -v a="$cpu_app" -v p="$cpu_pg" -v c=$created -v t0=$t0 -v t1=$t1 \
      'BEGIN {s = (t1 - t0) / 1e9; printf "%.1f %.1f %.0f", a * s * 1000 / c, p * s * 1000 / c, 2000 / ((a + p) * s * 1000 / c)}')
    create_rows+=("$clients $created $rate $non2xx $p50 $p99 $cpu_app $cpu_pg $cpu_other $per")
    [[ -z $errors ]] || echo "wrk ($clients connections): $errors"
  done
fi

echo
echo "GET latency, $requests requests each after $warmup warm-up ones, one at a time (ms; target: p95 <= 50 ms server time)"
printf '%-28s %8s %8s %8s %10s %10s %10s %12s %9s\n' endpoint "srv p50" "srv p95" "srv p99" "client p50" "client p95" \
  "p95/target" "CPU/req a+pg" "other CPU"
while read -r name target s50 s95 s99 c50 c95 other app_ms pg_ms; do
  ratio=-
  [[ $target != - ]] && ratio=$(awk -v a="$s95" -v t="$target" 'BEGIN {printf "%.2f", a / t}')
  printf '%-28s %8.1f %8.1f %8.1f %10.1f %10.1f %10s %12s %9s\n' "$name" "$s50" "$s95" "$s99" "$c50" "$c95" "$ratio" \
    "$app_ms+$pg_ms" "$other"
done <"$results"
echo "(CPU/req: ms of CPU per request in the app + in PostgreSQL, averaged over warm-up and measured requests;"
echo " other CPU: cores busy with anything else meanwhile, curl included; near 0 means a quiet machine)"
if (( ${#create_rows[@]} > 0 )); then
  echo
  echo "POST /api/v1/conversations, ${create_seconds} s per run (target: >= 500 conversations/s)"
  printf '%-6s %8s %8s %7s %9s %9s %6s  %-20s %-16s %s\n' conns created "conv/s" non-2xx "wrk p50" "wrk p99" ratio \
    "cores app/pg/other" "CPU ms/conv a+pg" "2-core ceiling"
  for row in "${create_rows[@]}"; do
    read -r clients created rate non2xx p50 p99 ca cp co ma mp ceiling <<<"$row"
    printf '%-6s %8s %8s %7s %9s %9s %6s  %-20s %-16s %s/s\n' "$clients" "$created" "$rate" "$non2xx" "$p50" "$p99" \
      "$(awk -v r="$rate" 'BEGIN {printf "%.2f", r / 500}')" "$ca/$cp/$co" "$ma+$mp" "$ceiling"
  done
  echo "(ceiling: 2 cores divided by the app's and PostgreSQL's CPU time per conversation, i.e. with the load tool and"
  echo " everything else moved off the machine; non-2xx answers are listed in the app log below)"
  grep -h -A3 ' ERROR ' "$work/app.log" | grep -E 'Exception' | sed 's/^\s*//' | cut -c1-200 | sort | uniq -c | head -5 || true
fi
echo
echo "app: RSS $(awk '/VmRSS/ {printf "%.0f MB", $2/1024}' /proc/$java_pid/status) at the end; log kept until exit in $work"
