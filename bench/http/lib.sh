# bench/http/lib.sh: what the HTTP benchmarks share: a server on a free loopback
# port with a temporary data dir (stopped by pid on exit) and one wrk measurement
# per scenario with requests/s, p50, p99 and the server's CPU time per request,
# and the same with bench/loadgen (closed loop beside wrk, or open loop at a rate).
# Sourced by bench/http/run.sh and bench/http/search.sh.
# Environment knobs (defaults in brackets):
#   HIRAG_BIN [build/hirag]  LOADGEN [build/bench/loadgen]
#   THREADS [2]  CONNECTIONS [64]  DURATION [10s]  WARMUP [2s]
#   KEEP=1 keeps the temp dir (raw wrk outputs, loadgen timelines, server logs)
# Needs: wrk, curl, python3, and the loadgen target (cmake --build build --target
# hirag loadgen). The load generators run on the same machine and compete with
# the server for the cores; the figures are for that setup.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BIN="${HIRAG_BIN:-$ROOT/build/hirag}"
LOADGEN="${LOADGEN:-$ROOT/build/bench/loadgen}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-64}"
DURATION="${DURATION:-10s}"
WARMUP="${WARMUP:-2s}"

for tool in wrk curl python3; do
  command -v "$tool" >/dev/null || { echo "$(basename "$0"): $tool is not installed (scripts/install-deps.sh)" >&2; exit 1; }
done
for program in "$BIN" "$LOADGEN"; do
  [[ -x "$program" ]] || { echo "$(basename "$0"): $program not found; build it: cmake --build build --target hirag loadgen" >&2; exit 1; }
done

WORK="$(mktemp -d /tmp/hirag-bench-http.XXXXXX)"
DATA="$WORK/data"
SERVER_PID=""

# Stops the server we started (by pid) and removes the temp dir, on any exit.
cleanup() {
  stop_server
  if [[ "${KEEP:-0}" == 1 ]]; then echo "# raw wrk outputs and server logs kept in $WORK"; else rm -rf "$WORK"; fi
}
stop_server() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID"
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# start_server ACCESS_LOG: starts hirag and waits (up to 60 s) until it is ready.
start_server() {
  PORT="$(free_port)"
  HIRAG_RATE_LIMIT__ENABLED=false HIRAG_LOGGING__ACCESS_LOG="$1" \
    "$BIN" serve --port "$PORT" --data-dir "$DATA" >"$WORK/server-access-$1.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 600); do
    if curl -fsS "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1; then return 0; fi
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.1
  done
  echo "$(basename "$0"): the server did not come up; its log:" >&2
  cat "$WORK/server-access-$1.log" >&2
  exit 1
}

# User + system CPU ticks the server process has used so far (/proc/PID/stat fields 14, 15).
server_cpu_ticks() {
  awk '{ print $14 + $15 }' "/proc/$SERVER_PID/stat"
}

# file_stem NAME: NAME as a file name in $WORK (anything but letters, digits and =.- becomes _).
file_stem() {
  echo "${1//[^A-Za-z0-9=.-]/_}"
}

# run_wrk NAME URL [wrk args...]: warm-up, measured run, one result line.
run_wrk() {
  local name="$1" url="$2"
  shift 2
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "$@" "$url" >/dev/null
  local out cpu_before cpu_after
  cpu_before="$(server_cpu_ticks)"
  out="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" "$url")"
  cpu_after="$(server_cpu_ticks)"
  echo "$out" >"$WORK/wrk-$(file_stem "$name").txt"
  local rps p50 p99 errors
  rps="$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")"
  p50="$(awk '$1 == "50%" {print $2}' <<<"$out")"
  p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
  errors="$(awk '/Non-2xx or 3xx responses:/ {print $NF}' <<<"$out")"
  # Server CPU time (user + system) per request: unlike requests/s it does not
  # depend much on what else runs on the machine.
  local requests cpu_us
  requests="$(awk '/requests in/ {print $1}' <<<"$out")"
  cpu_us="$(awk -v t="$((cpu_after - cpu_before))" -v hz="$(getconf CLK_TCK)" -v n="$requests" \
    'BEGIN { printf "%.1f", (n > 0 ? t / hz * 1e6 / n : 0) }')"
  # Socket errors (connect/read/write/timeout) are reported on one line when any.
  local socket_errors
  socket_errors="$(awk -F'Socket errors: ' 'NF > 1 {print $2}' <<<"$out")"
  printf '%-28s %12s %10s %10s %14s   non-2xx=%s%s\n' "$name" "$rps" "$p50" "$p99" "$cpu_us" "${errors:-0}" \
    "${socket_errors:+  socket errors: $socket_errors}"
}

# run_loadgen NAME RATE [loadgen args...]: like run_wrk, with bench/loadgen on
# CONNECTIONS connections; RATE 0 = closed loop (as wrk), else open loop at RATE
# requests/s with latency counted from when each request was due. Also prints
# p99.9 and the generator's own CPU time per request (taken from the same cores).
run_loadgen() {
  local name="$1" rate="$2"
  shift 2
  local cpu_before cpu_after out stem
  stem="$(file_stem "$name")"
  cpu_before="$(server_cpu_ticks)"
  out="$("$LOADGEN" --port "$PORT" --connections "$CONNECTIONS" --rate "$rate" --warmup "${WARMUP%s}" \
    --duration "${DURATION%s}" --timeline "$WORK/timeline-$stem.txt" "$@")"
  cpu_after="$(server_cpu_ticks)"
  echo "$out" >"$WORK/loadgen-$stem.txt"
  # The server's CPU covers the warm-up too: divide by every answer of the run.
  awk -v t="$((cpu_after - cpu_before))" -v hz="$(getconf CLK_TCK)" -v name="$name" '{
    for (i = 1; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
    n = f["answered"]
    printf "%-28s %12s %8.2fms %8.2fms %14.1f   p99.9=%.2fms loadgen-cpu-us/req=%s non-2xx=%s socket-errors=%s\n",
      name, f["rps"], f["p50_ms"], f["p99_ms"], (n > 0 ? t / hz * 1e6 / n : 0), f["p999_ms"],
      f["loadgen_cpu_us_per_req"], f["non_2xx"], f["socket_errors"] }' <<<"$out"
}

# begin_benchmark NAME: prints the run's header (time, machine, wrk settings, load,
# commit), creates the data dir and an API key for tenant "bench" in HIRAG_BENCH_KEY.
begin_benchmark() {
  echo "# hirag $1 benchmark  $(date -u '+%Y-%m-%dT%H:%M:%SZ')"
  echo "# $(lscpu | grep 'Model name' | sed 's/  */ /g'), $(nproc) cores; wrk -t$THREADS -c$CONNECTIONS -d$DURATION (warm-up $WARMUP)"
  echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "# commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown) (working tree may differ)"
  mkdir -p "$DATA"
  # The last stdout line of `keys create` is the key itself.
  HIRAG_BENCH_KEY="$("$BIN" keys create --tenant bench --data-dir "$DATA" | tail -n 1)"
  export HIRAG_BENCH_KEY
}
