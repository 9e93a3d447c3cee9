#include "llm/fallback_summarizer.hpp"

#include <spdlog/spdlog.h>

#include "core/clock.hpp"
#include "metrics/llm_metrics.hpp"

namespace hirag::llm {

FallbackSummarizer::FallbackSummarizer(std::unique_ptr<Summarizer> primary, std::unique_ptr<Summarizer> fallback)
    : primary_(std::move(primary)), fallback_(std::move(fallback)) {}

Result<std::string> FallbackSummarizer::summarize(const std::vector<std::string>& texts, size_t target_tokens) {
  const double start = monotonic_seconds();
  auto result = run(texts, target_tokens);
  metrics::llm_metrics().summary_duration.Observe(monotonic_seconds() - start);
  return result;
}

Result<std::string> FallbackSummarizer::run(const std::vector<std::string>& texts, size_t target_tokens) {
  auto& m = metrics::llm_metrics();
  bool fell_back = false;
  if (primary_) {
    auto summary = primary_->summarize(texts, target_tokens);
    if (summary) {
      m.summaries_success.Increment();
      return summary;
    }
    spdlog::warn("summarizer model failed, using the extractive fallback: {} ({})",
                 error_code_name(summary.error().code), summary.error().message);
    m.fallbacks.Increment();
    fell_back = true;
  }
  auto summary = fallback_->summarize(texts, target_tokens);
  if (!summary) {
    m.summaries_error.Increment();
  } else if (fell_back) {
    m.summaries_fallback.Increment();
  } else {
    m.summaries_success.Increment();
  }
  return summary;
}

}  // namespace hirag::llm
