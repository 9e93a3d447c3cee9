#include "context/snippet_selector.hpp"

#include <algorithm>
#include <cmath>

namespace hirag::context {
namespace {

bool ranks_before(const RetrievedSnippet& a, const RetrievedSnippet& b) {
  const bool a_nan = std::isnan(a.score);
  const bool b_nan = std::isnan(b.score);
  if (a_nan != b_nan) return b_nan;
  if (!a_nan && a.score != b.score) return a.score > b.score;
  return a.id < b.id;
}

Message render(const std::vector<SelectedSnippet>& items) {
  Message message{"system", std::string(kRetrievedHeader), {}};
  for (const auto& item : items) {
    message.content += kSnippetSeparator;
    message.content += item.snippet.text;
  }
  return message;
}

// Ranked, without duplicates, empties, or text already present as a recent turn.
std::vector<RetrievedSnippet> usable(std::vector<RetrievedSnippet> candidates, const PresentTurns& present) {
  std::stable_sort(candidates.begin(), candidates.end(), ranks_before);
  std::set<std::string, std::less<>> seen;
  std::vector<RetrievedSnippet> kept;
  for (auto& candidate : candidates) {
    if (candidate.text.empty() || present.memory_ids.contains(candidate.id) ||
        present.contents.contains(candidate.text) || !seen.insert(candidate.id).second) {
      continue;
    }
    kept.push_back(std::move(candidate));
  }
  return kept;
}

}  // namespace

SnippetSelection select_snippets(std::vector<RetrievedSnippet> candidates, const PresentTurns& present, size_t cap,
                                 tokenize::Encoding encoding, const CountTokens& count) {
  SnippetSelection selection;
  const auto ranked = usable(std::move(candidates), present);
  const size_t separator_tokens = count(kSnippetSeparator, encoding);
  size_t estimate = message_tokens(render({}), encoding, count);
  for (const auto& candidate : ranked) {
    const size_t tokens = count(candidate.text, encoding);
    if (estimate + separator_tokens + tokens > cap) continue;  // a smaller, lower-scored one may still fit
    estimate += separator_tokens + tokens;
    selection.items.push_back({candidate, tokens});
  }
  while (!selection.items.empty()) {
    selection.message = render(selection.items);
    selection.tokens = message_tokens(selection.message, encoding, count);
    if (selection.tokens <= cap) break;
    selection.items.pop_back();
  }
  if (selection.items.empty()) {
    selection.message = Message{};
    selection.tokens = 0;
  }
  selection.trimmed = ranked.size() - selection.items.size();
  return selection;
}

}  // namespace hirag::context
