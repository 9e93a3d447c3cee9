// facts/fact_index: full-text search over current facts, with the same machinery
// as memory items (store/text BM25 index per tenant and namespace, the analysis of
// retrieval/text_terms). A fact's document is its text form, "Alice works_at Acme"
// (words split at '_', so the predicate's words count). Like the items' index it
// is a cache of committed rows: built at start-up, kept in step after each write.
// Thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/config.hpp"
#include "store/fact_store.hpp"
#include "store/text/text_index.hpp"

namespace hirag::facts {

// "subject predicate object": what search matches and the context build shows.
std::string fact_text(const store::FactRecord& fact);

class FactIndex {
 public:
  explicit FactIndex(const RetrievalConfig& retrieval);

  void add(const store::FactRecord& fact);
  void remove(const store::FactRecord& fact);
  // The seqs of the k best matches in the namespace, best first, with their BM25 scores.
  std::vector<store::text::TextHit> search(const std::string& tenant, const std::string& name_space,
                                           const std::string& query, size_t k) const;

 private:
  store::text::TextIndex index_;
};

}  // namespace hirag::facts
