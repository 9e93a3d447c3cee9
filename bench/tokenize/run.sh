#!/usr/bin/env bash
# Tokenizer throughput: hirag (bench_tokenize, Google Benchmark) against the npm
# tiktoken package on the same parity texts, one thread each; prints a side-by-side
# table. Usage: bench/tokenize/run.sh [BUILD_DIR]   (default: build)
# Installs tiktoken@1.0.22 into bench/tokenize/node_modules (gitignored) if missing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="${1:-$root/build}"
shared="${HIRAG_SHARED_DIR:-$root/../shared}"
if [[ ! -d "$here/node_modules/tiktoken" ]]; then
  npm install --prefix "$here" --no-save --no-package-lock tiktoken@1.0.22 >/dev/null
fi
cmake --build "$build" --target bench_tokenize >/dev/null
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
echo "machine: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores; $(date -u '+%Y-%m-%d %H:%M UTC')"
"$build/bench/bench_tokenize" --benchmark_format=json --benchmark_min_time=1 >"$out/hirag.json" 2>/dev/null
TIKTOKEN_DIR="$here" node "$here/tiktoken_bench.mjs" "$shared" 2 >"$out/tiktoken.jsonl"
node "$here/compare.mjs" "$out/hirag.json" "$out/tiktoken.jsonl"
