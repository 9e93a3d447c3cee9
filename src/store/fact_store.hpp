// store/fact_store: the system of record for facts (subject–predicate–object
// triples with provenance and validity), as facts/ sees it. Backend-neutral: no
// SQL here. Every call is scoped by tenant and namespace. Writes run as one unit
// of work (FactStore::write): the caller's decisions (dedup, contradiction) are
// made on what the transaction reads, and either all of them commit or none.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace hirag::store {

// Where a fact was read: a document page or region, a vision-token reference, a
// code location ("path:line"). Every part optional.
struct FactAnchor {
  std::optional<std::string> doc_id;
  std::optional<int64_t> page;
  std::optional<std::string> region_id;
  std::optional<std::string> vt_ref;
  std::optional<std::string> path_line;

  bool operator==(const FactAnchor&) const = default;
};

struct FactRecord {
  int64_t seq = 0;  // store-assigned, increasing: the stable order of queries and the full-text label
  std::string id;   // UUIDv7
  std::string tenant;
  std::string name_space;
  std::string subject;
  std::string predicate;
  std::string object;
  std::string datatype = "string";  // string | number | date | bool | entity
  double confidence = 1.0;
  std::optional<std::string> source_doc;
  std::vector<FactAnchor> anchors;  // newest last, bounded by facts.max_anchors
  int64_t observed_at_ms = 0;       // latest observation
  std::optional<int64_t> valid_from_ms;  // when it became true in the world (null: unknown)
  std::optional<int64_t> valid_to_ms;    // when it stopped being true (null: still true)
  int64_t created_at_ms = 0;             // when hirag learnt it
  std::optional<int64_t> invalidated_at_ms;  // when hirag retired it (a contradiction)
  int64_t observations = 1;
  std::string hash;      // normalized subject|predicate|object (facts/normalize)
  std::string key_hash;  // normalized subject|predicate: the versions of one property
  // The normalized fields, which exact queries match.
  std::string subject_key;
  std::string predicate_key;
  std::string object_key;
};

struct FactQuery {
  std::string tenant;
  std::string name_space;
  std::optional<std::string> subject_key;  // normalized
  std::optional<std::string> predicate_key;
  std::optional<std::string> object_key;
  std::optional<std::string> source_doc;
  std::optional<double> min_confidence;
  std::optional<int64_t> as_of_ms;  // valid at that time (closed versions included)
  bool include_invalidated = false;
  int64_t after_seq = 0;  // the cursor
  int64_t limit = 100;
};

struct FactPage {
  std::vector<FactRecord> facts;  // by seq
  int64_t total = 0;              // facts matching the query, all pages together
  std::optional<int64_t> next_after_seq;
};

// The reads and writes of one transaction (valid only inside FactStore::write).
class FactTransaction {
 public:
  virtual ~FactTransaction() = default;
  // The current (not invalidated) fact with this hash, if any.
  virtual Result<std::optional<FactRecord>> current_by_hash(const std::string& tenant, const std::string& name_space,
                                                            const std::string& hash) = 0;
  // The current facts of one subject+predicate.
  virtual Result<std::vector<FactRecord>> current_by_key(const std::string& tenant, const std::string& name_space,
                                                         const std::string& key_hash) = 0;
  // Inserts `fact` and sets its seq.
  virtual Status insert(FactRecord& fact) = 0;
  // Rewrites the mutable parts of a stored fact: confidence, anchors, source_doc,
  // observed_at, observations, valid_to, invalidated_at.
  virtual Status update(const FactRecord& fact) = 0;
};

class FactStore {
 public:
  virtual ~FactStore() = default;

  // Runs `work` in one transaction; commits (durably) only if it succeeds.
  virtual Status write(const std::function<Status(FactTransaction&)>& work) = 0;
  virtual Result<FactPage> query(const FactQuery& query) = 0;
  virtual Result<std::optional<FactRecord>> get(const std::string& tenant, const std::string& name_space,
                                                const std::string& id) = 0;
  // Every version of one subject+predicate, oldest first.
  virtual Result<std::vector<FactRecord>> history(const std::string& tenant, const std::string& name_space,
                                                  const std::string& key_hash) = 0;
  // Removes one fact; the removed fact, or nullopt when it did not exist.
  virtual Result<std::optional<FactRecord>> remove(const std::string& tenant, const std::string& name_space,
                                                   const std::string& id) = 0;
  // Every current fact, in seq order, in pages (for rebuilding the full-text index).
  virtual Status scan_current(const std::function<void(const FactRecord&)>& visit) = 0;
  // The facts with these seqs in one namespace (those that still exist).
  virtual Result<std::vector<FactRecord>> by_seqs(const std::string& tenant, const std::string& name_space,
                                                  const std::vector<int64_t>& seqs) = 0;
};

}  // namespace hirag::store
