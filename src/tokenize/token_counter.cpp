#include "tokenize/token_counter.hpp"

#include <array>

#include "tokenize/estimate.hpp"
#include "tokenize/tokenizer.hpp"

namespace hirag::tokenize {

namespace {
constexpr std::array<std::string_view, 3> kModeNames = {"exact", "chars_div_4", "words_x1_3"};
}

std::optional<CountMode> parse_count_mode(std::string_view name) {
  for (size_t i = 0; i < kModeNames.size(); ++i) {
    if (kModeNames[i] == name) return static_cast<CountMode>(i);
  }
  return std::nullopt;
}

std::string_view count_mode_name(CountMode mode) { return kModeNames[static_cast<size_t>(mode)]; }

size_t TokenCounter::count(std::string_view text, Encoding encoding) const {
  switch (mode_) {
    case CountMode::exact: return tokenizer(encoding).count(text);
    case CountMode::chars_div_4: return estimate_chars_div_4(text);
    case CountMode::words_x1_3: return estimate_words_x1_3(text);
  }
  return 0;
}

}  // namespace hirag::tokenize
