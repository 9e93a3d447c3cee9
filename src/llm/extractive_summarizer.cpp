#include "llm/extractive_summarizer.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <numeric>
#include <string_view>
#include <unordered_map>

#include "llm/sentences.hpp"
#include "llm/text_fit.hpp"

namespace hirag::llm {
namespace {

constexpr double kCentralityWeight = 0.8;
constexpr double kRecencyWeight = 0.2;

struct Sentence {
  std::string_view text;
  size_t segment = 0;  // which input text it came from
  size_t tokens = 0;
  double score = 0;
};

using SparseVector = std::vector<std::pair<size_t, double>>;  // (term id, weight), ids ascending

// Lower-cased words: runs of ASCII letters/digits or non-ASCII bytes (so UTF-8
// words stay whole).
std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) {
      word.push_back(static_cast<char>(std::tolower(u)));
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

// Unit-length TF-IDF vectors, one per sentence.
std::vector<SparseVector> tfidf_vectors(const std::vector<Sentence>& sentences) {
  std::unordered_map<std::string, size_t> ids;
  std::vector<std::unordered_map<size_t, double>> counts(sentences.size());
  std::vector<size_t> document_frequency;
  for (size_t i = 0; i < sentences.size(); ++i) {
    for (auto& word : words_of(sentences[i].text)) {
      const auto [it, added] = ids.emplace(std::move(word), ids.size());
      if (added) document_frequency.push_back(0);
      if (counts[i][it->second]++ == 0) ++document_frequency[it->second];
    }
  }
  const double n = static_cast<double>(sentences.size());
  std::vector<SparseVector> vectors(sentences.size());
  for (size_t i = 0; i < sentences.size(); ++i) {
    double norm = 0;
    for (const auto& [id, tf] : counts[i]) {
      const double weight = tf * (std::log((1 + n) / (1 + static_cast<double>(document_frequency[id]))) + 1);
      vectors[i].emplace_back(id, weight);
      norm += weight * weight;
    }
    norm = std::sqrt(norm);
    for (auto& entry : vectors[i]) entry.second /= norm;
    std::sort(vectors[i].begin(), vectors[i].end());
  }
  return vectors;
}

// Scores every sentence: centrality (cosine to the centroid) blended with recency.
void score(std::vector<Sentence>& sentences) {
  const auto vectors = tfidf_vectors(sentences);
  std::unordered_map<size_t, double> centroid;
  for (const auto& v : vectors) {
    for (const auto& [id, w] : v) centroid[id] += w;
  }
  double centroid_norm = 0;
  for (const auto& [id, w] : centroid) centroid_norm += w * w;
  centroid_norm = std::sqrt(centroid_norm);
  const double last = static_cast<double>(std::max<size_t>(sentences.size() - 1, 1));
  for (size_t i = 0; i < sentences.size(); ++i) {
    double dot = 0;
    for (const auto& [id, w] : vectors[i]) dot += w * centroid.at(id);
    const double centrality = centroid_norm > 0 ? dot / centroid_norm : 0;
    sentences[i].score = kCentralityWeight * centrality + kRecencyWeight * (static_cast<double>(i) / last);
  }
}

// The chosen sentences in input order: a space within one input text, a line
// break between texts.
std::string compose(const std::vector<Sentence>& sentences, const std::vector<size_t>& chosen) {
  std::string out;
  for (size_t k = 0; k < chosen.size(); ++k) {
    if (k > 0) out += sentences[chosen[k]].segment == sentences[chosen[k - 1]].segment ? " " : "\n";
    out += sentences[chosen[k]].text;
  }
  return out;
}

}  // namespace

ExtractiveSummarizer::ExtractiveSummarizer(TokenCountFn count) : count_(std::move(count)) {}

Result<std::string> ExtractiveSummarizer::summarize(const std::vector<std::string>& texts, size_t target_tokens) {
  const size_t budget = std::min(target_tokens, count_tokens(texts, count_));
  std::vector<Sentence> sentences;
  for (size_t t = 0; t < texts.size(); ++t) {
    for (const auto s : split_sentences(texts[t])) sentences.push_back(Sentence{s, t, count_(s), 0});
  }
  if (budget == 0 || sentences.empty()) return std::string{};

  std::vector<size_t> all(sentences.size());
  std::iota(all.begin(), all.end(), 0);
  if (std::string whole = compose(sentences, all); count_(whole) <= budget) return whole;

  score(sentences);
  std::vector<size_t> ranking = all;
  std::sort(ranking.begin(), ranking.end(), [&](size_t a, size_t b) {
    return sentences[a].score > sentences[b].score || (sentences[a].score == sentences[b].score && a > b);
  });
  // Greedy by score; a separator is budgeted as one token so the joined text
  // rarely needs correcting below.
  std::vector<size_t> chosen;
  size_t used = 0;
  for (const size_t i : ranking) {
    const size_t cost = sentences[i].tokens + (chosen.empty() ? 0 : 1);
    if (used + cost <= budget) {
      chosen.push_back(i);
      used += cost;
    }
  }
  // `chosen` is in score order: drop from the back (weakest) until the joined text fits.
  while (!chosen.empty()) {
    std::vector<size_t> ordered = chosen;
    std::sort(ordered.begin(), ordered.end());
    std::string summary = compose(sentences, ordered);
    if (count_(summary) <= budget) return summary;
    chosen.pop_back();
  }
  // Not even the best sentence fits on its own: cut it.
  return fit_to_tokens(sentences[ranking.front()].text, budget, count_);
}

}  // namespace hirag::llm
