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
// The framing of a message whose content has `content_tokens` tokens.
size_t framed_tokens(const Message& message, size_t content_tokens, tokenize::Encoding encoding,
                     const CountTokens& count);

}  // namespace hirag::context
