#!/usr/bin/env bash
# Container health check without curl or wget (the Temurin JRE image ships neither, and adding a
# package to every image for this is not worth it): a plain HTTP/1.0 GET over bash's /dev/tcp,
# healthy only on a 200 status line. Starting a JVM for it every few seconds would cost more
# than the check itself.
#   healthcheck [path]   default /actuator/health/liveness, on 127.0.0.1:$PORT
set -euo pipefail
path="${1:-/actuator/health/liveness}"
exec 3<>"/dev/tcp/127.0.0.1/${PORT:?PORT is not set}"
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$path" >&3
IFS= read -r -t 5 status <&3
[[ "$status" =~ ^HTTP/1\.[01]\ 200 ]]
