#include "memory/query_terms.hpp"

#include <algorithm>

#include "embed/text_features.hpp"

namespace hirag::memory {

std::vector<std::string> query_terms(std::string_view query, size_t max_terms) {
  const auto words = embed::split_words(query);
  std::vector<std::string> terms;
  for (bool keep_stopwords : {false, true}) {
    for (const auto& word : words) {
      if (terms.size() >= max_terms) break;
      if (!keep_stopwords && embed::is_stopword(word)) continue;
      if (std::find(terms.begin(), terms.end(), word) == terms.end()) terms.push_back(word);
    }
    if (!terms.empty()) break;
  }
  return terms;
}

}  // namespace hirag::memory
