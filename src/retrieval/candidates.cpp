#include "retrieval/candidates.hpp"

namespace hirag::retrieval {

Candidates generate_candidates(const CandidateSources& sources, const RetrievalConfig& config,
                               const std::string& tenant, const std::string& name_space,
                               const AnalysedQuery& query, size_t count) {
  RankedList text;
  RankedList vector;
  for (const auto& hit : sources.text.search(tenant, name_space, query.terms, count)) {
    text.seqs.push_back(hit.label);
    text.scores.push_back(hit.score);
  }
  if (query.vector) {
    vector.weight = kVectorWeight;
    for (const auto& hit : sources.vectors.search(tenant, name_space, *query.vector, count)) {
      vector.seqs.push_back(hit.label);
      vector.scores.push_back(hit.score);
    }
  }
  Candidates found{fuse_ranked(text, vector), text.seqs.size() < count && vector.seqs.size() < count};
  add_neighbours(
      found.fused, config.neighbour_weight, static_cast<size_t>(config.neighbour_sources),
      [&](std::span<const int64_t> seqs) { return sources.text.neighbours(tenant, name_space, seqs); },
      sources.sessions);
  return found;
}

}  // namespace hirag::retrieval
