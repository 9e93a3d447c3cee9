#include "tokenize/encoding.hpp"

#include <array>

namespace hirag::tokenize {

namespace {
constexpr std::array<std::string_view, 2> kNames = {"cl100k_base", "o200k_base"};
}

std::optional<Encoding> parse_encoding(std::string_view name) {
  for (size_t i = 0; i < kNames.size(); ++i) {
    if (kNames[i] == name) return static_cast<Encoding>(i);
  }
  return std::nullopt;
}

std::string_view encoding_name(Encoding encoding) { return kNames[static_cast<size_t>(encoding)]; }

std::vector<std::string_view> encoding_names() { return {kNames.begin(), kNames.end()}; }

}  // namespace hirag::tokenize
