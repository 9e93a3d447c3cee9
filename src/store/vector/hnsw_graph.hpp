// store/vector/hnsw_graph: an HNSW graph (hnswlib, inner-product space) behind a
// narrow interface. hnsw_graph.cpp is the only translation unit that includes
// hnswlib (its header defines non-inline functions) and is compiled with AVX2.
// Not internally locked for add/remove/resize: the owner serialises writers
// against readers; concurrent search() calls are safe.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "store/vector/exact_scan.hpp"

namespace hirag::store::vector {

class HnswGraph {
 public:
  HnswGraph(size_t dimension, size_t capacity);
  ~HnswGraph();
  HnswGraph(const HnswGraph&) = delete;
  HnswGraph& operator=(const HnswGraph&) = delete;

  // Adds (or replaces) a vector; grows the graph when full.
  void add(int64_t label, std::span<const float> vector);
  void remove(int64_t label);
  // Approximate k best, best first.
  std::vector<VectorHit> search(std::span<const float> query, size_t k) const;
  size_t size() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace hirag::store::vector
