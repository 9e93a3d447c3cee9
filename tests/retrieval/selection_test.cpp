// Selection: the best ranked candidates that pass their row's filters and fit the
// token budget, up to top_k, reading as few rows as it can.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <map>

#include "retrieval/selection.hpp"

namespace hirag::retrieval {
namespace {

constexpr int64_t kNow = 1'700'000'000'000;

RankedCandidate ranked(int64_t seq, int64_t tokens = 10) {
  RankedCandidate candidate;
  candidate.seq = seq;
  candidate.token_count = tokens;
  candidate.score = 1.0 / static_cast<double>(seq);
  return candidate;
}

// A store of rows by seq that records every read.
struct FakeRows {
  std::map<int64_t, store::MemoryItem> rows;
  std::vector<std::vector<int64_t>> reads;

  void add(int64_t seq, int64_t tokens = 10, std::string metadata = "{}") {
    store::MemoryItem item;
    item.seq = seq;
    item.token_count = tokens;
    item.metadata_json = std::move(metadata);
    rows[seq] = item;
  }
  FetchRowsFn fetch() {
    return [this](const std::vector<int64_t>& seqs) -> Result<std::vector<store::MemoryItem>> {
      reads.push_back(seqs);
      std::vector<store::MemoryItem> found;
      for (int64_t seq : seqs) {
        if (rows.contains(seq)) found.push_back(rows[seq]);
      }
      return found;
    };
  }
};

std::vector<int64_t> seqs(const Selection& selection) {
  std::vector<int64_t> out;
  for (const auto& scored : selection.items) out.push_back(scored.item.seq);
  return out;
}

TEST(SelectionTest, TakesTheBestTopKInOneRead) {
  FakeRows store;
  for (int64_t seq = 1; seq <= 5; ++seq) store.add(seq);
  const std::vector<RankedCandidate> candidates{ranked(1), ranked(2), ranked(3), ranked(4), ranked(5)};
  const auto selection = select_results(candidates, Filters{}, 3, std::nullopt, kNow, store.fetch());
  ASSERT_TRUE(selection.ok());
  EXPECT_EQ(seqs(*selection), (std::vector<int64_t>{1, 2, 3}));
  EXPECT_EQ(selection->total_tokens, 30);
  EXPECT_FALSE(selection->over_budget);
  ASSERT_EQ(store.reads.size(), 1u);
  EXPECT_EQ(store.reads[0].size(), 3u) << "only the rows that are returned are read";
  EXPECT_DOUBLE_EQ(selection->items[1].score, 0.5);
}

TEST(SelectionTest, ARowGoneSinceRankingIsReplacedByTheNextCandidate) {
  FakeRows store;
  for (int64_t seq : {1, 3, 4}) store.add(seq);
  const std::vector<RankedCandidate> candidates{ranked(1), ranked(2), ranked(3), ranked(4)};
  const auto selection = select_results(candidates, Filters{}, 2, std::nullopt, kNow, store.fetch());
  ASSERT_TRUE(selection.ok());
  EXPECT_EQ(seqs(*selection), (std::vector<int64_t>{1, 3}));
  EXPECT_EQ(store.reads.size(), 2u);
}

TEST(SelectionTest, ACandidateOverTheBudgetIsSkippedAndSmallerOnesStillFill) {
  FakeRows store;
  store.add(1, 60);
  store.add(2, 50);
  store.add(3, 30);
  const std::vector<RankedCandidate> candidates{ranked(1, 60), ranked(2, 50), ranked(3, 30)};
  const auto selection = select_results(candidates, Filters{}, 10, 100, kNow, store.fetch());
  ASSERT_TRUE(selection.ok());
  EXPECT_EQ(seqs(*selection), (std::vector<int64_t>{1, 3}));
  EXPECT_EQ(selection->total_tokens, 90);
  EXPECT_TRUE(selection->over_budget) << "the budget, not the candidates, bounded the result";
}

TEST(SelectionTest, AMetadataFilterReadsPastTopKUntilEnoughRowsMatch) {
  FakeRows store;
  store.add(1, 10, R"({"kind":"chat"})");
  store.add(2, 10, R"({"kind":"fact"})");
  store.add(3, 10, R"({"kind":"chat"})");
  store.add(4, 10, R"({"kind":"fact"})");
  const auto wanted = boost::json::parse(R"({"kind":"fact"})").as_object();
  Filters filters;
  filters.metadata = &wanted;
  const std::vector<RankedCandidate> candidates{ranked(1), ranked(2), ranked(3), ranked(4)};
  const auto selection = select_results(candidates, filters, 2, std::nullopt, kNow, store.fetch());
  ASSERT_TRUE(selection.ok());
  EXPECT_EQ(seqs(*selection), (std::vector<int64_t>{2, 4}));
}

TEST(SelectionTest, AFailedReadIsTheSearchsError) {
  const std::vector<RankedCandidate> candidates{ranked(1)};
  const FetchRowsFn failing = [](const std::vector<int64_t>&) -> Result<std::vector<store::MemoryItem>> {
    return Error::internal("disk gone");
  };
  const auto selection = select_results(candidates, Filters{}, 1, std::nullopt, kNow, failing);
  ASSERT_FALSE(selection.ok());
  EXPECT_EQ(selection.error().message, "disk gone");
}

}  // namespace
}  // namespace hirag::retrieval
