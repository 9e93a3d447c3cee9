// store/text/namespace_text: the full-text index of one (tenant, namespace): an
// in-memory inverted index of analysed terms with BM25 scoring and MaxScore
// top-k, so a query reads only as much of its common terms' postings as can
// still change the result (SQLite FTS5 scored every document matching any term
// before its LIMIT: 44 ms at 100k items). Statistics are per namespace, so no
// tenant's scores depend on another tenant's data.
//
// Removal marks the document's slot dead; postings and statistics keep counting
// it until the next compaction (as Lucene does until a merge), which runs once a
// quarter of the slots are dead. Callers hold `mutex` (shared for search,
// exclusive for changes).
#pragma once

#include <cstdint>
#include <shared_mutex>
#include <string>
#include <boost/unordered/unordered_flat_map.hpp>
#include <vector>

#include "store/snapshot/binary_file.hpp"

namespace hirag::store::text {

// A full-text candidate: higher score = better match (BM25).
struct TextHit {
  int64_t label = 0;
  double score = 0;
};

// A document's analysed terms with their frequencies, each term once.
struct TermCount {
  std::string term;
  uint32_t count = 0;
};

// How queries are scored; the defaults are configuration (retrieval.bm25_k1,
// retrieval.bm25_b, retrieval.max_query_terms).
struct TextScoring {
  double k1;
  double b;
  // A longer query keeps only its this many most informative terms (highest score
  // bound), as Lucene's MoreLikeThis does: a whole turn used as a query would
  // otherwise walk the postings of every word in it.
  size_t max_query_terms;
};

class NamespaceText {
 public:
  explicit NamespaceText(TextScoring parameters) : parameters_(parameters) {}

  // Adds the document `label`, replacing an earlier version of it.
  void add(int64_t label, const std::vector<TermCount>& terms);
  void remove(int64_t label);
  // The k best documents containing any of `terms` (distinct; at most
  // max_query_terms of them count), best first; equal scores keep the older
  // document first.
  std::vector<TextHit> search(const std::vector<std::string>& terms, size_t k) const;

  // The live documents indexed just before and just after `label` (in the order
  // they were added, which is the order they were stored); none for an unknown label.
  std::vector<int64_t> neighbours(int64_t label) const;

  // The whole index into a snapshot, and back: load() fills an empty index and
  // fails the reader on anything that is not a well-formed index.
  void save(snapshot::BinaryFileWriter& out) const;
  void load(snapshot::BinaryFileReader& in);

  size_t size() const { return slots_.size(); }
  size_t distinct_terms() const { return term_ids_.size(); }
  // Heap bytes of the postings, documents and dictionary (approximate).
  size_t memory_bytes() const;

  mutable std::shared_mutex mutex;

 private:
  // A term in one document: its count and the document's length, which BM25's
  // length norm needs for every posting scored (kept here, beside the count, so
  // that scoring reads the postings in order and nothing at random). Lengths
  // above 65,535 terms count as 65,535.
  struct Occurrence {
    uint16_t count;
    uint16_t length;
  };
  struct Postings {
    std::vector<uint32_t> slots;  // increasing
    std::vector<Occurrence> occurrences;
    uint16_t max_count = 0;
  };
  struct Cursor;

  uint32_t term_id(const std::string& term);
  double upper_bound(const Postings& postings, double idf) const;
  void compact();
  // Rebuilds the live-label map and the length statistics from labels_ and lengths_.
  bool restore_derived();

  TextScoring parameters_;
  boost::unordered_flat_map<std::string, uint32_t> term_ids_;
  std::vector<Postings> postings_;                // by term id
  std::vector<int64_t> labels_;                   // by slot; kDead once removed
  std::vector<bool> dead_;                        // by slot: labels_[slot] == kDead, in 1/64 of the bytes
  std::vector<uint32_t> lengths_;                 // by slot, in terms
  boost::unordered_flat_map<int64_t, uint32_t> slots_;   // live label -> slot
  uint64_t total_length_ = 0;                     // over all slots, dead ones included
  uint32_t min_length_ = UINT32_MAX;              // never above any live document's (scoring) length
};

}  // namespace hirag::store::text
