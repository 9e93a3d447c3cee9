// metrics/context_metrics: the token budget families of the prototype's status
// report, exact names: token_budget_used and token_budget_remaining (histograms in
// TOKENS per context build — not seconds, the prototype's defect), and the counters
// token_budget_overflows_total and token_budget_summarizations_total. Built once
// (function-local static) in registry(); only context/ records into them.
#pragma once

#include "metrics/registry.hpp"

namespace hirag::metrics {

struct ContextMetrics {
  prometheus::Histogram& used;            // token_budget_used: prompt tokens of a build (framing included)
  prometheus::Histogram& remaining;       // token_budget_remaining: window - completion - used
  prometheus::Counter& overflows;         // token_budget_overflows_total: builds whose conversation did not fit its slots
  prometheus::Counter& summarizations;    // token_budget_summarizations_total: summarizer calls by builds
};

ContextMetrics& context_metrics();

// Bucket boundaries in tokens (64 .. 1M), for windows from small models to 1M.
const prometheus::Histogram::BucketBoundaries& token_buckets();

}  // namespace hirag::metrics
