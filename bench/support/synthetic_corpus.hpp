// bench/support/synthetic_corpus: the synthetic texts the memory benchmarks use
// (as bench/http/ingest.py and search.lua draw them): words from a 20,000-word
// vocabulary in which low word numbers are far more frequent. Deterministic.
#pragma once

#include <fmt/format.h>

#include <random>
#include <string>
#include <vector>

namespace hirag::bench {

class SyntheticCorpus {
 public:
  static constexpr size_t kVocabulary = 20'000;

  explicit SyntheticCorpus(unsigned seed = 42) : rng_(seed), uniform_(1, kVocabulary) {
    for (size_t i = 0; i < kVocabulary; ++i) words_.push_back(fmt::format("w{}x{}", i, (i * 7919) % 97));
  }
  std::string sentence(size_t words) {
    std::string text;
    for (size_t i = 0; i < words; ++i) {
      if (i > 0) text += ' ';
      // Skewed word frequencies: squares favour low indices.
      const size_t r = uniform_(rng_);
      text += words_[(r * r) / kVocabulary];
    }
    return text;
  }

 private:
  std::mt19937 rng_;
  std::uniform_int_distribution<size_t> uniform_;
  std::vector<std::string> words_;
};

}  // namespace hirag::bench
