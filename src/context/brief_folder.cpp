#include "context/brief_folder.hpp"

#include <fmt/format.h>

#include <vector>

#include "llm/text_fit.hpp"

namespace hirag::context {

using llm::fit_text;
using llm::Keep;

Message brief_message(std::string_view brief) { return Message{"system", fmt::format("{}{}", kBriefPrefix, brief), {}}; }

size_t brief_message_tokens(std::string_view brief, tokenize::Encoding encoding, const CountTokens& count) {
  return brief.empty() ? 0 : message_tokens(brief_message(brief), encoding, count);
}

FoldResult BriefFolder::fold(std::string_view brief, std::span<const Turn> turns, size_t max_message_tokens,
                             tokenize::Encoding encoding) const {
  FoldResult result;
  const auto fits = [&](std::string_view text) {
    return brief_message_tokens(text, encoding, count_) <= max_message_tokens;
  };
  // Framing and prefix: what the message costs before the brief's own tokens.
  const size_t overhead = message_tokens(brief_message(""), encoding, count_);
  if (max_message_tokens <= overhead) {
    result.note = "no room for the running brief in this window; it was left out";
    return result;
  }
  std::vector<std::string> texts;
  if (!brief.empty()) texts.emplace_back(brief);
  for (const auto& turn : turns) texts.push_back(fmt::format("{}: {}", turn.role, turn.content));

  result.summarizer_called = true;
  auto summary = summarize_(texts, max_message_tokens - overhead);
  if (!summary) {
    result.note = fmt::format("summarizer failed ({}); the brief keeps the newest text that fits",
                              summary.error().message);
    result.brief = fit_text(fmt::format("{}", fmt::join(texts, "\n")), Keep::tail, fits);
    return result;
  }
  if (!fits(*summary)) {
    result.note = "the summary exceeded its token target and was cut to fit";
    result.brief = fit_text(*summary, Keep::head, fits);
    return result;
  }
  result.brief = std::move(summary).value();
  return result;
}

}  // namespace hirag::context
