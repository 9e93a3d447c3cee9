// tokenize/token_counter: the one way every other module counts tokens. A mode
// (exact BPE, or one of the estimators) and a default encoding, fixed at
// construction; cheap to copy, safe to share between threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "tokenize/encoding.hpp"

namespace hirag::tokenize {

enum class CountMode : uint8_t {
  exact,        // BPE token count (ordinary: special-token text counts as text)
  chars_div_4,  // estimate_chars_div_4
  words_x1_3,   // estimate_words_x1_3
};

// "exact" | "chars_div_4" | "words_x1_3".
std::optional<CountMode> parse_count_mode(std::string_view name);
std::string_view count_mode_name(CountMode mode);

class TokenCounter {
 public:
  explicit TokenCounter(CountMode mode = CountMode::exact, Encoding default_encoding = kDefaultEncoding)
      : mode_(mode), default_encoding_(default_encoding) {}

  size_t count(std::string_view text) const { return count(text, default_encoding_); }
  // In exact mode, counts with `encoding`; the estimators ignore it.
  size_t count(std::string_view text, Encoding encoding) const;

  CountMode mode() const { return mode_; }
  Encoding default_encoding() const { return default_encoding_; }

 private:
  CountMode mode_;
  Encoding default_encoding_;
};

}  // namespace hirag::tokenize
