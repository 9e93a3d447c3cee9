#include "cli/fact_ports.hpp"

namespace hirag::cli {

Result<std::vector<context::RelevantFact>> FactsForContext::relevant(const std::string& tenant,
                                                                     const std::string& name_space,
                                                                     const std::string& query, size_t top_k) {
  auto hits = facts_.search(tenant, facts::SearchRequest{name_space, query, static_cast<int64_t>(top_k)});
  if (!hits) return std::move(hits).error();
  std::vector<context::RelevantFact> relevant;
  relevant.reserve(hits->size());
  for (auto& hit : *hits) {
    auto& fact = hit.fact;
    relevant.push_back({std::move(fact.id), std::move(fact.subject), std::move(fact.predicate), std::move(fact.object),
                        fact.valid_from_ms, fact.valid_to_ms, hit.score});
  }
  return relevant;
}

}  // namespace hirag::cli
