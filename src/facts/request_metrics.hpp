// facts/request_metrics: the seed's facts_* families recorded around one service
// call: its latency (facts_request_duration_seconds{endpoint}) and, for inserts
// and queries, its outcome (facts_*_requests_total{status="success"|"error"}).
#pragma once

#include <prometheus/counter.h>
#include <prometheus/family.h>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "metrics/seed_metrics.hpp"

namespace hirag::facts {

// `requests` may be null (endpoints the seed did not count).
template <class Call>
auto recorded(const char* endpoint, prometheus::Family<prometheus::Counter>* requests, Call&& call) {
  const double start = monotonic_seconds();
  auto result = call();
  auto& facts = metrics::facts_metrics();
  facts.duration.Add({{"endpoint", endpoint}}, metrics::latency_buckets()).Observe(monotonic_seconds() - start);
  if (requests != nullptr) requests->Add({{"status", result.ok() ? "success" : "error"}}).Increment();
  return result;
}

}  // namespace hirag::facts
