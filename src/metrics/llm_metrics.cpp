#include "metrics/llm_metrics.hpp"

namespace hirag::metrics {
namespace {

LlmMetrics build() {
  auto& reg = registry();
  auto& requests = prometheus::BuildCounter()
                       .Name("llm_requests_total")
                       .Help("HTTP attempts to remote model endpoints, by endpoint and status")
                       .Register(reg);
  auto& duration = prometheus::BuildHistogram()
                       .Name("llm_request_duration_seconds")
                       .Help("Duration of one HTTP attempt to a remote model endpoint")
                       .Register(reg);
  auto& circuit = prometheus::BuildGauge()
                      .Name("llm_circuit_state")
                      .Help("Circuit breaker state per remote endpoint: 0 closed, 1 half-open, 2 open")
                      .Register(reg);
  auto& summaries = prometheus::BuildCounter()
                        .Name("summarizer_requests_total")
                        .Help("Summarize calls by outcome (success, error, fallback)")
                        .Register(reg);
  auto& summary_duration = prometheus::BuildHistogram()
                               .Name("summarizer_duration_seconds")
                               .Help("Duration of one summarize call")
                               .Register(reg);
  auto& fallbacks = prometheus::BuildCounter()
                        .Name("summarizer_fallbacks_total")
                        .Help("Summaries produced by the extractive fallback after the model failed")
                        .Register(reg);
  return LlmMetrics{requests,
                    duration,
                    circuit,
                    summaries.Add({{"outcome", "success"}}),
                    summaries.Add({{"outcome", "error"}}),
                    summaries.Add({{"outcome", "fallback"}}),
                    summary_duration.Add({}, remote_call_buckets()),
                    fallbacks.Add({})};
}

}  // namespace

LlmMetrics& llm_metrics() {
  static LlmMetrics metrics = build();
  return metrics;
}

const prometheus::Histogram::BucketBoundaries& remote_call_buckets() {
  static const prometheus::Histogram::BucketBoundaries buckets = {0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1,
                                                                  2.5,  5,     10,   20,  30,   60,  120};
  return buckets;
}

}  // namespace hirag::metrics
