#!/usr/bin/env bash
# Platform start benchmark: time from `bin/run` to every service healthy, and the memory (RSS) of
# every process, on a fresh data folder (first start: migrations, key generation, demo seeding)
# and again on the same folder (a normal restart).
#   bench/platform-start.sh            measure starts of the already-built platform
#   bench/platform-start.sh --clean    also measure the build from nothing (mvn clean, no SPA build)
# Targets: <= 60 s start once built, <= 350 MB RSS per service.
set -euo pipefail
cd "$(dirname "$0")/.."
source bin/lib/jdk.sh

data=$(mktemp -d /var/tmp/chosencrm-bench-XXXXXX)
chmod 755 "$data"
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$data"
}
trap cleanup EXIT

if [ "${1:-}" = "--clean" ]; then
  mvn -B -q -ntp clean >/dev/null
  rm -rf frontend/dist .local/build.stamp
  begin=$(date +%s.%N)
  mvn -B -q -ntp -DskipTests -Dspotless.check.skip=true package
  if [ -f frontend/package.json ]; then (cd frontend && npm ci --no-audit --no-fund -s && npm run -s build >/dev/null); fi
  touch .local/build.stamp
  printf 'build from nothing: %.0f s\n' "$(elapsed "$begin")"
fi

elapsed() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }

measure() {
  local label=$1 log="$data/launcher.log"
  local begin
  begin=$(date +%s.%N)
  CHOSENCRM_DATA_DIR="$data/platform" java -Dchosencrm.root="$PWD" \
    -jar launcher/target/launcher-0.1.0-SNAPSHOT.jar >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 600); do
    grep -q "ChosenCRM is running" "$log" && break
    if ! kill -0 "$pid" 2>/dev/null; then cat "$log"; echo "launcher died" >&2; exit 1; fi
    sleep 0.2
  done
  printf '%-28s %6s s until every service was healthy\n' "$label:" "$(elapsed "$begin")"
  local total=0 services=0 rss name postmaster
  for child in $(pgrep -P "$pid"); do
    rss=$(ps -o rss= -p "$child" | tr -d ' ')
    name=$(tr '\0' ' ' </proc/"$child"/cmdline | grep -o '[a-z-]*-0.1.0-SNAPSHOT.jar' | sed 's/-0.1.0-SNAPSHOT.jar//' || true)
    if [ -n "$name" ]; then
      services=$((services + rss))
      printf '    %-24s %6d MB RSS\n' "$name" $((rss / 1024))
    else
      printf '    %-24s %6d MB RSS\n' "$(ps -o comm= -p "$child")" $((rss / 1024))
    fi
    total=$((total + rss))
  done
  # pg_ctl daemonises PostgreSQL: find the postmaster and its workers from its pid file.
  postmaster=$(pgrep -f -o "postgres -D $data/platform/postgres" || true)
  rss=0
  if [ -n "$postmaster" ]; then
    rss=$(ps -o rss= -p "$postmaster,$(pgrep -d, -P "$postmaster")" | awk '{s+=$1} END {print s+0}')
  fi
  printf '    %-24s %6d MB RSS (all its processes)\n' "postgres" $((rss / 1024))
  total=$((total + rss))
  printf '    %-24s %6d MB RSS\n' "services" $((services / 1024))
  printf '    %-24s %6d MB RSS\n' "everything" $((total / 1024))
  kill -TERM "$pid"
  wait "$pid" 2>/dev/null || true
  pid=""
}

measure "first start (empty data)"
measure "restart (existing data)"
