#include "timeline.hpp"

#include <fmt/os.h>

#include <stdexcept>

namespace hirag::loadgen {

void write_timeline(const RunResult& result, const std::string& path) {
  try {
    auto out = fmt::output_file(path);
    // Lets other recordings of the same run (CLOCK_MONOTONIC) be lined up with it.
    out.print("# window_start_monotonic_ns={}\n", result.window_start_ns);
    for (size_t i = 0; i < result.latencies_ns.size(); ++i) {
      out.print("{:.3f} {:.3f}\n", static_cast<double>(result.due_offsets_ns[i]) / 1e6,
                static_cast<double>(result.latencies_ns[i]) / 1e6);
    }
  } catch (const std::system_error& e) {
    throw std::runtime_error(path + ": " + e.what());
  }
}

}  // namespace hirag::loadgen
