#include "metrics/context_metrics.hpp"

namespace hirag::metrics {
namespace {

prometheus::Histogram& token_histogram(const std::string& name, const std::string& help) {
  return prometheus::BuildHistogram().Name(name).Help(help).Register(registry()).Add({}, token_buckets());
}

prometheus::Counter& counter(const std::string& name, const std::string& help) {
  return prometheus::BuildCounter().Name(name).Help(help).Register(registry()).Add({});
}

}  // namespace

ContextMetrics& context_metrics() {
  static ContextMetrics instance{
      token_histogram("token_budget_used", "Prompt tokens of a built context, framing included"),
      token_histogram("token_budget_remaining", "Tokens of the window left unused by a built context and its completion reserve"),
      counter("token_budget_overflows_total", "Context builds whose conversation did not fit its slots (folded or shortened) or could not fit at all"),
      counter("token_budget_summarizations_total", "Summarizer calls made by context builds"),
  };
  return instance;
}

const prometheus::Histogram::BucketBoundaries& token_buckets() {
  static const prometheus::Histogram::BucketBoundaries buckets = {64,    128,   256,   512,    1024,   2048,   4096,
                                                                  8192,  16384, 32768, 65536, 131072, 262144, 524288,
                                                                  1048576};
  return buckets;
}

}  // namespace hirag::metrics
