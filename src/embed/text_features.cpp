#include "embed/text_features.hpp"

#include <libstemmer.h>

#include <boost/unordered/unordered_flat_map.hpp>

#include <algorithm>
#include <array>
#include <memory>

namespace hirag::embed {
namespace {

bool is_word_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

// Sorted, for binary search.
constexpr std::array<std::string_view, 127> kStopwords = {
    "a",       "about",  "above",  "after",   "again",  "against", "all",     "am",      "an",      "and",
    "any",     "are",    "as",     "at",      "be",     "because", "been",    "before",  "being",   "below",
    "between", "both",   "but",    "by",      "can",    "could",   "d",       "did",     "do",      "does",
    "doing",   "down",   "during", "each",    "few",    "for",     "from",    "further", "had",     "has",
    "have",    "having", "he",     "her",     "here",   "hers",    "herself", "him",     "himself", "his",
    "how",     "i",      "if",     "in",      "into",   "is",      "it",      "its",     "itself",  "just",
    "ll",      "m",      "me",     "more",    "most",   "my",      "myself",  "no",      "nor",     "not",
    "now",     "of",     "off",    "on",      "once",   "only",    "or",      "other",   "our",     "ours",
    "out",     "over",   "own",    "re",      "s",      "same",    "she",     "should",  "so",      "some",
    "such",    "t",      "than",   "that",    "the",    "their",   "theirs",  "them",    "then",    "there",
    "these",   "they",   "this",   "those",   "through", "to",     "too",     "under",   "until",   "up",
    "ve",      "very",   "was",    "we",      "were",   "what",    "when",    "where",   "which",   "while",
    "who",     "whom",   "why",    "will",    "with",   "would",   "you"};

struct StemmerDeleter {
  void operator()(sb_stemmer* stemmer) const { sb_stemmer_delete(stemmer); }
};

}  // namespace

std::vector<std::string> split_words(std::string_view text) {
  std::vector<std::string> words;
  std::string current;
  for (char raw : text) {
    const auto c = static_cast<unsigned char>(raw);
    if (is_word_byte(c)) {
      current.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : raw);
    } else if (!current.empty()) {
      words.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) words.push_back(std::move(current));
  return words;
}

bool is_stopword(std::string_view word) {
  return std::binary_search(kStopwords.begin(), kStopwords.end(), word);
}

namespace {

std::string snowball_stem(std::string_view word) {
  thread_local std::unique_ptr<sb_stemmer, StemmerDeleter> stemmer(sb_stemmer_new("english", "UTF_8"));
  if (!stemmer) return std::string(word);
  const sb_symbol* stemmed =
      sb_stemmer_stem(stemmer.get(), reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
  if (stemmed == nullptr) return std::string(word);
  return std::string(reinterpret_cast<const char*>(stemmed), static_cast<size_t>(sb_stemmer_length(stemmer.get())));
}

// Lets the stem cache be looked up by string_view without building a string.
struct WordHash {
  using is_transparent = void;
  size_t operator()(std::string_view word) const { return std::hash<std::string_view>{}(word); }
};

}  // namespace

// Snowball was a quarter of the CPU of reading items back at start-up; a text
// repeats few distinct words, so each thread remembers the stems it has made.
// The memory is bounded: the cache starts over once it holds kMaxCachedStems.
std::string stem(std::string_view word) {
  constexpr size_t kMaxCachedStems = 1 << 16;
  thread_local boost::unordered_flat_map<std::string, std::string, WordHash, std::equal_to<>> cache;
  if (auto found = cache.find(word); found != cache.end()) return found->second;
  std::string stemmed = snowball_stem(word);
  if (cache.size() >= kMaxCachedStems) cache.clear();
  cache.emplace(std::string(word), stemmed);
  return stemmed;
}

}  // namespace hirag::embed
