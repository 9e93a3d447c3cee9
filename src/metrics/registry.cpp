#include "metrics/registry.hpp"

#include <prometheus/text_serializer.h>

#include "metrics/context_metrics.hpp"
#include "metrics/embedder_metrics.hpp"
#include "metrics/http_metrics.hpp"
#include "metrics/llm_metrics.hpp"
#include "metrics/memory_metrics.hpp"
#include "metrics/seed_metrics.hpp"
#include "metrics/storage_metrics.hpp"

namespace hirag::metrics {

prometheus::Registry& registry() {
  static prometheus::Registry instance;
  return instance;
}

void register_all_metrics() {
  http_metrics();
  memory_metrics();
  context_metrics();
  embedder_metrics();
  llm_metrics();
  rate_limit_metrics();
  vision_metrics();
  facts_metrics();
  storage_metrics();
}

std::string serialize_metrics() {
  return prometheus::TextSerializer().Serialize(registry().Collect());
}

const prometheus::Histogram::BucketBoundaries& latency_buckets() {
  static const prometheus::Histogram::BucketBoundaries buckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                                  0.05,   0.1,   0.25,   0.5,   1,    2.5,
                                                                  5,      10};
  return buckets;
}

}  // namespace hirag::metrics
