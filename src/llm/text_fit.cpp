#include "llm/text_fit.hpp"

#include <optional>

#include "llm/sentences.hpp"

namespace hirag::llm {
namespace {

// A long prefix ending at one of `ends` that fits, by binary search over the
// ends. Token counts grow with the prefix (BPE merges may make them dip slightly,
// then the search may settle on a shorter prefix than possible), and the returned
// prefix was measured: it always fits.
std::optional<std::string_view> longest_fitting(std::string_view text, const std::vector<size_t>& ends,
                                                size_t max_tokens, const TokenCountFn& count) {
  const auto prefix = [&](size_t i) { return trim(text.substr(0, ends[i])); };
  size_t lo = 0, hi = ends.size();  // when lo > 0, prefix(lo - 1) was measured to fit
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    if (count(prefix(mid)) <= max_tokens) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  if (lo == 0) return std::nullopt;
  return prefix(lo - 1);
}

}  // namespace

std::string fit_to_tokens(std::string_view text, size_t max_tokens, const TokenCountFn& count) {
  text = trim(text);
  if (count(text) <= max_tokens) return std::string(text);
  for (const auto boundaries : {&sentence_ends, &word_ends, &char_ends}) {
    if (auto prefix = longest_fitting(text, boundaries(text), max_tokens, count)) {
      if (!prefix->empty()) return std::string(*prefix);
    }
  }
  return {};
}

size_t count_tokens(const std::vector<std::string>& texts, const TokenCountFn& count) {
  size_t total = 0;
  for (const auto& t : texts) total += count(t);
  return total;
}

}  // namespace hirag::llm
