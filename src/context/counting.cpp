#include "context/counting.hpp"

#include "tokenize/tokenizer.hpp"

namespace hirag::context {

CountTokens exact_token_counter() {
  return [](std::string_view text, tokenize::Encoding encoding) { return tokenize::tokenizer(encoding).count(text); };
}

size_t framed_tokens(const Message& message, size_t content_tokens, tokenize::Encoding encoding,
                     const CountTokens& count) {
  size_t tokens = kTokensPerMessage + count(message.role, encoding) + content_tokens;
  if (message.name) tokens += count(*message.name, encoding) + kTokensPerName;
  return tokens;
}

size_t message_tokens(const Message& message, tokenize::Encoding encoding, const CountTokens& count) {
  return framed_tokens(message, count(message.content, encoding), encoding, count);
}

}  // namespace hirag::context
