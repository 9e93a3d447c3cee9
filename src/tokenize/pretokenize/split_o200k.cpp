// tokenize/pretokenize/split_o200k: the o200k_base split pattern as a scanner.
// Upper = [\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}], Lower = [\p{Ll}\p{Lm}\p{Lo}\p{M}] (they overlap).
#include "tokenize/pretokenize/char_scan.hpp"
#include "tokenize/pretokenize/split.hpp"

namespace hirag::tokenize::pretokenize {

namespace {

// Upper*Lower+ from `start`, or 0. Upper* is greedy: if no Lower follows the Upper
// run, it backs off to the last character of the run that is also Lower.
size_t upper_star_lower_plus(const uint8_t* text, size_t size, size_t start) {
  size_t end = start, after_last_lower = 0;
  for (Char c = char_at(text, size, end); c.flags & kUpperish; c = char_at(text, size, end)) {
    end += c.len;
    if (c.flags & kLowerish) after_last_lower = end;
  }
  if (char_at(text, size, end).flags & kLowerish) return run_end(text, size, end, kLowerish);
  return after_last_lower;
}

// Upper+Lower* from `start`, or 0.
size_t upper_plus_lower_star(const uint8_t* text, size_t size, size_t start) {
  if (!(char_at(text, size, start).flags & kUpperish)) return 0;
  return run_end(text, size, run_end(text, size, start, kUpperish), kLowerish);
}

}  // namespace

size_t next_piece_o200k(std::string_view view, size_t pos) {
  const auto* text = reinterpret_cast<const uint8_t*>(view.data());
  const size_t size = view.size();
  const Char c = char_at(text, size, pos);
  // [^\r\n\p{L}\p{N}]? — greedy: first with c as the prefix, then without it.
  const bool prefix = !(c.flags & (kLetter | kNumber | kNewline));
  auto with_contraction = [&](size_t end) { return end + contraction_at(text, size, end); };

  for (auto letters : {upper_star_lower_plus, upper_plus_lower_star}) {
    if (prefix) {
      if (const size_t end = letters(text, size, pos + c.len)) return with_contraction(end);
    }
    if (const size_t end = letters(text, size, pos)) return with_contraction(end);
  }

  // \p{N}{1,3}
  if (c.flags & kNumber) return numbers_piece_end(text, size, pos);

  //  ?[^\s\p{L}\p{N}]+[\r\n/]*
  if (const size_t end = symbols_piece_end(text, size, pos, true)) return end;

  return whitespace_piece_end(text, size, pos);
}

}  // namespace hirag::tokenize::pretokenize
