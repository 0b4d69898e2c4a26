#!/usr/bin/env bash
# Downloads the OpenAPI documents of running services into openapi/<service>.json (the committed
# snapshots), then regenerates the TypeScript types from them.
#
#   scripts/fetch-openapi.sh                         user-service at http://localhost:8081
#   scripts/fetch-openapi.sh user-service=http://localhost:8081 lead-service=http://localhost:8083
#   USER_SERVICE_URL=http://host:8081 scripts/fetch-openapi.sh
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$#" -eq 0 ]; then
  set -- "user-service=${USER_SERVICE_URL:-http://localhost:8081}"
fi

for pair in "$@"; do
  service="${pair%%=*}"
  base="${pair#*=}"
  if [ "$service" = "$pair" ] || [ -z "$base" ]; then
    echo "usage: $0 [service=http://host:port ...]" >&2
    exit 2
  fi
  target="openapi/${service}.json"
  tmp="$(mktemp)"
  echo "Fetching ${base%/}/v3/api-docs -> ${target}"
  if ! curl -fsS --max-time 30 -H 'Accept: application/json' "${base%/}/v3/api-docs" -o "$tmp"; then
    rm -f "$tmp"
    echo "error: could not fetch ${base%/}/v3/api-docs; is ${service} running?" >&2
    exit 1
  fi
  # Pretty-printed with sorted keys so that a re-fetch of an unchanged API is an empty diff.
  node -e '
    const fs = require("fs");
    const sort = (v) => Array.isArray(v) ? v.map(sort)
      : v && typeof v === "object" ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort(v[k])]))
      : v;
    const doc = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
    if (!doc.openapi) { console.error("not an OpenAPI document"); process.exit(1); }
    fs.writeFileSync(process.argv[2], JSON.stringify(sort(doc), null, 2) + "\n");
  ' "$tmp" "$target"
  rm -f "$tmp"
done

npm run --silent gen:api
