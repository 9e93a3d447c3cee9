#include "facts/versioning.hpp"

#include <algorithm>

namespace hirag::facts {

void merge_observation(store::FactRecord& existing, const store::FactRecord& incoming, int64_t max_anchors) {
  existing.observations += 1;
  existing.confidence = std::max(existing.confidence, incoming.confidence);
  existing.observed_at_ms = std::max(existing.observed_at_ms, incoming.observed_at_ms);
  if (!existing.source_doc) existing.source_doc = incoming.source_doc;
  for (const auto& anchor : incoming.anchors) {
    if (std::find(existing.anchors.begin(), existing.anchors.end(), anchor) == existing.anchors.end()) {
      existing.anchors.push_back(anchor);
    }
  }
  const auto limit = static_cast<size_t>(std::max<int64_t>(max_anchors, 0));
  if (existing.anchors.size() > limit) {
    existing.anchors.erase(existing.anchors.begin(),
                           existing.anchors.begin() + static_cast<std::ptrdiff_t>(existing.anchors.size() - limit));
  }
}

void close_version(store::FactRecord& old, const store::FactRecord& replacement, int64_t now_ms) {
  int64_t end = replacement.valid_from_ms.value_or(replacement.observed_at_ms);
  // A version the client already gave an end keeps the earlier of the two.
  if (old.valid_to_ms) end = std::min(end, *old.valid_to_ms);
  // A replacement dated before the old version began (an out-of-order import)
  // leaves the old one an empty interval rather than a negative one.
  if (old.valid_from_ms) end = std::max(end, *old.valid_from_ms);
  old.valid_to_ms = end;
  old.invalidated_at_ms = now_ms;
}

}  // namespace hirag::facts
