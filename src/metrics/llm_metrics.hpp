// metrics/llm_metrics: the families of remote model endpoints (HTTP attempts,
// circuit breakers) and of the summarizers. Built once (function-local static) and
// registered in registry(); only llm/ records into them.
#pragma once

#include <string>

#include "metrics/registry.hpp"

namespace hirag::metrics {

struct LlmMetrics {
  // llm_requests_total{endpoint, status}: one per HTTP attempt; status is the HTTP
  // status code, or "timeout", "network_error", "circuit_open".
  prometheus::Family<prometheus::Counter>& requests;
  // llm_request_duration_seconds{endpoint}: one per HTTP attempt.
  prometheus::Family<prometheus::Histogram>& request_duration;
  // llm_circuit_state{endpoint}: 0 closed, 1 half-open, 2 open.
  prometheus::Family<prometheus::Gauge>& circuit_state;
  // summarizer_requests_total{outcome="success|error|fallback"}.
  prometheus::Counter& summaries_success;
  prometheus::Counter& summaries_error;
  prometheus::Counter& summaries_fallback;
  // summarizer_duration_seconds: one per summarize() call, whichever path served it.
  prometheus::Histogram& summary_duration;
  // summarizer_fallbacks_total: calls the extractive summarizer served because the model failed.
  prometheus::Counter& fallbacks;
};

LlmMetrics& llm_metrics();

// Bucket boundaries in seconds for calls to remote models (10 ms .. 120 s).
const prometheus::Histogram::BucketBoundaries& remote_call_buckets();

}  // namespace hirag::metrics
