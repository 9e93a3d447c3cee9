#include "llm/llm_summarizer.hpp"

#include <algorithm>

#include "llm/sentences.hpp"
#include "llm/text_fit.hpp"

namespace hirag::llm {
namespace {

constexpr std::string_view kSystemMessage =
    "You are a concise summarizer. Extract the key information and compress it efficiently. "
    "Answer with the summary only.";
constexpr std::string_view kSegmentSeparator = "\n\n---\n\n";
constexpr std::string_view kPlaceholder = "{max_tokens}";

}  // namespace

LlmSummarizer::LlmSummarizer(std::shared_ptr<ChatClient> client, std::string prompt_template, double temperature,
                             TokenCountFn count)
    : client_(std::move(client)),
      prompt_template_(std::move(prompt_template)),
      temperature_(temperature),
      count_(std::move(count)) {}

std::string LlmSummarizer::prompt(const std::vector<std::string>& texts, size_t target_tokens) const {
  std::string out = prompt_template_;
  const std::string target = std::to_string(target_tokens);
  for (size_t at = out.find(kPlaceholder); at != std::string::npos; at = out.find(kPlaceholder, at + target.size())) {
    out.replace(at, kPlaceholder.size(), target);
  }
  out += "\n\n";
  for (size_t i = 0; i < texts.size(); ++i) {
    if (i > 0) out += kSegmentSeparator;
    out += texts[i];
  }
  return out;
}

Result<std::string> LlmSummarizer::summarize(const std::vector<std::string>& texts, size_t target_tokens) {
  const size_t budget = std::min(target_tokens, count_tokens(texts, count_));
  if (budget == 0) return std::string{};
  ChatRequest request{{{"system", std::string(kSystemMessage)}, {"user", prompt(texts, target_tokens)}},
                      target_tokens,
                      temperature_};
  auto answer = client_->complete(request);
  if (!answer) return std::move(answer).error();
  if (trim(*answer).empty()) {
    Error err{ErrorCode::UpstreamError, "chat endpoint " + client_->endpoint().url() + " returned an empty summary", {}};
    err.details["endpoint"] = client_->endpoint().url();
    return err;
  }
  return fit_to_tokens(*answer, budget, count_);
}

}  // namespace hirag::llm
