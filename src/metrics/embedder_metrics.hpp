// metrics/embedder_metrics: the families of the remote embedder and the embedding
// cache. Built once (function-local static) and registered in registry(); only
// embed/ records into them.
#pragma once

#include "metrics/registry.hpp"

namespace hirag::metrics {

struct EmbedderMetrics {
  // embedder_requests_total{status="ok|error"}: one per batch sent upstream.
  prometheus::Counter& requests_ok;
  prometheus::Counter& requests_error;
  // embedder_request_duration_seconds: wall time of one upstream batch.
  prometheus::Histogram& request_duration;
  // embedder_errors_total: embed() calls that failed.
  prometheus::Counter& errors;
  // embedder_cache_hits_total / embedder_cache_misses_total: texts served from /
  // not found in the embedding cache.
  prometheus::Counter& cache_hits;
  prometheus::Counter& cache_misses;
};

EmbedderMetrics& embedder_metrics();

}  // namespace hirag::metrics
