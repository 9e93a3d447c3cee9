// llm/text_fit: cutting a text down to a token budget at the most natural place,
// so a summary or a brief never exceeds its slot whatever the summarizer returned.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "llm/summarizer.hpp"

namespace hirag::llm {

enum class Keep { head, tail };

// The longest head (or tail) of `text` (trimmed) for which `fits` holds, cut at a
// sentence boundary; if not even one sentence fits, at a word boundary; if not
// even one word fits, at a character boundary (UTF-8 is never split). `fits` is
// checked on the returned text, so the result always satisfies it (or is "").
std::string fit_text(std::string_view text, Keep keep, const std::function<bool(std::string_view)>& fits);

// fit_text keeping the head, for a budget of `max_tokens` as `count` measures.
std::string fit_to_tokens(std::string_view text, size_t max_tokens, const TokenCountFn& count);

// The tokens of the input: the sum of count(text) over `texts`.
size_t count_tokens(const std::vector<std::string>& texts, const TokenCountFn& count);

}  // namespace hirag::llm
