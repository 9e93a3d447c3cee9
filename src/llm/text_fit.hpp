// llm/text_fit: cutting a text down to a token budget at the most natural place,
// so a summary never exceeds its target however long the model's answer was.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "llm/summarizer.hpp"

namespace hirag::llm {

// The longest prefix of `text` (trimmed) measuring at most `max_tokens`, cut at a
// sentence boundary; if not even the first sentence fits, at a word boundary; if
// not even the first word fits, at a character boundary. Never measures more than
// `max_tokens` (possibly "").
std::string fit_to_tokens(std::string_view text, size_t max_tokens, const TokenCountFn& count);

// The tokens of the input: the sum of count(text) over `texts`.
size_t count_tokens(const std::vector<std::string>& texts, const TokenCountFn& count);

}  // namespace hirag::llm
