// store/vector/namespace_vectors: the vectors of one (tenant, namespace): a flat
// array (always; exact scan, graph rebuilds) and, above the exact-scan threshold,
// an HNSW graph. A write never inserts into the graph itself (an HNSW insert costs
// milliseconds): the label is marked pending, searches scan pending vectors exactly
// and merge them with the graph's answer, and the index's background thread
// drains pending labels into the graph a few at a time. While a graph is being
// built off-lock, changes are journalled and become pending when it is installed.
// Callers hold `mutex` (shared for search, exclusive for changes).
#pragma once

#include <memory>
#include <shared_mutex>
#include <deque>
#include <boost/unordered/unordered_flat_map.hpp>
#include <unordered_set>
#include <vector>

#include "store/vector/hnsw_graph.hpp"

namespace hirag::store::vector {

class NamespaceVectors {
 public:
  explicit NamespaceVectors(size_t dimension) : dimension_(dimension) {}

  void add(int64_t label, std::span<const float> vector);
  void remove(int64_t label);
  std::vector<VectorHit> search(std::span<const float> query, size_t k) const;
  size_t size() const { return labels_.size(); }
  bool has_graph() const { return graph_ != nullptr; }
  bool has_pending() const { return !pending_set_.empty(); }
  // Inserts up to `limit` pending labels into the graph; returns how many.
  size_t drain_pending(size_t limit);

  // Graph life cycle: start (marks building, returns a snapshot to build from),
  // then install (replays what changed meanwhile).
  bool needs_graph(size_t threshold) const { return !graph_ && !building_ && size() >= threshold; }
  struct Snapshot {
    std::vector<int64_t> labels;
    std::vector<float> data;
  };
  Snapshot start_graph_build();
  void install_graph(std::unique_ptr<HnswGraph> graph);

  mutable std::shared_mutex mutex;

 private:
  const float* vector_of(size_t slot) const { return data_.data() + slot * dimension_; }
  void mark_pending(int64_t label);

  size_t dimension_;
  std::vector<int64_t> labels_;
  std::vector<float> data_;
  boost::unordered_flat_map<int64_t, size_t> slots_;
  std::unique_ptr<HnswGraph> graph_;
  bool building_ = false;
  std::vector<int64_t> journal_;  // labels changed while building
  std::deque<int64_t> pending_;   // labels the graph lacks or has a stale vector of, oldest first
  std::unordered_set<int64_t> pending_set_;
};

}  // namespace hirag::store::vector
