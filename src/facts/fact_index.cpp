#include "facts/fact_index.hpp"

#include "retrieval/text_terms.hpp"

namespace hirag::facts {

std::string fact_text(const store::FactRecord& fact) {
  return fact.subject + " " + fact.predicate + " " + fact.object;
}

FactIndex::FactIndex(const RetrievalConfig& retrieval)
    : index_(store::text::TextScoring{retrieval.bm25_k1, retrieval.bm25_b,
                                      static_cast<size_t>(retrieval.max_query_terms)}) {}

void FactIndex::add(const store::FactRecord& fact) {
  index_.add(store::ItemKey{fact.seq, fact.tenant, fact.name_space}, retrieval::document_terms(fact_text(fact)));
}

void FactIndex::remove(const store::FactRecord& fact) {
  index_.remove(store::ItemKey{fact.seq, fact.tenant, fact.name_space});
}

std::vector<store::text::TextHit> FactIndex::search(const std::string& tenant, const std::string& name_space,
                                                    const std::string& query, size_t k) const {
  return index_.search(tenant, name_space, retrieval::query_terms(query), k);
}

}  // namespace hirag::facts
