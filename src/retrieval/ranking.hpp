// retrieval/ranking: the composite rank of a candidate (the seed's formula, with
// configurable weights and recency half-life): w_sim * similarity + w_rec *
// recency + w_lvl * level + w_freq * frequency, every part in [0, 1].
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "core/config.hpp"
#include "retrieval/filters.hpp"
#include "retrieval/fusion.hpp"
#include "retrieval/item_facts.hpp"
#include "retrieval/scored_item.hpp"

namespace hirag::retrieval {

// 1.0 for Immediate, 0.7 ShortTerm, 0.5 LongTerm.
double level_score(store::Level level);
// 0.5 ^ (age_hours / half_life_hours); 1 for items from the future.
double recency_score(int64_t created_at_ms, int64_t now_ms, double half_life_hours);
// log10(1 + hits) / log10(101), capped at 1.
double frequency_score(int64_t hits);

// Fills parts.recency/level/frequency from the item's facts and returns the
// composite score (parts.similarity must be set).
double composite_score(const RetrievalConfig& config, const ItemFacts& item, int64_t now_ms, ScoreParts& parts);

struct RankedCandidate {
  int64_t seq = 0;
  int64_t token_count = 0;
  double score = 0;
  ScoreParts parts;
};

// The fused candidates that pass facts_match, by composite score, best first
// (equal scores keep the fused order). facts[i] belongs to fused[i]; a candidate
// without facts (removed since it was found) is left out.
std::vector<RankedCandidate> rank_candidates(const RetrievalConfig& config, std::span<const FusedCandidate> fused,
                                             std::span<const std::optional<ItemFacts>> facts,
                                             const Filters& filters, int64_t now_ms);

}  // namespace hirag::retrieval
