#!/usr/bin/env bash
# List benchmark: 1,000,000 leads generated in SQL, GET /api/leads first page and a deep page
# (after 900,000 rows, by cursor) through the running service; p50/p95 of each.
#   bench/lead-list.sh [leads]
# Target: both p95 <= 20 ms.
exec "$(dirname "$0")/lib/lead-bench.sh" LeadQueryBenchmark list "$@"
