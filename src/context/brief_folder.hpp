// context/brief_folder: the running brief — how it is rendered as a message
// ("Conversation so far:\n<brief>", role system) and how turns are folded into it:
// old brief + the folded turns -> summarizer -> new brief, whose message never
// exceeds the given token cap. The summarizer's answer is checked, not trusted: an
// over-long answer is cut to fit, and a failure falls back to the newest part of
// the input cut to fit (noted), so a build never fails because a model did.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "context/counting.hpp"
#include "context/ports.hpp"
#include "context/turn.hpp"

namespace hirag::context {

inline constexpr std::string_view kBriefPrefix = "Conversation so far:\n";

// The brief's message (role system); its tokens are 0 when the brief is empty.
Message brief_message(std::string_view brief);
size_t brief_message_tokens(std::string_view brief, tokenize::Encoding encoding, const CountTokens& count);

struct FoldResult {
  std::string brief;
  bool summarizer_called = false;
  std::optional<std::string> note;  // set when the summarizer failed or over-ran its target
};

class BriefFolder {
 public:
  BriefFolder(Summarize summarize, CountTokens count) : summarize_(std::move(summarize)), count_(std::move(count)) {}

  // A brief covering `brief` and `turns` whose message has at most `max_message_tokens`
  // tokens. Without turns this only shortens a brief that is too long for the cap.
  FoldResult fold(std::string_view brief, std::span<const Turn> turns, size_t max_message_tokens,
                  tokenize::Encoding encoding) const;

 private:
  Summarize summarize_;
  CountTokens count_;
};

}  // namespace hirag::context
