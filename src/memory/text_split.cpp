#include "memory/text_split.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "memory/item_validation.hpp"

namespace hirag::memory {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Just past the last `mark` that starts in window[from, size) and the whitespace
// after it (the earlier part keeps both); 0 when there is none.
size_t after_last(std::string_view window, size_t from, std::string_view mark) {
  const size_t at = window.rfind(mark);
  if (at == std::string_view::npos || at < from) return 0;
  size_t end = at + mark.size();
  while (end < window.size() && is_space(window[end])) ++end;
  return end;
}

// The last sentence end (". ", "! ", "? ") in window[from, size), cut after its whitespace.
size_t after_sentence(std::string_view window, size_t from) {
  size_t best = 0;
  for (std::string_view mark : {". ", "! ", "? ", ".\n", "!\n", "?\n"}) {
    best = std::max(best, after_last(window, from, mark));
  }
  return best;
}

// The last run of whitespace in window[from, size), cut after it.
size_t after_space(std::string_view window, size_t from) {
  for (size_t i = window.size(); i > std::max<size_t>(from, 1); --i) {
    if (is_space(window[i - 1])) return i;
  }
  return 0;
}

// The largest offset <= end of `text` that starts a UTF-8 character.
size_t utf8_boundary(std::string_view text, size_t end) {
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return end;
}

// Where the part that starts `rest` ends: the best boundary within max_bytes.
size_t cut_point(std::string_view rest, size_t max_bytes) {
  const std::string_view window = rest.substr(0, max_bytes);
  const size_t half = max_bytes / 2;
  for (auto cut : {after_last(window, half, "\n\n"), after_last(window, half, "\n"), after_sentence(window, half),
                   after_space(window, half), after_space(window, 0)}) {
    if (cut > 0) return cut;
  }
  const size_t boundary = utf8_boundary(rest, max_bytes);
  if (boundary > 0) return boundary;
  // Room for less than one character: the part is that character, over the limit
  // (the caller refuses it), so that the split still moves on.
  size_t end = 1;
  while (end < rest.size() && (static_cast<unsigned char>(rest[end]) & 0xC0) == 0x80) ++end;
  return end;
}

}  // namespace

std::vector<std::string_view> split_text(std::string_view text, size_t max_bytes) {
  std::vector<std::string_view> parts;
  while (text.size() > max_bytes) {
    const size_t cut = cut_point(text, max_bytes);
    parts.push_back(text.substr(0, cut));
    text.remove_prefix(cut);
  }
  if (!text.empty() || parts.empty()) parts.push_back(text);
  return parts;
}

boost::json::object with_split(const boost::json::object& metadata, size_t index, size_t parts,
                               std::string_view first_id) {
  boost::json::object linked = metadata;
  linked["split"] = {{"part", index + 1}, {"parts", parts}, {"of", first_id}};
  return linked;
}

Status validate_split_metadata(std::string_view field, const boost::json::object& metadata, size_t parts,
                               const MemoryConfig& config) {
  if (metadata.contains("split")) {
    return Error::field(fmt::format("{}.split", field),
                        fmt::format("'{}.split' is set on the parts of a split text; use another key", field));
  }
  // The largest part's metadata: the widest numbers, an id as long as a UUID.
  return validate_metadata(field, with_split(metadata, parts - 1, parts, std::string(36, '0')), config);
}

}  // namespace hirag::memory
