#include "store/vector/hnsw_graph.hpp"

#include <hnswlib/hnswlib.h>

#include <algorithm>

namespace hirag::store::vector {
namespace {
constexpr size_t kLinks = 16;            // M
constexpr size_t kEfConstruction = 100;  // build quality/speed trade-off
constexpr size_t kEfSearch = 96;         // searchKnn uses max(ef, k)
}  // namespace

struct HnswGraph::Impl {
  explicit Impl(size_t dimension, size_t capacity)
      : space(dimension), index(&space, std::max<size_t>(capacity, 1024), kLinks, kEfConstruction) {
    index.setEf(kEfSearch);
  }
  hnswlib::InnerProductSpace space;
  hnswlib::HierarchicalNSW<float> index;
  size_t live = 0;
};

HnswGraph::HnswGraph(size_t dimension, size_t capacity) : impl_(std::make_unique<Impl>(dimension, capacity)) {}
HnswGraph::~HnswGraph() = default;

void HnswGraph::add(int64_t label, std::span<const float> vector) {
  auto& index = impl_->index;
  const auto key = static_cast<hnswlib::labeltype>(label);
  const auto found = index.label_lookup_.find(key);
  const bool live = found != index.label_lookup_.end() && !index.isMarkedDeleted(found->second);
  if (found == index.label_lookup_.end() && index.cur_element_count >= index.max_elements_) {
    index.resizeIndex(index.max_elements_ * 2);
  }
  index.addPoint(vector.data(), key);
  if (!live) ++impl_->live;
}

void HnswGraph::remove(int64_t label) {
  auto& index = impl_->index;
  const auto key = static_cast<hnswlib::labeltype>(label);
  auto found = index.label_lookup_.find(key);
  if (found == index.label_lookup_.end() || index.isMarkedDeleted(found->second)) return;
  index.markDelete(key);
  --impl_->live;
}

std::vector<VectorHit> HnswGraph::search(std::span<const float> query, size_t k) const {
  std::vector<VectorHit> hits;
  if (impl_->live == 0 || k == 0) return hits;
  auto queue = impl_->index.searchKnn(query.data(), std::min(k, impl_->live));
  hits.resize(queue.size());
  for (size_t i = hits.size(); i-- > 0;) {
    // hnswlib's inner-product distance is 1 - dot; the queue pops the worst first.
    hits[i] = VectorHit{static_cast<int64_t>(queue.top().second), 1.0f - queue.top().first};
    queue.pop();
  }
  return hits;
}

size_t HnswGraph::size() const { return impl_->live; }

}  // namespace hirag::store::vector
