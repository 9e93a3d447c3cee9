#!/usr/bin/env bash
# bench/http/facts.sh: facts at scale in one tenant and namespace over HTTP:
#   1. batch insert rate (POST /api/v1/facts/batch, 1000 per batch);
#   2. exact query by subject (POST /api/v1/facts/query) and full-text search
#      (POST /api/v1/facts/search): requests/s, p50, p99 (wrk);
#   3. restart time to /health/ready (the search index is rebuilt from the table).
#
# Usage:  bench/http/facts.sh      (after: cmake --build build --target hirag loadgen)
#   FACTS [1000000]: facts loaded. Other knobs and needs: bench/http/lib.sh.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=bench/http/lib.sh
source "$ROOT/bench/http/lib.sh"
FACTS="${FACTS:-1000000}"

begin_benchmark "facts"
start_server false
read -r count seconds rate < <(python3 "$ROOT/bench/http/facts_ingest.py" --url "http://127.0.0.1:$PORT" \
  --key "$HIRAG_BENCH_KEY" --count "$FACTS")
echo "# inserted $count facts in ${seconds} s (server time): $rate facts/s"

printf '%-28s %12s %10s %10s %14s\n' "scenario" "req/s" "p50" "p99" "cpu-us/req"
run_wrk "query by subject" "http://127.0.0.1:$PORT/api/v1/facts/query" -s "$ROOT/bench/http/facts_query.lua"
run_wrk "search" "http://127.0.0.1:$PORT/api/v1/facts/search" -s "$ROOT/bench/http/facts_search.lua"
# One request at a time: latency without queueing.
CONNECTIONS=1 THREADS=1 run_wrk "query by subject, 1 conn" "http://127.0.0.1:$PORT/api/v1/facts/query" \
  -s "$ROOT/bench/http/facts_query.lua"
CONNECTIONS=1 THREADS=1 run_wrk "search, 1 conn" "http://127.0.0.1:$PORT/api/v1/facts/search" \
  -s "$ROOT/bench/http/facts_search.lua"

stop_server
start="$(date +%s.%N)"
start_server false
ready="$(date +%s.%N)"
awk -v a="$start" -v b="$ready" -v n="$FACTS" 'BEGIN { printf "# restart with %d facts: ready in %.2f s\n", n, b - a }'
