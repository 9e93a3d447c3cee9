// context/counting: how context/ counts tokens. CountTokens is the injected counter
// (exact BPE in production, see exact_token_counter()); message_tokens() applies
// OpenAI's chat framing on top of it, the rule of the OpenAI cookbook
// ("How to count tokens with tiktoken", gpt-3.5-turbo-0613 / gpt-4 / gpt-4o):
// every message costs 3 tokens plus the tokens of each of its values (role,
// content, name), a name costs 1 more, and every reply is primed with 3 tokens.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "tokenize/encoding.hpp"

namespace hirag::context {

using CountTokens = std::function<size_t(std::string_view text, tokenize::Encoding encoding)>;

// The exact counter of tokenize/ (tokenizer(encoding).count(text)).
CountTokens exact_token_counter();

inline constexpr size_t kTokensPerMessage = 3;
inline constexpr size_t kTokensPerName = 1;
inline constexpr size_t kReplyPrimerTokens = 3;

struct Message {
  std::string role;  // system | user | assistant | tool
  std::string content;
  std::optional<std::string> name;
};

// The tokens one message adds to a chat request, framing included.
size_t message_tokens(const Message& message, tokenize::Encoding encoding, const CountTokens& count);
// The tokens of a message's own text: its content, and its name with the name's +1.
// This is what a session turn stores per encoding (the turn's `tokens`).
size_t text_tokens(std::string_view content, const std::optional<std::string>& name, tokenize::Encoding encoding,
                   const CountTokens& count);
// message_tokens() of a message whose text_tokens() are known: adds the framing
// (3 per message and the role).
size_t framed_tokens(const Message& message, size_t text_tokens, tokenize::Encoding encoding,
                     const CountTokens& count);

}  // namespace hirag::context
