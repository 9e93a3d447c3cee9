#!/usr/bin/env bash
# bench/http/run.sh: HTTP load benchmark of the real server, wrk and
# bench/loadgen side by side in one run.
#
# Starts `build/hirag serve` on a free loopback port with a temporary data dir,
# rate limiting off, and measures (after a warm-up):
#   live      GET  /health/live                  (no auth, smallest handler)
#   count     POST /api/v1/tokens/count          (API key + JSON body, bench/http/post_count.lua)
# each with the access log off, then again with it on (one spdlog line per request):
# with wrk -t2, with loadgen in closed loop (both at CONNECTIONS connections), and
# /health/live with loadgen in open loop at LIVE_RATE requests/s.
# Prints requests/s, p50, p99 and the server's CPU time per request per scenario,
# then stops the server. Also prints the machine load: on a shared machine
# requests/s and latencies are only meaningful when the load average is low.
#
# Usage:  bench/http/run.sh            (after: cmake --build build --target hirag loadgen)
#   LIVE_RATE [25000]: the open-loop rate for /health/live (about half of what it serves flat out
#   here: near its capacity, any stall of the shared cores leaves a queue that does not drain).
# Knobs and needs: bench/http/lib.sh.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LUA="$ROOT/bench/http/post_count.lua"
# shellcheck source=bench/http/lib.sh
source "$ROOT/bench/http/lib.sh"
LIVE_RATE="${LIVE_RATE:-25000}"

begin_benchmark "HTTP"

printf '%-28s %12s %10s %10s %14s\n' scenario "requests/s" p50 p99 "server-cpu-us/req"
for access_log in false true; do
  start_server "$access_log"
  suffix="access_log=$([[ $access_log == true ]] && echo on || echo off)"
  # Sanity: the authenticated endpoint answers 200 before we measure it.
  status="$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' \
    -H "Authorization: Bearer $HIRAG_BENCH_KEY" -d '{"text":"hello"}' "http://127.0.0.1:$PORT/api/v1/tokens/count")"
  [[ "$status" == 200 ]] || echo "warning: POST /api/v1/tokens/count answered $status" >&2
  run_wrk "live $suffix" "http://127.0.0.1:$PORT/health/live"
  run_loadgen "live $suffix, loadgen" 0 --path /health/live
  run_loadgen "live $suffix, $LIVE_RATE/s" "$LIVE_RATE" --path /health/live
  run_wrk "count $suffix" "http://127.0.0.1:$PORT/api/v1/tokens/count" -s "$LUA"
  run_loadgen "count $suffix, loadgen" 0 --method POST --path /api/v1/tokens/count \
    --header "Content-Type: application/json" --header "Authorization: Bearer $HIRAG_BENCH_KEY" \
    --bodies "$ROOT/bench/http/count_body.json"
  stop_server
done
