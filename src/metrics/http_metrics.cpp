#include "metrics/http_metrics.hpp"

#include <unordered_map>

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

prometheus::Counter& http_request_counter(const std::string& route, std::string_view method, int status) {
  thread_local std::unordered_map<std::string, prometheus::Counter*> cache;
  std::string key = route;
  key.append(1, '\0').append(method).append(1, '\0').append(std::to_string(status));
  auto it = cache.find(key);
  if (it != cache.end()) return *it->second;
  auto& counter = http_metrics().requests.Add(
      {{"route", route}, {"method", std::string(method)}, {"status", std::to_string(status)}});
  cache.emplace(std::move(key), &counter);
  return counter;
}

prometheus::Histogram& http_request_histogram(const std::string& route) {
  thread_local std::unordered_map<std::string, prometheus::Histogram*> cache;
  auto it = cache.find(route);
  if (it != cache.end()) return *it->second;
  auto& histogram = http_metrics().duration.Add({{"route", route}}, latency_buckets());
  cache.emplace(route, &histogram);
  return histogram;
}

}  // namespace hirag::metrics
