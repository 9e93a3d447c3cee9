// bench/loadgen: an HTTP/1.1 load generator for the bench/http scripts. One
// thread and epoll, so that it takes less of the two cores it shares with the
// server than wrk does, and an open-loop mode (--rate) that measures latency at
// a given load, corrected for coordinated omission, which wrk cannot.
//
//   loadgen --port 8081 --path /health/live --connections 64 --duration 10
//   loadgen --port 8081 --method POST --path /api/v1/contexts/search
//           --header 'Content-Type: application/json' --bodies queries.jsonl --rate 5000
//
// Prints one line: requests= rps= p50_ms= p90_ms= p99_ms= p999_ms= max_ms=
// non_2xx= socket_errors= answered= loadgen_cpu_us_per_req=
#include <CLI/CLI.hpp>
#include <arpa/inet.h>
#include <sys/resource.h>

#include <cstdio>
#include <exception>

#include "driver.hpp"
#include "report.hpp"
#include "request_set.hpp"
#include "timeline.hpp"

namespace {

double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"HTTP/1.1 load generator (closed loop, or open loop at --rate)"};
  std::string address = "127.0.0.1";
  uint16_t port = 0;
  hirag::loadgen::RequestSpec spec;
  hirag::loadgen::LoadPlan plan;
  double warmup_s = 2;
  double duration_s = 10;
  std::string timeline_file;
  app.add_option("--address", address, "server IPv4 address");
  app.add_option("--port", port, "server port")->required();
  app.add_option("--method", spec.method, "request method");
  app.add_option("--path", spec.path, "request target");
  app.add_option("--header", spec.headers, "a header line 'Name: value' (repeatable)");
  app.add_option("--bodies", spec.bodies_file, "a file of request bodies, one per line, sent in turn");
  app.add_option("--connections", plan.connections, "keep-alive connections")->check(CLI::Range(1, 10000));
  app.add_option("--rate", plan.rate, "requests/s over all connections; 0 = as fast as answered")
      ->check(CLI::NonNegativeNumber);
  app.add_option("--warmup", warmup_s, "seconds sent before the measured window")->check(CLI::NonNegativeNumber);
  app.add_option("--duration", duration_s, "seconds measured")->check(CLI::PositiveNumber);
  app.add_option("--timeline", timeline_file, "write each answer's due time and latency (ms) to this file");
  CLI11_PARSE(app, argc, argv);

  try {
    plan.server.sin_family = AF_INET;
    plan.server.sin_port = htons(port);
    if (inet_pton(AF_INET, address.c_str(), &plan.server.sin_addr) != 1) throw std::runtime_error("bad --address");
    spec.host = address + ":" + std::to_string(port);
    plan.warmup_ns = static_cast<int64_t>(warmup_s * 1e9);
    plan.duration_ns = static_cast<int64_t>(duration_s * 1e9);
    const auto requests = hirag::loadgen::render_requests(spec);
    auto result = hirag::loadgen::run_load(plan, requests);
    if (!timeline_file.empty()) hirag::loadgen::write_timeline(result, timeline_file);
    std::puts(hirag::loadgen::format_report(result, cpu_seconds()).c_str());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "loadgen: %s\n", e.what());
    return 1;
  }
  return 0;
}
