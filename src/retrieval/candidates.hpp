// retrieval/candidates: candidate generation. Asks each retriever that runs
// (the full-text index with the query's terms, the vector index with its
// embedding) for up to `count` matches in the namespace, fuses the lists
// (retrieval/fusion) and adds the neighbours of the best (retrieval/neighbours).
#pragma once

#include <string>
#include <vector>

#include "core/config.hpp"
#include "retrieval/fusion.hpp"
#include "retrieval/neighbours.hpp"
#include "retrieval/query_analysis.hpp"
#include "store/text/text_index.hpp"
#include "store/vector/vector_index.hpp"

namespace hirag::retrieval {

// Weight of the vector list against the full-text list (1.0) in fusion (best of
// 0.1/0.3/0.5/1.0 on LoCoMo dev with the local embedder).
inline constexpr double kVectorWeight = 0.3;

struct Candidates {
  std::vector<FusedCandidate> fused;  // best first, then the neighbours added
  bool exhausted = false;             // every retriever gave fewer than asked: none has more
};

// The indexes a search reads, and the session of each item (for neighbours).
struct CandidateSources {
  const store::text::TextIndex& text;
  const store::vector::VectorIndex& vectors;
  SessionLookup sessions;
};

Candidates generate_candidates(const CandidateSources& sources, const RetrievalConfig& config,
                               const std::string& tenant, const std::string& name_space,
                               const AnalysedQuery& query, size_t count);

}  // namespace hirag::retrieval
