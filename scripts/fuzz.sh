#!/usr/bin/env bash
# Runs every libFuzzer target of tests/fuzz for SECONDS each (`make fuzz`: 60; `make
# test`: a few seconds as a smoke test). Usage: scripts/fuzz.sh BUILD_DIR SECONDS
# The committed seed corpus (tests/fuzz/corpus/NAME) is read, never written: new
# inputs go to BUILD_DIR/fuzz/corpus/NAME and are kept between runs. A crash leaves
# its input in BUILD_DIR/fuzz/crashes/NAME and fails the run; make it a regression
# test (a seed in the corpus and a unit test of the fixed function).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:?usage: fuzz.sh BUILD_DIR SECONDS}"
seconds="${2:?usage: fuzz.sh BUILD_DIR SECONDS}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export TMPDIR="${TMPDIR:-/tmp}"

failed=0
summary=()
for binary in "$build"/fuzz/fuzz_*; do
  [[ -x "$binary" ]] || continue
  name="$(basename "$binary")"; name="${name#fuzz_}"
  work="$build/fuzz/corpus/$name"; crashes="$build/fuzz/crashes/$name"; log="$build/fuzz/$name.log"
  mkdir -p "$work" "$crashes"
  dict=()
  [[ -f "$root/tests/fuzz/$name.dict" ]] && dict=(-dict="$root/tests/fuzz/$name.dict")
  [[ "$name" == json_* ]] && [[ -f "$root/tests/fuzz/json.dict" ]] && dict=(-dict="$root/tests/fuzz/json.dict")
  status=0
  "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
    -artifact_prefix="$crashes/" "${dict[@]}" "$work" "$root/tests/fuzz/corpus/$name" >"$log" 2>&1 || status=$?
  # libFuzzer prints its final stats once per process (twice after a crash): the last counts.
  runs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | tail -n 1 | grep -o '[0-9]*$' || true)"
  if [[ $status -ne 0 ]]; then
    failed=1
    summary+=("$name: FAILED after ${runs} executions (exit $status); input in $crashes, log $log")
    tail -n 40 "$log" >&2
  else
    summary+=("$name: ${runs} executions in ${seconds}s, no crash (corpus $(ls "$work" | wc -l) inputs)")
  fi
done
printf 'fuzz: %s\n' "${summary[@]}"
exit $failed
