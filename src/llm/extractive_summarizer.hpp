// llm/extractive_summarizer: a summary without a model. Splits the texts into
// sentences, scores each by centrality (TF-IDF cosine to the centroid of all
// sentences) and recency (later sentences weigh more, as in a running brief), takes
// the best that fit and prints them in their original order. Deterministic; the
// result never measures more than the target or than the input.
#pragma once

#include "llm/summarizer.hpp"

namespace hirag::llm {

class ExtractiveSummarizer final : public Summarizer {
 public:
  explicit ExtractiveSummarizer(TokenCountFn count);
  Result<std::string> summarize(const std::vector<std::string>& texts, size_t target_tokens) override;

 private:
  TokenCountFn count_;
};

}  // namespace hirag::llm
