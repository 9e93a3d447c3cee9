#!/usr/bin/env bash
# bench/http/restart.sh: time to /health/ready after a restart with many items in
# one namespace, side by side in one run:
#   1. graceful stop (SIGTERM, writes the index snapshot), then start: snapshot load;
#   2. more writes, SIGKILL, then start: snapshot load + replay of the later writes;
#   3. start with snapshots off (memory.snapshot_interval_secs = 0): rebuild from every row.
# Before them DURATION of searches, so that items have retrieval counts to load.
#
# Usage:  bench/http/restart.sh        (after: cmake --build build --target hirag)
#   ITEMS [1000000]: items loaded first.  LATER [10000]: items written after the snapshot.
# Other knobs and needs: bench/http/lib.sh.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=bench/http/lib.sh
source "$ROOT/bench/http/lib.sh"
ITEMS="${ITEMS:-1000000}"
LATER="${LATER:-10000}"

resident_mib() {
  awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$SERVER_PID/status"
}

ingest() {
  read -r count seconds rate < <(python3 "$ROOT/bench/http/ingest.py" --url "http://127.0.0.1:$PORT" \
    --key "$HIRAG_BENCH_KEY" --count "$1" --seed "$2")
  echo "# ingested $count items in ${seconds} s: $rate items/s"
}

# timed_start LABEL: starts the server and prints the seconds until it is ready.
timed_start() {
  local start ready
  start="$(date +%s.%N)"
  start_server false
  ready="$(date +%s.%N)"
  awk -v a="$start" -v b="$ready" -v label="$1" -v mib="$(resident_mib)" \
    'BEGIN { printf "%-58s %8.2f s   %6d MiB\n", label, b - a, mib }'
}

begin_benchmark "restart"
start_server false
ingest "$ITEMS" 1
# Searches, so that the restarts also read retrieval counts (memory_access) as a
# used server has them.
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s "$ROOT/bench/http/search.lua" \
  "http://127.0.0.1:$PORT/api/v1/contexts/search" | awk '/^Requests\/sec:/ { print "# searched first: " $2 " req/s" }'

stop_start="$(date +%s.%N)"
stop_server
stop_end="$(date +%s.%N)"
awk -v a="$stop_start" -v b="$stop_end" -v bytes="$(stat -c %s "$DATA/memory-index.snapshot")" \
  'BEGIN { printf "# graceful stop (snapshot written) took %.2f s; snapshot %.0f MiB\n", b - a, bytes / 1048576 }'
printf '%-58s %10s   %10s\n' scenario "to ready" "resident"
timed_start "restart from the snapshot ($ITEMS items)"
ingest "$LATER" 2
kill -KILL "$SERVER_PID"
wait "$SERVER_PID" 2>/dev/null || true
SERVER_PID=""
timed_start "restart after SIGKILL: snapshot + $LATER later writes replayed"
grep -o 'event=snapshot_loaded[^"]*' "$WORK/server-access-false.log" | tail -n 1 | sed 's/^/# /'
stop_server
HIRAG_MEMORY__SNAPSHOT_INTERVAL_SECS=0 timed_start "restart with snapshots off: rebuild from every row"
