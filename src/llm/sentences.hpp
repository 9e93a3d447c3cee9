// llm/sentences: where sentences and words end in plain text, for cutting and
// extracting. A sentence ends after terminal punctuation (. ! ? and closing quotes
// or brackets) followed by whitespace, at a line break, or at the end of the text.
// Byte offsets; UTF-8 is never split inside a character.
#pragma once

#include <string_view>
#include <vector>

namespace hirag::llm {

// End offsets (exclusive, ascending, trailing whitespace excluded) of each sentence.
std::vector<size_t> sentence_ends(std::string_view text);
// The sentences of `text`, trimmed, empty ones dropped.
std::vector<std::string_view> split_sentences(std::string_view text);
// End offsets of each word (maximal run of non-whitespace), ascending.
std::vector<size_t> word_ends(std::string_view text);
// Offsets of every UTF-8 character boundary in (0, size], ascending.
std::vector<size_t> char_ends(std::string_view text);
// `text` without leading and trailing ASCII whitespace.
std::string_view trim(std::string_view text);

}  // namespace hirag::llm
