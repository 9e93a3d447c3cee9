#!/usr/bin/env bash
# bench/http/search.sh: memory over HTTP against the real server (default
# configuration, rate limiting off). Loads synthetic items into one namespace
# through the batch endpoint (bench/http/ingest.py, reports items/s), then
# measures POST /api/v1/contexts/search at each size in ITEMS:
#   - throughput: wrk (bench/http/search.lua) and loadgen in closed loop, side by
#     side, at CONNECTIONS connections (then latency is CONNECTIONS / throughput);
#   - latency at a given load: loadgen in open loop at each of RATES requests/s,
#     counted from when each request was due (bench/http/search_bodies.py draws the
#     queries as search.lua does);
# then restarts the server, reports the time until /health/ready and the
# server's resident memory, and measures with loadgen again at the largest size.
#
# Usage:  bench/http/search.sh        (after: cmake --build build --target hirag loadgen)
#   ITEMS ["10000 100000"]: namespace sizes to measure at, increasing.
#   RATES ["2000 5000 10000"]: open-loop rates.
# Other knobs and needs: bench/http/lib.sh.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=bench/http/lib.sh
source "$ROOT/bench/http/lib.sh"
ITEMS="${ITEMS:-10000 100000}"
RATES="${RATES:-2000 5000 10000}"

resident_mib() {
  awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$SERVER_PID/status"
}

# measure_with_loadgen NAME: closed loop, then open loop at each of RATES.
measure_with_loadgen() {
  run_loadgen "$1, loadgen" 0 "${SEARCH_ARGS[@]}"
  for rate in $RATES; do
    run_loadgen "$1, $rate/s" "$rate" "${SEARCH_ARGS[@]}"
  done
}

begin_benchmark "search"
python3 "$ROOT/bench/http/search_bodies.py" --count 20000 >"$WORK/search-bodies.jsonl"
SEARCH_ARGS=(--method POST --path /api/v1/contexts/search --header "Content-Type: application/json"
             --header "Authorization: Bearer $HIRAG_BENCH_KEY" --bodies "$WORK/search-bodies.jsonl")
start_server false
idle_mib="$(resident_mib)"

loaded=0
printf '%-28s %12s %10s %10s %14s\n' scenario "requests/s" p50 p99 "server-cpu-us/req"
for target in $ITEMS; do
  read -r count seconds rate < <(python3 "$ROOT/bench/http/ingest.py" --url "http://127.0.0.1:$PORT" \
    --key "$HIRAG_BENCH_KEY" --count "$((target - loaded))" --seed "$target")
  echo "# ingested $count items in ${seconds} s: $rate items/s (batches of 1000)"
  loaded="$target"
  run_wrk "search $loaded items" "http://127.0.0.1:$PORT/api/v1/contexts/search" -s "$ROOT/bench/http/search.lua"
  measure_with_loadgen "search $loaded items"
done
echo "# resident memory: $(resident_mib) MiB with $loaded items, $idle_mib MiB empty"

stop_server
start="$(date +%s.%N)"
start_server false
ready="$(date +%s.%N)"
awk -v a="$start" -v b="$ready" -v n="$loaded" 'BEGIN { printf "# restart with %d items: ready after %.2f s\n", n, b - a }'
echo "# resident memory after restart: $(resident_mib) MiB"
# The same searches on the restarted server: right after an ingest the rows are
# read cold and the allocator holds the batches' memory (see bench/RESULTS.md).
measure_with_loadgen "after restart, $loaded items"
echo "# resident memory after these searches: $(resident_mib) MiB"
