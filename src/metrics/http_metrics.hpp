// metrics/http_metrics: request counts and latencies by route template (never the
// raw path, so label cardinality stays bounded), and auth failures.
#pragma once

#include <string>
#include <string_view>

#include "metrics/registry.hpp"

namespace hirag::metrics {

struct HttpMetrics {
  prometheus::Family<prometheus::Counter>& requests;     // http_requests_total{route,method,status}
  prometheus::Family<prometheus::Histogram>& duration;   // http_request_duration_seconds{route}
  prometheus::Gauge& in_flight;                          // http_requests_in_flight
  prometheus::Gauge& connections;                        // http_connections_open
  prometheus::Family<prometheus::Counter>& auth_failures;  // http_auth_failures_total{reason}
};

HttpMetrics& http_metrics();

// The series of one request, looked up through a per-thread cache: Family::Add
// takes a lock and hashes the label set, too much for every request.
prometheus::Counter& http_request_counter(const std::string& route, std::string_view method, int status);
prometheus::Histogram& http_request_histogram(const std::string& route);

}  // namespace hirag::metrics
