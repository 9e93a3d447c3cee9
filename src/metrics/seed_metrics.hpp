// metrics/seed_metrics: families the prototype's status report names, kept with
// their exact names, types and labels so existing dashboards keep working:
// rate_limit_*{client_id} (client_id = tenant), vision_*, facts_*. (token_budget_*
// live in context_metrics, context_* in memory_metrics.)
#pragma once

#include "metrics/registry.hpp"

namespace hirag::metrics {

struct RateLimitMetrics {
  prometheus::Family<prometheus::Counter>& hits;     // rate_limit_hits_total{client_id}
  prometheus::Family<prometheus::Counter>& allowed;  // rate_limit_allowed_total{client_id}
};
RateLimitMetrics& rate_limit_metrics();

struct VisionMetrics {
  prometheus::Family<prometheus::Counter>& search_requests;  // vision_search_requests_total{status}
  prometheus::Family<prometheus::Counter>& decode_requests;  // vision_decode_requests_total{status}
  prometheus::Family<prometheus::Counter>& index_requests;   // vision_index_requests_total{status}
  prometheus::Family<prometheus::Histogram>& duration;       // vision_request_duration_seconds{endpoint}
};
VisionMetrics& vision_metrics();

struct FactsMetrics {
  prometheus::Family<prometheus::Counter>& insert_requests;  // facts_insert_requests_total{status}
  prometheus::Family<prometheus::Counter>& query_requests;   // facts_query_requests_total{status}
  prometheus::Counter& duplicates;                           // facts_duplicates_total
  prometheus::Family<prometheus::Histogram>& duration;       // facts_request_duration_seconds{endpoint}
  prometheus::Counter& invalidations;                        // facts_invalidations_total (+)
};
FactsMetrics& facts_metrics();

}  // namespace hirag::metrics
