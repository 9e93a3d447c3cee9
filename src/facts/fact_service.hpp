// facts/fact_service: the facts API behind http/: validates, normalizes, dedups
// and resolves contradictions, all inside one store transaction per request
// (a batch is all or nothing), then answers queries, reads, history, deletes and
// full-text searches (facts/fact_index, kept in step with each commit).
// Every call is scoped by the caller's tenant and a namespace. Thread-safe.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/config.hpp"
#include "core/result.hpp"
#include "facts/fact.hpp"
#include "facts/fact_index.hpp"
#include "store/fact_store.hpp"

namespace hirag::facts {

// A query as the client sent it (fields not yet normalized).
struct QueryRequest {
  std::string name_space = "default";
  std::optional<std::string> subject;
  std::optional<std::string> predicate;
  std::optional<std::string> object;
  std::optional<std::string> source_doc;
  std::optional<double> min_confidence;
  std::optional<int64_t> as_of_ms;
  bool include_invalidated = false;
  std::optional<int64_t> limit;  // default and maximum: facts.max_facts_per_query
  std::optional<std::string> cursor;
};

struct QueryPage {
  std::vector<store::FactRecord> facts;
  int64_t total = 0;
  std::optional<std::string> next_cursor;
};

struct SearchRequest {
  std::string name_space = "default";
  std::string query;
  std::optional<int64_t> top_k;  // default 10, at most facts.max_facts_per_query
};

struct FactHit {
  store::FactRecord fact;
  double score = 0;  // BM25
};

class FactService {
 public:
  FactService(FactsConfig config, const RetrievalConfig& retrieval, std::unique_ptr<store::FactStore> store);

  // Builds the search index from the current facts (start-up; readiness waits for it).
  Status load();

  // Stores the facts in one transaction: all or none. `batch` names errors
  // "facts[i].field" instead of "field".
  Result<std::vector<InsertedFact>> insert(const std::string& tenant, const std::vector<NewFact>& facts, bool batch);
  Result<QueryPage> query(const std::string& tenant, const QueryRequest& request);
  Result<store::FactRecord> get(const std::string& tenant, const std::string& name_space, const std::string& id);
  // Every version of the fact's subject+predicate, oldest first.
  Result<std::vector<store::FactRecord>> history(const std::string& tenant, const std::string& name_space,
                                                 const std::string& id);
  Status remove(const std::string& tenant, const std::string& name_space, const std::string& id);
  // Current facts whose text form best matches the query (BM25), best first.
  Result<std::vector<FactHit>> search(const std::string& tenant, const SearchRequest& request);

 private:
  // What a write changed in the set of current facts, for the search index.
  struct IndexChanges {
    std::vector<store::FactRecord> added;
    std::vector<store::FactRecord> closed;
  };

  Status check(const std::vector<NewFact>& facts, bool batch) const;
  store::FactRecord make_record(const std::string& tenant, const NewFact& fact, int64_t now_ms) const;
  Result<InsertedFact> apply(store::FactTransaction& tx, store::FactRecord record, bool single_valued, int64_t now_ms,
                             IndexChanges& changes);
  bool is_single_valued(const NewFact& fact, const std::string& predicate_key) const;

  FactsConfig config_;
  std::set<std::string, std::less<>> single_valued_;  // normalized predicates
  std::unique_ptr<store::FactStore> store_;
  // Held from before a write's commit until the index has it, so the index applies
  // writes in commit order (a close must not overtake the insert it closes).
  std::mutex write_order_;
  FactIndex index_;
};

}  // namespace hirag::facts
