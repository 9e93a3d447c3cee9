// store/vector/vector_index: the in-memory vector index of every (tenant,
// namespace). A cache of the embeddings the ItemStore holds: filled at start-up,
// kept in step after each commit. Small namespaces are scanned exactly; once one
// reaches `exact_scan_threshold` vectors a background thread builds its HNSW
// graph (searches stay exact until it is installed) and afterwards inserts each
// new vector into it, off the write path. Thread-safe.
#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "store/memory_item.hpp"
#include "store/namespace_map.hpp"
#include "store/vector/exact_scan.hpp"

namespace hirag::store::vector {

class NamespaceVectors;

struct VectorIndexStats {
  size_t vectors = 0;
  size_t namespaces = 0;
  size_t graphs = 0;
};

class VectorIndex {
 public:
  VectorIndex(size_t dimension, size_t exact_scan_threshold);
  ~VectorIndex();  // stops the graph builder
  VectorIndex(const VectorIndex&) = delete;
  VectorIndex& operator=(const VectorIndex&) = delete;

  size_t dimension() const { return dimension_; }
  // Adds or replaces the vector of key.seq. The vector must have dimension() floats.
  void add(const ItemKey& key, std::span<const float> vector);
  void remove(const ItemKey& key);
  void clear();
  // The k nearest of the namespace by inner product, best first.
  std::vector<VectorHit> search(const std::string& tenant, const std::string& name_space,
                                std::span<const float> query, size_t k) const;
  VectorIndexStats stats() const;

  // Bulk loading: graph builds are held back until finish_bulk_load().
  void begin_bulk_load();
  void finish_bulk_load();
  // Blocks until no graph build or graph insert is queued or running (tests, benchmarks).
  void wait_for_graphs();

 private:
  void maybe_queue_work(const std::shared_ptr<NamespaceVectors>& space);
  void build_graph(NamespaceVectors& space);
  void drain_pending(NamespaceVectors& space);
  void build_loop();

  const size_t dimension_;
  const size_t threshold_;
  NamespaceMap<NamespaceVectors> spaces_;
  std::atomic<size_t> vectors_{0};

  std::mutex queue_mutex_;
  std::condition_variable queue_changed_;
  std::deque<std::shared_ptr<NamespaceVectors>> queue_;
  size_t building_ = 0;
  bool bulk_loading_ = false;
  bool stopping_ = false;
  std::atomic<bool> stop_requested_{false};  // read by a running build without the lock
  std::thread builder_;
};

}  // namespace hirag::store::vector
