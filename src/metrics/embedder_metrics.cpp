#include "metrics/embedder_metrics.hpp"

namespace hirag::metrics {
namespace {

EmbedderMetrics build() {
  auto& reg = registry();
  auto& requests = prometheus::BuildCounter()
                       .Name("embedder_requests_total")
                       .Help("Batches sent to the remote embedding endpoint, by outcome")
                       .Register(reg);
  auto& duration = prometheus::BuildHistogram()
                       .Name("embedder_request_duration_seconds")
                       .Help("Duration of one batch request to the remote embedding endpoint")
                       .Register(reg);
  auto& errors =
      prometheus::BuildCounter().Name("embedder_errors_total").Help("Embedding calls that failed").Register(reg);
  auto& hits = prometheus::BuildCounter()
                   .Name("embedder_cache_hits_total")
                   .Help("Texts whose embedding was served from the cache")
                   .Register(reg);
  auto& misses = prometheus::BuildCounter()
                     .Name("embedder_cache_misses_total")
                     .Help("Texts whose embedding was not in the cache")
                     .Register(reg);
  return EmbedderMetrics{requests.Add({{"status", "ok"}}),
                         requests.Add({{"status", "error"}}),
                         duration.Add({}, latency_buckets()),
                         errors.Add({}),
                         hits.Add({}),
                         misses.Add({})};
}

}  // namespace

EmbedderMetrics& embedder_metrics() {
  static EmbedderMetrics metrics = build();
  return metrics;
}

}  // namespace hirag::metrics
