#!/usr/bin/env bash
# Search benchmark: 1,000,000 leads generated in SQL, GET /api/leads/search?q= (3+ characters:
# surnames, parts of them, phone digits) through the running service; p50/p95 with the trigram
# indexes, then the same queries with them dropped.
#   bench/lead-search.sh [leads]
# Targets: p95 <= 20 ms, and >= 10x faster than without the index.
exec "$(dirname "$0")/lib/lead-bench.sh" LeadQueryBenchmark search "$@"
