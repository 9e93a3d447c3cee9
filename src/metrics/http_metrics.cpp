#include "metrics/http_metrics.hpp"

namespace hirag::metrics {

HttpMetrics& http_metrics() {
  static HttpMetrics instance{
      prometheus::BuildCounter()
          .Name("http_requests_total")
          .Help("HTTP requests by route template, method and status")
          .Register(registry()),
      prometheus::BuildHistogram()
          .Name("http_request_duration_seconds")
          .Help("HTTP request latency by route template")
          .Register(registry()),
      prometheus::BuildGauge()
          .Name("http_requests_in_flight")
          .Help("Requests being handled")
          .Register(registry())
          .Add({}),
      prometheus::BuildGauge()
          .Name("http_connections_open")
          .Help("Open client connections")
          .Register(registry())
          .Add({}),
      prometheus::BuildCounter()
          .Name("http_auth_failures_total")
          .Help("Rejected authentications by reason")
          .Register(registry()),
  };
  return instance;
}

}  // namespace hirag::metrics
