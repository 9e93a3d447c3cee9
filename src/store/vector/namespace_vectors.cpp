#include "store/vector/namespace_vectors.hpp"

#include <algorithm>

namespace hirag::store::vector {

void NamespaceVectors::add(int64_t label, std::span<const float> vector) {
  auto [found, inserted] = slots_.try_emplace(label, labels_.size());
  if (inserted) {
    labels_.push_back(label);
    data_.insert(data_.end(), vector.begin(), vector.end());
  } else {
    std::copy(vector.begin(), vector.end(), data_.begin() + static_cast<std::ptrdiff_t>(found->second * dimension_));
  }
  if (graph_) mark_pending(label);
  if (building_) journal_.push_back(label);
}

void NamespaceVectors::mark_pending(int64_t label) {
  if (pending_set_.insert(label).second) pending_.push_back(label);
}

size_t NamespaceVectors::drain_pending(size_t limit) {
  size_t drained = 0;
  while (drained < limit && !pending_.empty()) {
    const int64_t label = pending_.front();
    pending_.pop_front();
    if (pending_set_.erase(label) == 0) continue;  // removed since, or queued twice
    graph_->add(label, std::span<const float>(vector_of(slots_.at(label)), dimension_));
    ++drained;
  }
  if (pending_.empty()) pending_.shrink_to_fit();
  return drained;
}

void NamespaceVectors::remove(int64_t label) {
  auto found = slots_.find(label);
  if (found == slots_.end()) return;
  const size_t slot = found->second;
  const size_t last = labels_.size() - 1;
  if (slot != last) {
    labels_[slot] = labels_[last];
    std::copy(vector_of(last), vector_of(last) + dimension_, data_.begin() + static_cast<std::ptrdiff_t>(slot * dimension_));
    slots_[labels_[slot]] = slot;
  }
  labels_.pop_back();
  data_.resize(labels_.size() * dimension_);
  slots_.erase(label);
  pending_set_.erase(label);
  if (graph_) graph_->remove(label);
  if (building_) journal_.push_back(label);
}

// With a graph: its answer without the pending labels (whose vector it may have
// stale), merged with an exact scan of the pending vectors.
std::vector<VectorHit> NamespaceVectors::search(std::span<const float> query, size_t k) const {
  if (!graph_) return exact_top_k(query, data_.data(), labels_.data(), labels_.size(), k);
  auto hits = graph_->search(query, k);
  if (pending_set_.empty()) return hits;
  std::erase_if(hits, [&](const VectorHit& hit) { return pending_set_.contains(hit.label); });
  for (int64_t label : pending_set_) {
    hits.push_back({label, dot(query.data(), vector_of(slots_.at(label)), dimension_)});
  }
  std::sort(hits.begin(), hits.end(), [](const VectorHit& a, const VectorHit& b) { return a.score > b.score; });
  if (hits.size() > k) hits.resize(k);
  return hits;
}

NamespaceVectors::Snapshot NamespaceVectors::start_graph_build() {
  building_ = true;
  journal_.clear();
  return Snapshot{labels_, data_};
}

void NamespaceVectors::install_graph(std::unique_ptr<HnswGraph> graph) {
  for (int64_t label : journal_) {
    if (slots_.contains(label)) {
      mark_pending(label);
    } else {
      graph->remove(label);
    }
  }
  journal_.clear();
  journal_.shrink_to_fit();
  building_ = false;
  graph_ = std::move(graph);
}

}  // namespace hirag::store::vector
