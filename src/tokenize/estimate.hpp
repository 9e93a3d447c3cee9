// tokenize/estimate: the fast token estimators of the seed prototype, for callers
// that choose speed over exactness. No vocabulary involved.
#pragma once

#include <cstddef>
#include <string_view>

namespace hirag::tokenize {

// ceil(Unicode code points / 4). "Hello world" -> 3.
size_t estimate_chars_div_4(std::string_view text);

// ceil(words × 1.3) in double precision, words being runs separated by Unicode
// White_Space (Rust's split_whitespace). "Hello world test" -> 4.
size_t estimate_words_x1_3(std::string_view text);

}  // namespace hirag::tokenize
