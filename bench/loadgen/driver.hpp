// bench/loadgen/driver: runs the load. Closed loop (rate 0): every connection
// sends its next request as soon as the previous answer arrives, as wrk does.
// Open loop (rate R): request i over all connections is due at start + i / R and
// is dealt to connection i mod N; a connection whose previous answer is late
// sends at once, and latency counts from the due time (wrk2's correction for
// coordinated omission), so a stalled server shows in the tail instead of
// silently lowering the load.
#pragma once

#include <netinet/in.h>

#include <cstdint>
#include <string>
#include <vector>

namespace hirag::loadgen {

struct LoadPlan {
  sockaddr_in server{};
  uint32_t connections = 64;
  double rate = 0;  // requests/s over all connections; 0 = closed loop
  int64_t warmup_ns = 0;
  int64_t duration_ns = 0;
};

struct RunResult {
  std::vector<int64_t> latencies_ns;  // answers to requests due inside the measured window
  std::vector<int64_t> due_offsets_ns;  // when each of them was due, from the window's start
  uint64_t answered = 0;  // every answer of the run, warm-up and drain included
  uint64_t non_2xx = 0;
  uint64_t socket_errors = 0;  // requests lost to a closed or failed connection
  double seconds = 0;          // the measured window
  int64_t window_start_ns = 0;  // CLOCK_MONOTONIC at the window's start
};

RunResult run_load(const LoadPlan& plan, const std::vector<std::string>& requests);

}  // namespace hirag::loadgen
