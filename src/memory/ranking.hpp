// memory/ranking: the composite rank of a candidate (the seed's formula, with
// configurable weights and recency half-life): w_sim * similarity + w_rec *
// recency + w_lvl * level + w_freq * frequency, every part in [0, 1].
#pragma once

#include <cstdint>

#include "core/config.hpp"
#include "memory/item_catalog.hpp"
#include "memory/memory_types.hpp"

namespace hirag::memory {

// 1.0 for Immediate, 0.7 ShortTerm, 0.5 LongTerm.
double level_score(Level level);
// 0.5 ^ (age_hours / half_life_hours); 1 for items from the future.
double recency_score(int64_t created_at_ms, int64_t now_ms, double half_life_hours);
// log10(1 + hits) / log10(101), capped at 1.
double frequency_score(int64_t hits);

// Fills parts.recency/level/frequency from the item's facts and returns the
// composite score (parts.similarity must be set).
double composite_score(const RetrievalConfig& config, const ItemFacts& item, int64_t now_ms, ScoreParts& parts);

}  // namespace hirag::memory
