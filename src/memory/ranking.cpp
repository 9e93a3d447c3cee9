#include "memory/ranking.hpp"

#include <algorithm>
#include <cmath>

namespace hirag::memory {

double level_score(Level level) {
  switch (level) {
    case Level::Immediate: return 1.0;
    case Level::ShortTerm: return 0.7;
    case Level::LongTerm: return 0.5;
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

}  // namespace hirag::memory
