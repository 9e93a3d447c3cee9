#include "retrieval/text_terms.hpp"

#include <algorithm>

#include "embed/text_features.hpp"

namespace hirag::retrieval {

std::vector<store::text::TermCount> document_terms(std::string_view text) {
  std::vector<std::string> stems;
  for (const auto& word : embed::split_words(text)) stems.push_back(embed::stem(word));
  // Sorting views, not the strings themselves, moves 16 bytes per swap instead of 32.
  std::vector<std::string_view> sorted(stems.begin(), stems.end());
  std::sort(sorted.begin(), sorted.end());
  std::vector<store::text::TermCount> terms;
  for (std::string_view stem : sorted) {
    if (!terms.empty() && terms.back().term == stem) {
      ++terms.back().count;
    } else {
      terms.push_back({std::string(stem), 1});
    }
  }
  return terms;
}

std::vector<std::string> query_terms(std::string_view query, size_t max_terms) {
  const auto words = embed::split_words(query);
  std::vector<std::string> terms;
  for (bool keep_stopwords : {false, true}) {
    for (const auto& word : words) {
      if (terms.size() >= max_terms) break;
      if (!keep_stopwords && embed::is_stopword(word)) continue;
      auto stem = embed::stem(word);
      if (std::find(terms.begin(), terms.end(), stem) == terms.end()) terms.push_back(std::move(stem));
    }
    if (!terms.empty()) break;
  }
  return terms;
}

}  // namespace hirag::retrieval
