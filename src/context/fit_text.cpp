#include "context/fit_text.hpp"

namespace hirag::context {
namespace {

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The part of `text` of about `length` bytes, moved to a character boundary.
std::string_view cut(std::string_view text, size_t length, Keep keep) {
  if (keep == Keep::head) {
    while (length > 0 && length < text.size() && is_continuation_byte(text[length])) --length;
    return text.substr(0, length);
  }
  size_t start = text.size() - length;
  while (start < text.size() && is_continuation_byte(text[start])) ++start;
  return text.substr(start);
}

}  // namespace

std::string fit_text(std::string_view text, Keep keep, const std::function<bool(std::string_view)>& fits) {
  if (fits(text)) return std::string(text);
  size_t low = 0;             // cut(low) fits (the empty text is taken as fitting)
  size_t high = text.size();  // cut(high) does not fit
  while (high - low > 1) {
    const size_t mid = low + (high - low) / 2;
    if (fits(cut(text, mid, keep))) low = mid; else high = mid;
  }
  const std::string_view best = cut(text, low, keep);
  return best.empty() || !fits(best) ? std::string() : std::string(best);
}

}  // namespace hirag::context
