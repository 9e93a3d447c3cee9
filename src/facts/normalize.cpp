#include "facts/normalize.hpp"

#include <utf8proc.h>

#include <cstdlib>
#include <initializer_list>

#include "core/crypto.hpp"

namespace hirag::facts {
namespace {

bool is_space(utf8proc_int32_t cp) {
  if (cp == '\t' || cp == '\n' || cp == '\v' || cp == '\f' || cp == '\r' || cp == 0x85) return true;
  const auto category = utf8proc_category(cp);
  return category == UTF8PROC_CATEGORY_ZS || category == UTF8PROC_CATEGORY_ZL || category == UTF8PROC_CATEGORY_ZP;
}

// NFC of the case-folded text (utf8proc decomposes, folds, then composes).
std::string fold(std::string_view text) {
  utf8proc_uint8_t* mapped = nullptr;
  const auto options = static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
  const auto size = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                                 static_cast<utf8proc_ssize_t>(text.size()), &mapped, options);
  // Only invalid UTF-8 fails, which callers never pass; keep the text as it is then.
  if (size < 0) return std::string(text);
  std::string folded(reinterpret_cast<const char*>(mapped), static_cast<size_t>(size));
  std::free(mapped);
  return folded;
}

std::string collapse_spaces(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  utf8proc_ssize_t pos = 0;
  const auto size = static_cast<utf8proc_ssize_t>(text.size());
  while (pos < size) {
    utf8proc_int32_t cp = 0;
    const auto length = utf8proc_iterate(bytes + pos, size - pos, &cp);
    if (length <= 0) break;
    if (is_space(cp)) {
      pending_space = !out.empty();
    } else {
      if (pending_space) out.push_back(' ');
      pending_space = false;
      out.append(text, static_cast<size_t>(pos), static_cast<size_t>(length));
    }
    pos += length;
  }
  return out;
}

std::string length_prefixed_hash(std::initializer_list<std::string_view> fields) {
  std::string encoded;
  for (std::string_view field : fields) {
    const uint64_t size = field.size();
    for (int shift = 56; shift >= 0; shift -= 8) encoded.push_back(static_cast<char>((size >> shift) & 0xff));
    encoded.append(field);
  }
  const Sha256 digest = sha256(encoded);
  return to_hex(digest.data(), digest.size());
}

}  // namespace

std::string normalize_field(std::string_view text) { return collapse_spaces(fold(text)); }

std::string fact_hash(std::string_view subject_key, std::string_view predicate_key, std::string_view object_key) {
  return length_prefixed_hash({subject_key, predicate_key, object_key});
}

std::string property_hash(std::string_view subject_key, std::string_view predicate_key) {
  return length_prefixed_hash({subject_key, predicate_key});
}

}  // namespace hirag::facts
