#!/usr/bin/env bash
# What the api-gateway costs a request: wrk against one authenticated GET, straight to a stand-in
# service and through the gateway (JWT verification with the Redis deny-list and rate limiting on,
# limits set high), with the service answering at once and after a fixed 20 ms.
#   bench/gateway-overhead.sh                      build, run, print the table
#   DURATION=30 CONNECTIONS=100 LIGHT_CONNECTIONS=20 bench/gateway-overhead.sh
# The gateway runs as in production: no local profile (ECS JSON access log), the container's JVM
# flags (serial GC, the heap a 1 GiB pod gets; GATEWAY_JAVA_OPTS overrides), C2 on. Besides
# throughput and latency it prints the gateway's CPU time per request (user + system, from
# /proc), which depends far less than latency on whatever else the machine is running.
# Needs a JDK 21+, Maven, redis-server and wrk (both installed with apt-get if missing).
# Everything listens on 127.0.0.1 only and stops when the script ends.
set -euo pipefail
cd "$(dirname "$0")/.."
source bin/lib/jdk.sh

DURATION=${DURATION:-15}
WARMUP=${WARMUP:-60}
CONNECTIONS=${CONNECTIONS:-50}
# The 20 ms case again at a concurrency the gateway can carry without saturating this machine.
LIGHT_CONNECTIONS=${LIGHT_CONNECTIONS:-20}
THREADS=${THREADS:-2}
GATEWAY_PORT=${GATEWAY_PORT:-18080}
BACKEND_PORT=${BACKEND_PORT:-18181}
REDIS_PORT=${REDIS_PORT:-16399}
GATEWAY_JAVA_OPTS=${GATEWAY_JAVA_OPTS:--Xmx768m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError}

need() {
  command -v "$1" >/dev/null 2>&1 && return 0
  echo "Installing $2..."
  apt-get update -qq && apt-get install -y -qq "$2" >/dev/null
}
need wrk wrk
need redis-server redis-server

work=$(mktemp -d -t chosencrm-bench-XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

echo "Building api-gateway..."
mvn -B -q -ntp -DskipTests -Dspotless.check.skip=true package -pl api-gateway -am
jar=$(ls api-gateway/target/api-gateway-*.jar | grep -v plain | head -n 1)

redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no >"$work/redis.log" 2>&1 &
pids+=($!)
java -Xmx256m bench/BenchBackend.java "$BACKEND_PORT" "$work/token" >"$work/backend.log" 2>&1 &
pids+=($!)

backend="http://127.0.0.1:$BACKEND_PORT"
PORT=$GATEWAY_PORT \
LEAD_SERVICE_URL=$backend \
USER_SERVICE_URL=$backend \
JWK_SET_URI=$backend/.well-known/jwks.json \
REDIS_HOST=127.0.0.1 REDIS_PORT=$REDIS_PORT \
RATE_LIMIT_TENANT_BURST=10000000 RATE_LIMIT_TENANT_PER_SECOND=10000000 \
  java $GATEWAY_JAVA_OPTS -jar "$jar" >"$work/gateway.log" 2>&1 &
gateway_pid=$!
pids+=($gateway_pid)

wait_for() {
  for _ in $(seq 1 120); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    sleep 0.5
  done
  echo "error: $1 did not answer; logs in $work" >&2
  exit 1
}
wait_for "$backend/.well-known/jwks.json"
wait_for "http://127.0.0.1:$GATEWAY_PORT/actuator/health/readiness"
token=$(cat "$work/token")
auth="Authorization: Bearer $token"
status=$(curl -s -o /dev/null -w '%{http_code}' -H "$auth" "http://127.0.0.1:$GATEWAY_PORT/api/leads/fast")
if [ "$status" != "200" ]; then
  echo "error: an authenticated call through the gateway answered $status; logs in $work" >&2
  exit 1
fi

# wrk's latency unit (us, ms, s) to milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) { sub(/us$/, "", v); printf "%.2f", v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.2f", v }
    else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.2f", v * 1000 }
    else printf "%s", v }'
}

# The gateway's CPU time so far (user + system), in clock ticks.
gateway_ticks() { awk '{print $14 + $15}' "/proc/$gateway_pid/stat"; }

# run NAME URL SECONDS [CONNECTIONS] -> sets rps p50 p99 errors (non-2xx answers, socket errors)
# and cpu (the gateway's CPU microseconds per request during the run)
run() {
  local out="$work/$1.txt" before requests
  before=$(gateway_ticks)
  wrk -t"$THREADS" -c"${4:-$CONNECTIONS}" -d"$3"s --latency -H "$auth" "$2" >"$out"
  requests=$(awk '/requests in/ {print $1}' "$out")
  cpu=$(awk -v a="$before" -v b="$(gateway_ticks)" -v n="$requests" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { if (n > 0) printf "%.0f", (b - a) * 1e6 / hz / n; else print "-" }')
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$out")
  p50=$(to_ms "$(awk '$1 == "50%" {print $2}' "$out")")
  p99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$out")")
  errors=$(awk '/Non-2xx/ {n += $NF} /Socket errors/ {gsub(",", ""); n += $4 + $6 + $8 + $10} END {print n + 0}' "$out")
}

# The JIT needs a while before the gateway's code path runs compiled; measure after that.
echo "Warming up the gateway (${WARMUP}s)..."
run warmup-gateway "http://127.0.0.1:$GATEWAY_PORT/api/leads/fast" "$WARMUP"
run warmup-gateway-20 "http://127.0.0.1:$GATEWAY_PORT/api/leads/slow20" 5
run warmup-direct "$backend/api/leads/fast" 5

echo
echo "wrk: $THREADS threads, ${DURATION}s per run; $(nproc) cores shared by wrk, gateway, backend and Redis (load average before: $(cut -d' ' -f1 /proc/loadavg))"
printf '%-22s %-8s %12s %10s %10s %8s %12s\n' "backend answers" "via" "requests/s" "p50 ms" "p99 ms" "errors" "gw CPU us/req"
for case in fast slow20 slow20-light; do
  path=${case%-light}
  conns=$CONNECTIONS
  [ "$case" = slow20-light ] && conns=$LIGHT_CONNECTIONS
  label="$([ "$path" = fast ] && echo "at once" || echo "after 20 ms"), $conns conns"
  run "direct-$case" "$backend/api/leads/$path" "$DURATION" "$conns"
  d_rps=$rps d_p50=$p50
  printf '%-22s %-8s %12s %10s %10s %8s %12s\n' "$label" direct "$rps" "$p50" "$p99" "$errors" -
  run "gateway-$case" "http://127.0.0.1:$GATEWAY_PORT/api/leads/$path" "$DURATION" "$conns"
  printf '%-22s %-8s %12s %10s %10s %8s %12s\n' "$label" gateway "$rps" "$p50" "$p99" "$errors" "$cpu"
  awk -v g="$rps" -v d="$d_rps" -v gp="$p50" -v dp="$d_p50" -v label="$label" 'BEGIN {
    printf "%-22s gateway/direct throughput %.1f%%, p50 added %.2f ms\n", label, 100 * g / d, gp - dp }'
done
echo
echo "Targets at 20 ms: throughput through the gateway >= 85% of direct, p50 added <= 2 ms."
echo "Errors are non-2xx answers plus socket errors; the load average after: $(cut -d' ' -f1 /proc/loadavg)."
echo "Raw wrk output and logs: $work"
