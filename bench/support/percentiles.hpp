// bench/support/percentiles: reports p50/p99 of per-iteration latencies (seconds)
// as Google Benchmark counters in milliseconds.
#pragma once

#include <benchmark/benchmark.h>

#include <algorithm>
#include <vector>

namespace hirag::bench {

inline void report_percentiles(benchmark::State& state, std::vector<double>& samples) {
  std::sort(samples.begin(), samples.end());
  state.counters["p50_ms"] = samples[samples.size() / 2] * 1000;
  state.counters["p99_ms"] = samples[samples.size() * 99 / 100] * 1000;
}

}  // namespace hirag::bench
