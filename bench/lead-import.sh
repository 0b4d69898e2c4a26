#!/usr/bin/env bash
# Import benchmark: a generated 100,000-row, 15-column .xlsx through POST /api/leads/imports and
# /start to COMPLETED, on lead-service running with -Xmx256m over embedded PostgreSQL 17, against
# the ceiling measured in the same run (streaming parse of the same file + COPY into a bare table).
#   bench/lead-import.sh [rows]
# Targets: >= 20,000 rows/s end to end on 2 cores, >= 35 % of the ceiling, peak heap < 256 MB.
exec "$(dirname "$0")/lib/lead-bench.sh" ImportBenchmark "$@"
