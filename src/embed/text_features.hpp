// embed/text_features: the word-level analysis shared by the local embedder and
// the full-text query builder: lower-cased alphanumeric words (non-ASCII bytes
// kept inside words), an English stop list and Snowball (Porter2) stemming.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hirag::embed {

// Lower-cased words of `text`, in order, stop words included.
std::vector<std::string> split_words(std::string_view text);
bool is_stopword(std::string_view word);
// The English Snowball stem of a lower-cased word (thread-safe).
std::string stem(std::string_view word);

}  // namespace hirag::embed
