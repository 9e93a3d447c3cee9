// Fusion of the retrievers' ranked lists: each list's scores divided by its best,
// weighted, averaged over the lists that ran; best first, ties by older item.
#include <gtest/gtest.h>

#include "retrieval/fusion.hpp"

namespace hirag::retrieval {
namespace {

RankedList list(std::vector<int64_t> seqs, std::vector<double> scores, double weight = 1.0) {
  return RankedList{std::move(seqs), std::move(scores), weight};
}

TEST(FusionTest, OneListIsScaledByItsBestScoreAndKeepsItsRanks) {
  const auto fused = fuse_ranked(list({7, 3, 9}, {8.0, 4.0, 4.0}), RankedList{});
  ASSERT_EQ(fused.size(), 3u);
  EXPECT_EQ(fused[0].seq, 7);
  EXPECT_DOUBLE_EQ(fused[0].similarity, 1.0);
  EXPECT_EQ(fused[1].seq, 3) << "equal similarity: the older (lower seq) first";
  EXPECT_DOUBLE_EQ(fused[1].similarity, 0.5);
  EXPECT_EQ(fused[1].text_rank, 2u);
  EXPECT_EQ(fused[2].seq, 9);
  EXPECT_EQ(fused[2].text_rank, 3u);
  EXPECT_FALSE(fused[0].vector_rank.has_value());
}

TEST(FusionTest, TwoListsAreAWeightedMeanAndAnItemMissingFromOneGetsNothingThere) {
  // Text (weight 1): 1 best, 2 at half. Vector (weight 3): 2 best, 5 at a quarter.
  const auto fused = fuse_ranked(list({1, 2}, {10.0, 5.0}), list({2, 5}, {0.8, 0.2}, 3.0));
  ASSERT_EQ(fused.size(), 3u);
  EXPECT_EQ(fused[0].seq, 2);
  EXPECT_DOUBLE_EQ(fused[0].similarity, (1.0 * 0.5 + 3.0 * 1.0) / 4.0);
  EXPECT_EQ(fused[0].text_rank, 2u);
  EXPECT_EQ(fused[0].vector_rank, 1u);
  EXPECT_EQ(fused[1].seq, 1);
  EXPECT_DOUBLE_EQ(fused[1].similarity, 1.0 / 4.0);
  EXPECT_FALSE(fused[1].vector_rank.has_value());
  EXPECT_EQ(fused[2].seq, 5);
  EXPECT_DOUBLE_EQ(fused[2].similarity, 3.0 * 0.25 / 4.0);
}

TEST(FusionTest, NegativeScoresCountAsZeroAndNoListsGiveNothing) {
  const auto fused = fuse_ranked(RankedList{}, list({4, 6}, {0.5, -0.3}));
  ASSERT_EQ(fused.size(), 2u);
  EXPECT_DOUBLE_EQ(fused[1].similarity, 0.0);
  EXPECT_TRUE(fuse_ranked(RankedList{}, RankedList{}).empty());
}

}  // namespace
}  // namespace hirag::retrieval
