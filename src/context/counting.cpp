#include "context/counting.hpp"

#include "tokenize/tokenizer.hpp"

namespace hirag::context {

CountTokens exact_token_counter() {
  return [](std::string_view text, tokenize::Encoding encoding) { return tokenize::tokenizer(encoding).count(text); };
}

size_t text_tokens(std::string_view content, const std::optional<std::string>& name, tokenize::Encoding encoding,
                   const CountTokens& count) {
  size_t tokens = count(content, encoding);
  if (name) tokens += count(*name, encoding) + kTokensPerName;
  return tokens;
}

size_t framed_tokens(const Message& message, size_t text_tokens, tokenize::Encoding encoding,
                     const CountTokens& count) {
  return kTokensPerMessage + count(message.role, encoding) + text_tokens;
}

size_t message_tokens(const Message& message, tokenize::Encoding encoding, const CountTokens& count) {
  return framed_tokens(message, text_tokens(message.content, message.name, encoding, count), encoding, count);
}

}  // namespace hirag::context
