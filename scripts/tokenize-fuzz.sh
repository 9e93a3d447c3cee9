#!/usr/bin/env bash
# Differential fuzzing of the tokenizer against the npm tiktoken package (not part of
# `make test`). Usage: scripts/tokenize-fuzz.sh [CASES] [SEED]
#   HIRAG_BIN: the binary to test (default build/hirag).
# Installs tiktoken@1.0.22 into bench/tokenize/node_modules if it is missing.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cases="${1:-5000}"
seed="${2:-$RANDOM}"
bin="${HIRAG_BIN:-$root/build/hirag}"
if [[ ! -d "$root/bench/tokenize/node_modules/tiktoken" ]]; then
  npm install --prefix "$root/bench/tokenize" --no-save --no-package-lock tiktoken@1.0.22 >/dev/null
fi
exec node "$root/tests/tokenize/fuzz/fuzz_tiktoken.mjs" --binary "$bin" --cases "$cases" --seed "$seed"
