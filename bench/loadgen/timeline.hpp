// bench/loadgen/timeline: writes each answer's due time and latency, for finding
// when in a run the slow answers came (a stall shows as a ridge).
#pragma once

#include <string>

#include "driver.hpp"

namespace hirag::loadgen {

// A first line "# window_start_monotonic_ns=N", then one line per answer:
// "due_ms latency_ms" (due_ms from the window's start), in the order the answers came.
// Throws std::runtime_error when the file cannot be written.
void write_timeline(const RunResult& result, const std::string& path);

}  // namespace hirag::loadgen
