// The in-memory full-text index of one namespace: BM25 ranking, MaxScore top-k
// against an exhaustive oracle, removal and compaction, snapshots.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>

#include "store/text/namespace_text.hpp"
#include "support/server_process.hpp"

namespace hirag::store::text {
namespace {

// The textbook parameters; the oracle below hard-codes them.
constexpr TextScoring kTextbook{1.2, 0.75, 64};

std::vector<TermCount> terms_of(const std::vector<std::string>& words) {
  std::map<std::string, uint32_t> counts;
  for (const auto& word : words) ++counts[word];
  std::vector<TermCount> terms;
  for (const auto& [term, count] : counts) terms.push_back({term, count});
  return terms;
}

using Documents = std::map<int64_t, std::vector<std::string>>;

// Exhaustive BM25 (k1 1.2, b 0.75, Lucene idf), written independently of the
// index. Statistics count `documents` and the removed ones not yet compacted away.
std::vector<TextHit> oracle(const Documents& live, const Documents& removed, const std::vector<std::string>& query,
                            size_t k) {
  Documents documents = live;
  documents.insert(removed.begin(), removed.end());
  const double n = static_cast<double>(documents.size());
  double total = 0;
  for (const auto& [label, words] : documents) total += static_cast<double>(words.size());
  const double average = total / n;
  std::map<std::string, double> df;
  for (const auto& term : query) {
    for (const auto& [label, words] : documents) {
      df[term] += std::find(words.begin(), words.end(), term) != words.end() ? 1 : 0;
    }
  }
  std::vector<TextHit> hits;
  for (const auto& [label, words] : live) {
    double score = 0;
    bool matched = false;
    for (const auto& term : query) {
      const double tf = static_cast<double>(std::count(words.begin(), words.end(), term));
      if (tf == 0) continue;
      const double idf = std::log(1 + (n - df[term] + 0.5) / (df[term] + 0.5));
      const double norm = 1.2 * (1 - 0.75 + 0.75 * static_cast<double>(words.size()) / average);
      score += idf * tf * 2.2 / (tf + norm);
      matched = true;
    }
    if (matched) hits.push_back({label, score});
  }
  std::stable_sort(hits.begin(), hits.end(), [](const TextHit& a, const TextHit& b) { return a.score > b.score; });
  if (hits.size() > k) hits.resize(k);
  return hits;
}

TEST(NamespaceTextTest, RanksByBm25WithTermFrequencyAndLength) {
  NamespaceText index(kTextbook);
  index.add(1, terms_of({"the", "cat", "sat", "on", "the", "mat"}));
  index.add(2, terms_of({"cat", "cat", "cat"}));
  index.add(3, terms_of({"a", "dog", "barked"}));
  auto hits = index.search({"cat"}, 10);
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].label, 2);
  EXPECT_EQ(hits[1].label, 1);
  EXPECT_GT(hits[0].score, hits[1].score);
  EXPECT_TRUE(index.search({"unicorn"}, 10).empty());
  EXPECT_TRUE(index.search({"cat"}, 0).empty());
}

TEST(NamespaceTextTest, ARareTermOutweighsACommonOne) {
  NamespaceText index(kTextbook);
  for (int64_t label = 1; label <= 20; ++label) index.add(label, terms_of({"common", "filler"}));
  index.add(100, terms_of({"rare", "filler"}));
  index.add(101, terms_of({"common", "common"}));
  auto hits = index.search({"common", "rare"}, 1);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].label, 100);
}

TEST(NamespaceTextTest, RepeatedQueryTermsCountOnce) {
  NamespaceText index(kTextbook);
  index.add(1, terms_of({"alpha", "beta"}));
  index.add(2, terms_of({"gamma"}));
  EXPECT_DOUBLE_EQ(index.search({"alpha", "alpha", "alpha"}, 5)[0].score, index.search({"alpha"}, 5)[0].score);
}

TEST(NamespaceTextTest, EqualScoresKeepTheOlderDocumentFirst) {
  NamespaceText index(kTextbook);
  index.add(7, terms_of({"same", "words"}));
  index.add(3, terms_of({"same", "words"}));
  index.add(9, terms_of({"same", "words"}));
  auto hits = index.search({"same"}, 2);
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].label, 7);
  EXPECT_EQ(hits[1].label, 3);
}

TEST(NamespaceTextTest, AddingALabelAgainReplacesItsDocument) {
  NamespaceText index(kTextbook);
  index.add(1, terms_of({"old", "words"}));
  index.add(1, terms_of({"new", "phrasing"}));
  EXPECT_EQ(index.size(), 1u);
  EXPECT_TRUE(index.search({"old"}, 5).empty());
  ASSERT_EQ(index.search({"phrasing"}, 5).size(), 1u);
}

TEST(NamespaceTextTest, RemovedDocumentsAreNeverReturnedAndCompactionKeepsTheRest) {
  NamespaceText index(kTextbook);
  for (int64_t label = 0; label < 100; ++label) {
    index.add(label, terms_of({"shared", "doc" + std::to_string(label)}));
  }
  for (int64_t label = 0; label < 90; ++label) index.remove(label);  // compacts on the way
  EXPECT_EQ(index.size(), 10u);
  auto hits = index.search({"shared"}, 100);
  ASSERT_EQ(hits.size(), 10u);
  for (const auto& hit : hits) EXPECT_GE(hit.label, 90);
  ASSERT_EQ(index.search({"doc95"}, 5).size(), 1u);
  EXPECT_TRUE(index.search({"doc5"}, 5).empty());
  index.remove(12345);  // unknown: no effect
  EXPECT_EQ(index.size(), 10u);
}

// MaxScore skips postings; it must still return exactly the exhaustive top k.
TEST(NamespaceTextTest, MaxScoreTopKEqualsTheExhaustiveTopK) {
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> word(0, 399);
  std::uniform_int_distribution<int> length(1, 30);
  auto random_word = [&] {
    const int r = word(rng);
    return "w" + std::to_string((r * r) / 400);  // skewed: low numbers are common
  };
  NamespaceText index(kTextbook);
  Documents live;
  Documents removed;  // dead slots: counted in the statistics until a quarter of the slots are dead
  auto remove = [&](int64_t label) {
    index.remove(label);
    removed.emplace(label, live.at(label));
    live.erase(label);
    if (removed.size() * 4 > live.size() + removed.size()) removed.clear();
  };
  for (int64_t label = 1; label <= 3000; ++label) {
    std::vector<std::string> words;
    for (int i = length(rng); i > 0; --i) words.push_back(random_word());
    index.add(label, terms_of(words));
    live[label] = words;
  }
  // Past one compaction, then leaves dead slots in place to be skipped.
  for (int64_t label = 1; label <= 3000; label += 3) remove(label);
  for (int64_t label = 2; label <= 3000; label += 9) remove(label);
  ASSERT_EQ(index.size(), live.size());
  ASSERT_FALSE(removed.empty());
  for (int query = 0; query < 300; ++query) {
    std::vector<std::string> terms;
    for (int i = 1 + query % 5; i > 0; --i) terms.push_back(random_word());
    const size_t k = 1 + static_cast<size_t>(query % 40);
    std::vector<std::string> distinct = terms;
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    const auto expected = oracle(live, removed, distinct, k);
    const auto got = index.search(terms, k);
    ASSERT_EQ(got.size(), expected.size()) << "query " << query;
    for (size_t i = 0; i < got.size(); ++i) {
      EXPECT_NEAR(got[i].score, expected[i].score, 1e-9) << "query " << query << " rank " << i;
      // Labels must agree except among scores equal up to rounding.
      const bool tied = (i > 0 && std::abs(expected[i].score - expected[i - 1].score) < 1e-9) ||
                        (i + 1 < expected.size() && std::abs(expected[i].score - expected[i + 1].score) < 1e-9);
      if (!tied) {
        EXPECT_EQ(got[i].label, expected[i].label) << "query " << query << " rank " << i;
      }
    }
  }
}

// Documents longer than 65,535 terms count as 65,535 in the length norm; the
// pruning bounds must assume that too: here a bound from the true lengths is
// below what documents 1 and 2 score, so "x" would stop being walked before
// document 3, which belongs in the top 2.
TEST(NamespaceTextTest, PruningHoldsForDocumentsLongerThanTheLengthCap) {
  NamespaceText index(kTextbook);
  index.add(1, {{"filler", 200'000}, {"x", 1}});
  index.add(2, {{"filler", 200'000}, {"x", 1}});
  index.add(3, {{"filler", 200'000}, {"x", 2}});
  index.add(4, {{"filler", 200'000}, {"y", 1}});
  const auto all = index.search({"x", "y"}, 4);
  const auto top = index.search({"x", "y"}, 2);
  ASSERT_EQ(all.size(), 4u);
  EXPECT_EQ(all[1].label, 3);
  ASSERT_EQ(top.size(), 2u);
  for (size_t i = 0; i < top.size(); ++i) {
    EXPECT_EQ(top[i].label, all[i].label) << i;
    EXPECT_DOUBLE_EQ(top[i].score, all[i].score) << i;
  }
}

TEST(NamespaceTextTest, ALongQueryKeepsItsMostInformativeTerms) {
  NamespaceText index(TextScoring{1.2, 0.75, 2});
  for (int64_t label = 1; label <= 30; ++label) index.add(label, terms_of({"common", "filler"}));
  index.add(100, terms_of({"rare", "filler"}));
  index.add(101, terms_of({"unusual", "filler"}));
  // "common" and "filler" are dropped: only the two rare terms count.
  auto hits = index.search({"common", "filler", "rare", "unusual"}, 10);
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_TRUE((hits[0].label == 100 && hits[1].label == 101) || (hits[0].label == 101 && hits[1].label == 100));
}

TEST(NamespaceTextTest, ReportsItsMemory) {
  NamespaceText index(kTextbook);
  const size_t empty = index.memory_bytes();
  for (int64_t label = 0; label < 1000; ++label) index.add(label, terms_of({"a", "b", "c" + std::to_string(label)}));
  EXPECT_GT(index.memory_bytes(), empty + 1000 * 3 * 6);
  EXPECT_EQ(index.distinct_terms(), 1002u);
}

// Writes `index` to a snapshot file and loads it into a new index.
std::unique_ptr<NamespaceText> save_and_load(const NamespaceText& index, const std::string& path, bool& loaded_ok) {
  auto out = snapshot::BinaryFileWriter::create(path);
  EXPECT_TRUE(out.ok());
  index.save(*out);
  EXPECT_TRUE(out->commit().ok());
  auto in = snapshot::BinaryFileReader::open(path);
  EXPECT_TRUE(in.ok());
  auto loaded = std::make_unique<NamespaceText>(kTextbook);
  loaded->load(*in);
  loaded_ok = in->ok() && in->at_end();
  return loaded;
}

TEST(NamespaceTextTest, ASnapshotAnswersEveryQueryAsTheIndexItWasTakenFrom) {
  testing::TempDir dir;
  std::mt19937 rng(11);
  std::uniform_int_distribution<int> word(0, 199);
  NamespaceText index(kTextbook);
  for (int64_t label = 1; label <= 800; ++label) {
    std::vector<std::string> words;
    for (int i = 0; i < 12; ++i) words.push_back("w" + std::to_string(word(rng)));
    index.add(label * 10, terms_of(words));
  }
  for (int64_t label = 1; label <= 800; label += 7) index.remove(label * 10);  // dead slots, not compacted
  bool loaded_ok = false;
  auto loaded = save_and_load(index, dir.path() + "/text.snapshot", loaded_ok);
  ASSERT_TRUE(loaded_ok);
  EXPECT_EQ(loaded->size(), index.size());
  EXPECT_EQ(loaded->distinct_terms(), index.distinct_terms());
  for (int query = 0; query < 100; ++query) {
    const std::vector<std::string> terms = {"w" + std::to_string(word(rng)), "w" + std::to_string(word(rng))};
    const auto expected = index.search(terms, 20);
    const auto got = loaded->search(terms, 20);
    ASSERT_EQ(got.size(), expected.size());
    for (size_t i = 0; i < got.size(); ++i) {
      EXPECT_EQ(got[i].label, expected[i].label);
      EXPECT_DOUBLE_EQ(got[i].score, expected[i].score);
    }
  }
  EXPECT_EQ(loaded->neighbours(20), index.neighbours(20));
  EXPECT_EQ(loaded->neighbours(90), (std::vector<int64_t>{70, 100}));  // 80 was removed
  // The loaded index keeps working: replace, remove, add.
  loaded->add(20, terms_of({"replacement"}));
  loaded->remove(30);
  loaded->add(9999, terms_of({"replacement", "fresh"}));
  const auto hits = loaded->search({"replacement"}, 5);
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(loaded->size(), index.size());
}

TEST(NamespaceTextTest, ASnapshotThatIsNotAWellFormedIndexIsRefused) {
  testing::TempDir dir;
  const std::string path = dir.path() + "/bad.snapshot";
  auto write = [&](std::vector<int64_t> labels, std::vector<uint32_t> slots) {
    auto out = snapshot::BinaryFileWriter::create(path);
    ASSERT_TRUE(out.ok());
    out->put_array<int64_t>(labels);
    out->put_array<uint32_t>(std::vector<uint32_t>(labels.size(), 1));  // lengths
    out->put<uint64_t>(1);
    out->put_string("term");
    out->put_array<uint32_t>(slots);
    out->put_array<uint16_t>(std::vector<uint16_t>(slots.size(), 1));
    ASSERT_TRUE(out->commit().ok());
  };
  auto loads = [&] {
    auto in = snapshot::BinaryFileReader::open(path);
    EXPECT_TRUE(in.ok());
    NamespaceText index(kTextbook);
    index.load(*in);
    return in->ok();
  };
  write({5, 6}, {0, 1});
  EXPECT_TRUE(loads());
  write({5, 6}, {1, 0});  // postings out of order
  EXPECT_FALSE(loads());
  write({5, 6}, {0, 2});  // a slot past the documents
  EXPECT_FALSE(loads());
  write({5, 5}, {0, 1});  // one label in two slots
  EXPECT_FALSE(loads());
}

}  // namespace
}  // namespace hirag::store::text
