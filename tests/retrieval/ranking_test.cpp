// The composite rank: each part's scale, and the order rank_candidates gives the
// fused candidates (filtered on their facts, by composite score, ties in fused order).
#include <gtest/gtest.h>

#include "retrieval/ranking.hpp"

namespace hirag::retrieval {
namespace {

constexpr int64_t kNow = 1'700'000'000'000;
constexpr int64_t kHour = 3'600'000;

FusedCandidate fused(int64_t seq, double similarity) {
  FusedCandidate candidate;
  candidate.seq = seq;
  candidate.similarity = similarity;
  return candidate;
}

ItemFacts facts(store::Level level = store::Level::LongTerm, int64_t created_at_ms = kNow, int64_t hits = 0) {
  ItemFacts item;
  item.level = level;
  item.created_at_ms = created_at_ms;
  item.access_count = hits;
  item.token_count = 7;
  return item;
}

// Only similarity counts unless a test says otherwise.
RetrievalConfig similarity_only() {
  RetrievalConfig config;
  config.weight_similarity = 1;
  config.weight_recency = 0;
  config.weight_level = 0;
  config.weight_frequency = 0;
  return config;
}

std::vector<int64_t> seqs(const std::vector<RankedCandidate>& ranked) {
  std::vector<int64_t> out;
  for (const auto& candidate : ranked) out.push_back(candidate.seq);
  return out;
}

TEST(RankingTest, LevelsScoreWorkingMemoryHighest) {
  EXPECT_DOUBLE_EQ(level_score(store::Level::Immediate), 1.0);
  EXPECT_DOUBLE_EQ(level_score(store::Level::ShortTerm), 0.7);
  EXPECT_DOUBLE_EQ(level_score(store::Level::LongTerm), 0.5);
}

TEST(RankingTest, RecencyHalvesEveryHalfLifeAndIsOneForTheFuture) {
  EXPECT_DOUBLE_EQ(recency_score(kNow, kNow, 24), 1.0);
  EXPECT_DOUBLE_EQ(recency_score(kNow - 24 * kHour, kNow, 24), 0.5);
  EXPECT_DOUBLE_EQ(recency_score(kNow - 48 * kHour, kNow, 24), 0.25);
  EXPECT_DOUBLE_EQ(recency_score(kNow + kHour, kNow, 24), 1.0) << "a created_at in the future is not a bonus";
}

TEST(RankingTest, FrequencyGrowsWithHitsAndReachesOneAtAHundred) {
  EXPECT_DOUBLE_EQ(frequency_score(0), 0.0);
  EXPECT_GT(frequency_score(1), 0.0);
  EXPECT_LT(frequency_score(9), frequency_score(10));
  EXPECT_NEAR(frequency_score(100), 1.0, 1e-12);
  EXPECT_DOUBLE_EQ(frequency_score(100'000), 1.0) << "capped";
}

TEST(RankingTest, CompositeScoreIsTheWeightedSumOfItsParts) {
  RetrievalConfig config;
  config.weight_similarity = 0.5;
  config.weight_recency = 0.2;
  config.weight_level = 0.2;
  config.weight_frequency = 0.1;
  config.recency_half_life_hours = 24;
  ScoreParts parts;
  parts.similarity = 0.8;
  const double score = composite_score(config, facts(store::Level::ShortTerm, kNow - 24 * kHour, 100), kNow, parts);
  EXPECT_DOUBLE_EQ(parts.recency, 0.5);
  EXPECT_DOUBLE_EQ(parts.level, 0.7);
  EXPECT_NEAR(parts.frequency, 1.0, 1e-12);
  EXPECT_NEAR(score, 0.5 * 0.8 + 0.2 * 0.5 + 0.2 * 0.7 + 0.1 * 1.0, 1e-12);
}

TEST(RankingTest, CandidatesAreOrderedByScoreWithTiesInFusedOrder) {
  const std::vector<FusedCandidate> candidates{fused(1, 0.2), fused(2, 0.9), fused(3, 0.5), fused(4, 0.5)};
  const std::vector<std::optional<ItemFacts>> known(4, facts());
  const auto ranked = rank_candidates(similarity_only(), candidates, known, Filters{}, kNow);
  EXPECT_EQ(seqs(ranked), (std::vector<int64_t>{2, 3, 4, 1}));
  EXPECT_DOUBLE_EQ(ranked[0].score, 0.9);
  EXPECT_EQ(ranked[0].token_count, 7);
}

TEST(RankingTest, RecencyAndLevelCanOutrankASlightlyBetterMatch) {
  RetrievalConfig config = similarity_only();
  config.weight_similarity = 0.6;
  config.weight_recency = 0.2;
  config.weight_level = 0.2;
  config.recency_half_life_hours = 24;
  const std::vector<FusedCandidate> candidates{fused(1, 0.9), fused(2, 0.8)};
  const std::vector<std::optional<ItemFacts>> known{facts(store::Level::LongTerm, kNow - 30 * 24 * kHour),
                                                    facts(store::Level::Immediate, kNow)};
  EXPECT_EQ(seqs(rank_candidates(config, candidates, known, Filters{}, kNow)), (std::vector<int64_t>{2, 1}));
}

TEST(RankingTest, CandidatesWithoutFactsOrFailingAFilterAreLeftOut) {
  const std::vector<FusedCandidate> candidates{fused(1, 0.9), fused(2, 0.8), fused(3, 0.7), fused(4, 0.6)};
  auto expired = facts();
  expired.expires_at_ms = kNow;
  const std::vector<std::optional<ItemFacts>> known{facts(), std::nullopt, expired,
                                                    facts(store::Level::Immediate)};
  EXPECT_EQ(seqs(rank_candidates(similarity_only(), candidates, known, Filters{}, kNow)),
            (std::vector<int64_t>{1, 4}))
      << "removed since it was found (no facts) and expired are dropped";
  const std::vector<store::Level> immediate{store::Level::Immediate};
  Filters filters;
  filters.levels = immediate;
  EXPECT_EQ(seqs(rank_candidates(similarity_only(), candidates, known, filters, kNow)), (std::vector<int64_t>{4}));
}

TEST(RankingTest, TheFusedRanksAndNeighbourOriginAreKeptForExplain) {
  auto by_text = fused(1, 0.9);
  by_text.text_rank = 1;
  by_text.vector_rank = 3;
  auto lent = fused(2, 0.4);
  lent.neighbour_of = 1;
  const std::vector<std::optional<ItemFacts>> known(2, facts());
  const auto ranked = rank_candidates(similarity_only(), std::vector{by_text, lent}, known, Filters{}, kNow);
  ASSERT_EQ(ranked.size(), 2u);
  EXPECT_EQ(ranked[0].parts.text_rank, 1u);
  EXPECT_EQ(ranked[0].parts.vector_rank, 3u);
  EXPECT_FALSE(ranked[0].parts.via_neighbour);
  EXPECT_TRUE(ranked[1].parts.via_neighbour);
  EXPECT_FALSE(ranked[1].parts.text_rank.has_value());
}

}  // namespace
}  // namespace hirag::retrieval
