#!/usr/bin/env bash
# bench/run-all.sh BUILD_DIR: runs every benchmark and prints their figures; copy
# what matters, with the machine and the date, into bench/RESULTS.md.
# Needs the `benchmarks` target built (make bench does it). The tokenizer comparison
# with the npm package tiktoken needs npm (the registry) and is skipped without it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${1:-$ROOT/build}"
cd "$ROOT"

echo "# $(date -u +%FT%TZ) $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores"
echo "## tokenizer (Google Benchmark)"
"$BUILD/bench/bench_tokenize" --benchmark_counters_tabular=true
if command -v npm >/dev/null; then
  echo "## tokenizer vs npm tiktoken"
  bench/tokenize/run.sh "$BUILD"
fi
echo "## JSON writer (a search response, against Boost.JSON's serializer)"
"$BUILD/bench/bench_core"
echo "## full-text index alone (top-k at 100k and 1M documents)"
"$BUILD/bench/bench_store"
echo "## memory (search at 100k items, ingest)"
"$BUILD/bench/bench_memory"
echo "## context build (8k window, 50 turns, 100k items)"
"$BUILD/bench/bench_context"
echo "## retrieval quality (LoCoMo dev, in process)"
"$BUILD/bench/bench_locomo"
echo "## HTTP (wrk and bench/loadgen against the real server)"
HIRAG_BIN="$BUILD/hirag" LOADGEN="$BUILD/bench/loadgen" bench/http/run.sh
echo "## memory over HTTP (search at 10k/100k items, ingest, restart)"
HIRAG_BIN="$BUILD/hirag" LOADGEN="$BUILD/bench/loadgen" bench/http/search.sh
echo "## facts over HTTP (batch insert, exact query, search, restart at 1M facts)"
HIRAG_BIN="$BUILD/hirag" LOADGEN="$BUILD/bench/loadgen" bench/http/facts.sh
