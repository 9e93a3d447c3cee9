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
  if (graph_) graph_->add(label, vector);
  if (building_) journal_.push_back(label);
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
  if (graph_) graph_->remove(label);
  if (building_) journal_.push_back(label);
}

std::vector<VectorHit> NamespaceVectors::search(std::span<const float> query, size_t k) const {
  if (graph_) return graph_->search(query, k);
  return exact_top_k(query, data_.data(), labels_.data(), labels_.size(), k);
}

NamespaceVectors::Snapshot NamespaceVectors::start_graph_build() {
  building_ = true;
  journal_.clear();
  return Snapshot{labels_, data_};
}

void NamespaceVectors::install_graph(std::unique_ptr<HnswGraph> graph) {
  for (int64_t label : journal_) {
    auto found = slots_.find(label);
    if (found == slots_.end()) {
      graph->remove(label);
    } else {
      graph->add(label, std::span<const float>(vector_of(found->second), dimension_));
    }
  }
  journal_.clear();
  journal_.shrink_to_fit();
  building_ = false;
  graph_ = std::move(graph);
}

}  // namespace hirag::store::vector
