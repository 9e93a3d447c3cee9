// llm/llm_summarizer: summaries written by a chat model. Builds the prompt from
// the configured template ({max_tokens} replaced by the target) followed by the
// texts joined with "\n\n---\n\n", asks the model, and measures the answer with
// the injected counter: an over-long answer is cut at a sentence (else word, else
// character) boundary so it never exceeds the target or the input.
#pragma once

#include <memory>
#include <string>

#include "llm/chat_client.hpp"
#include "llm/summarizer.hpp"

namespace hirag::llm {

class LlmSummarizer final : public Summarizer {
 public:
  LlmSummarizer(std::shared_ptr<ChatClient> client, std::string prompt_template, double temperature,
                TokenCountFn count);

  // No texts or a zero target → "" without a call. Model errors are returned; an
  // empty answer is an UPSTREAM_ERROR.
  Result<std::string> summarize(const std::vector<std::string>& texts, size_t target_tokens) override;

  // The user message for `texts` and `target_tokens` (exposed for tests).
  std::string prompt(const std::vector<std::string>& texts, size_t target_tokens) const;

 private:
  std::shared_ptr<ChatClient> client_;
  std::string prompt_template_;
  double temperature_;
  TokenCountFn count_;
};

}  // namespace hirag::llm
