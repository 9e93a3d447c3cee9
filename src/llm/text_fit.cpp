#include "llm/text_fit.hpp"

#include <optional>

#include "llm/sentences.hpp"

namespace hirag::llm {
namespace {

// The part of `text` kept by cutting at boundary `at`, trimmed: the head up to it
// or the tail from it.
std::string_view part(std::string_view text, size_t at, Keep keep) {
  return trim(keep == Keep::head ? text.substr(0, at) : text.substr(at));
}

// The longest part cut at one of `boundaries` (ascending offsets) that fits, by
// binary search. Parts grow with the index: heads with the offset, tails as the
// offset falls. Token counts grow with the part (BPE merges may make them dip
// slightly, then the search may settle on a shorter part than possible), and the
// returned part was checked: it always fits.
std::optional<std::string_view> longest_fitting(std::string_view text, const std::vector<size_t>& boundaries,
                                                Keep keep, const std::function<bool(std::string_view)>& fits) {
  const auto candidate = [&](size_t i) {
    return part(text, keep == Keep::head ? boundaries[i] : boundaries[boundaries.size() - 1 - i], keep);
  };
  size_t lo = 0, hi = boundaries.size();  // when lo > 0, candidate(lo - 1) was checked to fit
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    if (fits(candidate(mid))) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  if (lo == 0) return std::nullopt;
  return candidate(lo - 1);
}

}  // namespace

std::string fit_text(std::string_view text, Keep keep, const std::function<bool(std::string_view)>& fits) {
  text = trim(text);
  if (fits(text)) return std::string(text);
  for (const auto boundaries : {&sentence_ends, &word_ends, &char_ends}) {
    if (auto fitted = longest_fitting(text, boundaries(text), keep, fits)) {
      if (!fitted->empty()) return std::string(*fitted);
    }
  }
  return {};
}

std::string fit_to_tokens(std::string_view text, size_t max_tokens, const TokenCountFn& count) {
  return fit_text(text, Keep::head, [&](std::string_view part) { return count(part) <= max_tokens; });
}

size_t count_tokens(const std::vector<std::string>& texts, const TokenCountFn& count) {
  size_t total = 0;
  for (const auto& t : texts) total += count(t);
  return total;
}

}  // namespace hirag::llm
