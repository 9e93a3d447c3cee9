// bench/loadgen/report: one line of figures for a run, as key=value pairs that
// bench/http scripts read: requests/s and latency percentiles of the measured
// window, errors, every answer of the run (`answered`, warm-up included, to
// divide the server's CPU time by) and the generator's own CPU time per answer
// (what it took from the cores it shares with the server).
#pragma once

#include <string>

#include "driver.hpp"

namespace hirag::loadgen {

// `cpu_seconds`: the generator's user + system time over the whole run.
std::string format_report(const RunResult& result, double cpu_seconds);

}  // namespace hirag::loadgen
