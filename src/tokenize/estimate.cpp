#include "tokenize/estimate.hpp"

#include <cmath>
#include <cstdint>

#include "tokenize/pretokenize/char_scan.hpp"

namespace hirag::tokenize {

size_t estimate_chars_div_4(std::string_view text) {
  size_t code_points = 0;
  for (const char c : text) code_points += (static_cast<uint8_t>(c) & 0xC0) != 0x80;
  return (code_points + 3) / 4;
}

size_t estimate_words_x1_3(std::string_view text) {
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  size_t words = 0;
  bool in_word = false;
  for (size_t pos = 0; pos < text.size();) {
    const pretokenize::Char c = pretokenize::char_at(p, text.size(), pos);
    const bool space = c.flags & pretokenize::kSpace;
    words += !space && !in_word;
    in_word = !space;
    pos += c.len;
  }
  return static_cast<size_t>(std::ceil(static_cast<double>(words) * 1.3));
}

}  // namespace hirag::tokenize
