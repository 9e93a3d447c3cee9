// llm/summarizer: the interface that folds texts (conversation turns, snippets)
// into a running brief under a token target. Implementations: LlmSummarizer (a
// chat model), ExtractiveSummarizer (no model; the default and the fallback) and
// FallbackSummarizer (the first, else the second). Token counts are measured by
// an injected counter so the brief fits the caller's encoding exactly.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace hirag::llm {

// Counts the tokens of a text (e.g. tokenize::TokenCounter::count bound to an encoding).
using TokenCountFn = std::function<size_t(std::string_view)>;

class Summarizer {
 public:
  virtual ~Summarizer() = default;
  // A summary of `texts` that measures at most min(target_tokens, tokens of the
  // input) with the summarizer's counter. No texts or a zero target give "".
  // Thread-safe.
  virtual Result<std::string> summarize(const std::vector<std::string>& texts, size_t target_tokens) = 0;
};

}  // namespace hirag::llm
