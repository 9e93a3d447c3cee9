// tokenize/pretokenize/split_cl100k: the cl100k_base split pattern as a scanner.
#include "tokenize/pretokenize/char_scan.hpp"
#include "tokenize/pretokenize/split.hpp"

namespace hirag::tokenize::pretokenize {

size_t next_piece_cl100k(std::string_view view, size_t pos) {
  const auto* text = reinterpret_cast<const uint8_t*>(view.data());
  const size_t size = view.size();
  const Char c = char_at(text, size, pos);

  // (?i:'s|'t|'re|'ve|'m|'ll|'d)
  if (const size_t n = contraction_at(text, size, pos)) return pos + n;

  // [^\r\n\p{L}\p{N}]?\p{L}+ — the optional prefix is greedy, so a non-letter
  // (space, symbol, combining mark) before letters joins them.
  if (c.flags & kLetter) return run_end(text, size, pos, kLetter);
  if (!(c.flags & (kNumber | kNewline))) {
    if (char_at(text, size, pos + c.len).flags & kLetter) return run_end(text, size, pos + c.len, kLetter);
  }

  // \p{N}{1,3}
  if (c.flags & kNumber) return numbers_piece_end(text, size, pos);

  //  ?[^\s\p{L}\p{N}]+[\r\n]*
  if (const size_t end = symbols_piece_end(text, size, pos, false)) return end;

  return whitespace_piece_end(text, size, pos);
}

}  // namespace hirag::tokenize::pretokenize
