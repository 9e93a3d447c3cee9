// tokenize/encoding: the names of the BPE encodings hirag ships (cl100k_base,
// o200k_base) and their parsing. Owns nothing else.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace hirag::tokenize {

enum class Encoding : uint8_t { cl100k_base, o200k_base };

inline constexpr Encoding kDefaultEncoding = Encoding::cl100k_base;

// "cl100k_base" -> Encoding::cl100k_base; nullopt for any other name.
std::optional<Encoding> parse_encoding(std::string_view name);
std::string_view encoding_name(Encoding encoding);
// Every valid name, in enum order.
std::vector<std::string_view> encoding_names();

}  // namespace hirag::tokenize
