#include "metrics/seed_metrics.hpp"

namespace hirag::metrics {
namespace {

prometheus::Family<prometheus::Counter>& counter_family(const std::string& name, const std::string& help) {
  return prometheus::BuildCounter().Name(name).Help(help).Register(registry());
}

prometheus::Family<prometheus::Histogram>& histogram_family(const std::string& name, const std::string& help) {
  return prometheus::BuildHistogram().Name(name).Help(help).Register(registry());
}

// Creates the status="success"/"error" series at 0 so the family is visible
// (and alertable) before the first request.
prometheus::Family<prometheus::Counter>& status_counter(const std::string& name, const std::string& help) {
  auto& family = counter_family(name, help);
  family.Add({{"status", "success"}});
  family.Add({{"status", "error"}});
  return family;
}

// Creates one series per endpoint so the histogram family is exposed before use.
prometheus::Family<prometheus::Histogram>& endpoint_histogram(const std::string& name, const std::string& help,
                                                              std::initializer_list<const char*> endpoints) {
  auto& family = histogram_family(name, help);
  for (const char* endpoint : endpoints) family.Add({{"endpoint", endpoint}}, latency_buckets());
  return family;
}

}  // namespace

RateLimitMetrics& rate_limit_metrics() {
  static RateLimitMetrics instance{
      counter_family("rate_limit_hits_total", "Requests rejected by the rate limiter, by tenant"),
      counter_family("rate_limit_allowed_total", "Requests admitted by the rate limiter, by tenant"),
  };
  return instance;
}

VisionMetrics& vision_metrics() {
  static VisionMetrics instance{
      status_counter("vision_search_requests_total", "Vision region searches by status"),
      status_counter("vision_decode_requests_total", "Vision region decodes by status"),
      status_counter("vision_index_requests_total", "Vision document index requests by status"),
      endpoint_histogram("vision_request_duration_seconds", "Vision request latency by endpoint",
                         {"search", "decode", "index", "status"}),
  };
  return instance;
}

FactsMetrics& facts_metrics() {
  static FactsMetrics instance{
      status_counter("facts_insert_requests_total", "Fact inserts by status"),
      status_counter("facts_query_requests_total", "Fact queries by status"),
      counter_family("facts_duplicates_total", "Fact inserts that matched an existing fact").Add({}),
      endpoint_histogram("facts_request_duration_seconds", "Facts request latency by endpoint",
                         {"insert", "query", "get", "history", "delete", "search"}),
      counter_family("facts_invalidations_total", "Facts closed by a contradicting fact (single-valued predicates)")
          .Add({}),
  };
  return instance;
}

}  // namespace hirag::metrics
