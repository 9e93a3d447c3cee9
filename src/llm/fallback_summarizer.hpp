// llm/fallback_summarizer: the summarizer the server uses. Tries the primary (the
// model) and, when it fails or its circuit is open, serves the call from the
// fallback (extractive) instead; without a primary it is the fallback alone.
// Owns the summarizer_* metrics: one outcome and one duration per call.
#pragma once

#include <memory>

#include "llm/summarizer.hpp"

namespace hirag::llm {

class FallbackSummarizer final : public Summarizer {
 public:
  // `primary` may be null (no model configured); `fallback` may not.
  FallbackSummarizer(std::unique_ptr<Summarizer> primary, std::unique_ptr<Summarizer> fallback);
  Result<std::string> summarize(const std::vector<std::string>& texts, size_t target_tokens) override;

 private:
  Result<std::string> run(const std::vector<std::string>& texts, size_t target_tokens);

  std::unique_ptr<Summarizer> primary_;
  std::unique_ptr<Summarizer> fallback_;
};

}  // namespace hirag::llm
