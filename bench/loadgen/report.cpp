#include "report.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace hirag::loadgen {
namespace {

double percentile_ms(const std::vector<int64_t>& sorted, double fraction) {
  if (sorted.empty()) return 0;
  const auto at = std::min(sorted.size() - 1, static_cast<size_t>(fraction * static_cast<double>(sorted.size())));
  return static_cast<double>(sorted[at]) / 1e6;
}

}  // namespace

std::string format_report(const RunResult& result, double cpu_seconds) {
  // A sorted copy: the result's latencies stay beside their due times (the timeline).
  auto latencies = result.latencies_ns;
  std::sort(latencies.begin(), latencies.end());
  const auto requests = static_cast<double>(latencies.size());
  return fmt::format(
      "requests={} rps={:.0f} p50_ms={:.3f} p90_ms={:.3f} p99_ms={:.3f} p999_ms={:.3f} max_ms={:.3f} "
      "non_2xx={} socket_errors={} answered={} loadgen_cpu_us_per_req={:.1f}",
      latencies.size(), requests / result.seconds, percentile_ms(latencies, 0.50), percentile_ms(latencies, 0.90),
      percentile_ms(latencies, 0.99), percentile_ms(latencies, 0.999),
      latencies.empty() ? 0.0 : static_cast<double>(latencies.back()) / 1e6, result.non_2xx, result.socket_errors,
      result.answered, result.answered > 0 ? cpu_seconds * 1e6 / static_cast<double>(result.answered) : 0.0);
}

}  // namespace hirag::loadgen
