#include "retrieval/ranking.hpp"

#include <algorithm>
#include <cmath>

namespace hirag::retrieval {

double level_score(store::Level level) {
  switch (level) {
    case store::Level::Immediate: return 1.0;
    case store::Level::ShortTerm: return 0.7;
    case store::Level::LongTerm: return 0.5;
  }
  return 0.5;
}

double recency_score(int64_t created_at_ms, int64_t now_ms, double half_life_hours) {
  const double age_hours = static_cast<double>(std::max<int64_t>(0, now_ms - created_at_ms)) / 3'600'000.0;
  return std::exp2(-age_hours / half_life_hours);
}

double frequency_score(int64_t hits) {
  if (hits <= 0) return 0;
  return std::min(1.0, std::log10(1.0 + static_cast<double>(hits)) / 2.0043213737826426);  // log10(101)
}

double composite_score(const RetrievalConfig& config, const ItemFacts& item, int64_t now_ms, ScoreParts& parts) {
  parts.recency = recency_score(item.created_at_ms, now_ms, config.recency_half_life_hours);
  parts.level = level_score(item.level);
  parts.frequency = frequency_score(item.access_count);
  return config.weight_similarity * parts.similarity + config.weight_recency * parts.recency +
         config.weight_level * parts.level + config.weight_frequency * parts.frequency;
}

std::vector<RankedCandidate> rank_candidates(const RetrievalConfig& config, std::span<const FusedCandidate> fused,
                                             std::span<const std::optional<ItemFacts>> facts,
                                             const Filters& filters, int64_t now_ms) {
  std::vector<RankedCandidate> ranked;
  ranked.reserve(fused.size());
  for (size_t i = 0; i < fused.size(); ++i) {
    if (!facts[i] || !facts_match(*facts[i], filters, now_ms)) continue;
    RankedCandidate entry;
    entry.seq = fused[i].seq;
    entry.token_count = facts[i]->token_count;
    entry.parts.similarity = fused[i].similarity;
    entry.parts.text_rank = fused[i].text_rank;
    entry.parts.vector_rank = fused[i].vector_rank;
    entry.parts.via_neighbour = fused[i].neighbour_of.has_value();
    entry.score = composite_score(config, *facts[i], now_ms, entry.parts);
    ranked.push_back(entry);
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const RankedCandidate& a, const RankedCandidate& b) { return a.score > b.score; });
  return ranked;
}

}  // namespace hirag::retrieval
