#include "memory/item_validation.hpp"

#include <fmt/format.h>

#include <cmath>

#include "core/json_writer.hpp"

namespace hirag::memory {
namespace {

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos;
}

// The byte offset of the first disallowed control character, or npos.
size_t find_control(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) return i;
  }
  return std::string_view::npos;
}

bool is_identifier_char(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

Status validate_identifier(std::string_view field, std::string_view what, std::string_view value) {
  if (value.empty() || value.size() > 128) {
    return Error::field(field, fmt::format("{} must be 1-128 characters, got {}", what, value.size()));
  }
  for (char raw : value) {
    const auto c = static_cast<unsigned char>(raw);
    if (!is_identifier_char(c) && c != '.' && c != ':' && c != '@' && c != '/') {
      return Error::field(field, fmt::format("{} may only contain letters, digits and _ - . : @ /", what));
    }
  }
  return ok_status();
}

Status validate_value(std::string_view field, const boost::json::value& value, int64_t depth, int64_t max_depth) {
  if (depth > max_depth) {
    return Error::field(field, fmt::format("metadata is nested deeper than {} levels", max_depth));
  }
  if (value.is_string()) {
    if (find_control(value.get_string()) != std::string_view::npos) {
      return Error::field(field, "metadata strings may not contain control characters");
    }
  } else if (value.is_double() && !std::isfinite(value.get_double())) {
    // A literal like 1e999 parses to infinity, which JSON cannot write back: the
    // stored metadata would no longer parse and read back empty.
    return Error::field(field, "metadata numbers must be finite (this one is out of a double's range)");
  } else if (value.is_array()) {
    for (const auto& element : value.get_array()) {
      if (auto status = validate_value(field, element, depth + 1, max_depth); !status) return status;
    }
  } else if (value.is_object()) {
    for (const auto& entry : value.get_object()) {
      if (auto status = validate_value(fmt::format("{}.{}", field, std::string_view(entry.key())), entry.value(),
                                       depth + 1, max_depth);
          !status) {
        return status;
      }
    }
  }
  return ok_status();
}

}  // namespace

Status validate_text(std::string_view field, std::string_view text, int64_t max_bytes) {
  if (is_blank(text)) return Error::field(field, fmt::format("'{}' must not be empty or only whitespace", field));
  if (static_cast<int64_t>(text.size()) > max_bytes) {
    return Error::field(field, fmt::format("'{}' is {} bytes; the limit is {}", field, text.size(), max_bytes));
  }
  // Other control characters are kept as sent (real chat exports hold \x02, \x0b,
  // \x0c …); NUL is refused because C strings and many clients end a text there.
  if (size_t at = text.find('\0'); at != std::string_view::npos) {
    return Error::field(field, fmt::format("'{}' contains a NUL character at byte {}", field, at));
  }
  return ok_status();
}

Status validate_namespace(std::string_view field, std::string_view name_space) {
  return validate_identifier(field, "namespace", name_space);
}

Status validate_session_id(std::string_view field, std::string_view session_id) {
  return validate_identifier(field, "session_id", session_id);
}

Status validate_metadata(std::string_view field, const boost::json::object& metadata, const MemoryConfig& config) {
  for (const auto& entry : metadata) {
    const std::string_view key = entry.key();
    const std::string key_field = fmt::format("{}.{}", field, key);
    if (key.empty() || key.size() > 256) {
      return Error::field(key_field, "metadata keys must be 1-256 bytes");
    }
    for (char raw : key) {
      const auto c = static_cast<unsigned char>(raw);
      if (!is_identifier_char(c) && c < 0x80) {
        return Error::field(key_field, fmt::format("metadata key '{}' may only contain letters, digits, _ and -", key));
      }
    }
    if (auto status = validate_value(key_field, entry.value(), 2, config.max_metadata_depth); !status) return status;
  }
  const size_t bytes = to_json(metadata).size();
  if (static_cast<int64_t>(bytes) > config.max_metadata_bytes) {
    return Error::field(field, fmt::format("'{}' is {} bytes serialized; the limit is {}", field, bytes,
                                           config.max_metadata_bytes));
  }
  return ok_status();
}

}  // namespace hirag::memory
