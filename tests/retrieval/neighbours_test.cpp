// Neighbours of the best matches join the candidates with a share of their similarity.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "retrieval/neighbours.hpp"

namespace hirag::retrieval {
namespace {

FusedCandidate candidate(int64_t seq, double similarity) {
  FusedCandidate c;
  c.seq = seq;
  c.similarity = similarity;
  return c;
}

// Items 1..9 stored in order; item n's neighbours are n-1 and n+1.
std::vector<std::vector<int64_t>> adjacent(std::span<const int64_t> seqs) {
  std::vector<std::vector<int64_t>> found;
  for (int64_t seq : seqs) found.push_back({seq - 1, seq + 1});
  return found;
}

// Every item in one session, except those in `apart`, each in a session of its own.
SessionLookup one_session_but(std::vector<int64_t> apart = {}) {
  return [apart](std::span<const int64_t> seqs) {
    std::vector<std::optional<uint64_t>> sessions;
    for (int64_t seq : seqs) {
      const bool alone = std::find(apart.begin(), apart.end(), seq) != apart.end();
      sessions.push_back(alone ? static_cast<uint64_t>(100 + seq) : 1);
    }
    return sessions;
  };
}

TEST(NeighboursTest, TheBestMatchesLendAShareOfTheirSimilarity) {
  std::vector<FusedCandidate> fused{candidate(5, 1.0), candidate(8, 0.5), candidate(2, 0.1)};
  add_neighbours(fused, 0.7, 2, adjacent, one_session_but());
  std::map<int64_t, FusedCandidate> by_seq;
  for (const auto& c : fused) by_seq[c.seq] = c;
  EXPECT_DOUBLE_EQ(by_seq.at(4).similarity, 0.7);
  EXPECT_DOUBLE_EQ(by_seq.at(6).similarity, 0.7);
  EXPECT_EQ(by_seq.at(6).neighbour_of, 5);
  EXPECT_DOUBLE_EQ(by_seq.at(7).similarity, 0.35);
  EXPECT_DOUBLE_EQ(by_seq.at(9).similarity, 0.35);
  EXPECT_FALSE(by_seq.contains(1));  // item 2 is not among the 2 sources
  EXPECT_FALSE(by_seq.at(5).neighbour_of.has_value());
  EXPECT_EQ(fused.size(), 7u);
}

TEST(NeighboursTest, ACandidateKeepsTheLargerSimilarity) {
  std::vector<FusedCandidate> fused{candidate(5, 1.0), candidate(6, 0.9), candidate(4, 0.2)};
  add_neighbours(fused, 0.5, 1, adjacent, one_session_but());
  ASSERT_EQ(fused.size(), 3u);
  EXPECT_DOUBLE_EQ(fused[1].similarity, 0.9);  // its own match is stronger than the lent 0.5
  EXPECT_FALSE(fused[1].neighbour_of.has_value());
  EXPECT_DOUBLE_EQ(fused[2].similarity, 0.5);
  EXPECT_EQ(fused[2].neighbour_of, 5);
}

TEST(NeighboursTest, NeverAcrossSessionsAndOffWithWeightZero) {
  std::vector<FusedCandidate> fused{candidate(5, 1.0)};
  add_neighbours(fused, 0.7, 10, adjacent, one_session_but({6}));
  ASSERT_EQ(fused.size(), 2u);
  EXPECT_EQ(fused[1].seq, 4);
  std::vector<FusedCandidate> off{candidate(5, 1.0)};
  add_neighbours(off, 0.0, 10, adjacent, one_session_but());
  EXPECT_EQ(off.size(), 1u);
  // An item the lookup does not know (deleted meanwhile) is in no session.
  std::vector<FusedCandidate> unknown{candidate(5, 1.0)};
  add_neighbours(unknown, 0.7, 10, adjacent, [](std::span<const int64_t> seqs) {
    std::vector<std::optional<uint64_t>> sessions(seqs.size(), 1);
    for (size_t i = 0; i < seqs.size(); ++i) {
      if (seqs[i] == 4) sessions[i].reset();
    }
    return sessions;
  });
  ASSERT_EQ(unknown.size(), 2u);
  EXPECT_EQ(unknown[1].seq, 6);
}

}  // namespace
}  // namespace hirag::retrieval
