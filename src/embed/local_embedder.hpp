// embed/local_embedder: the built-in embedder — no model file, no network.
// Feature hashing of stemmed content words, word bigrams and character
// trigrams into `dimension` signed buckets (xxHash3), log-scaled and
// L2-normalised. Deterministic across runs and machines; model_id
// "local-hash-v1/<dimension>".
#pragma once

#include <memory>

#include "core/config.hpp"
#include "embed/embedder.hpp"

namespace hirag::embed {

class LocalEmbedder final : public Embedder {
 public:
  explicit LocalEmbedder(size_t dimension) : dimension_(dimension) {}
  size_t dimension() const override { return dimension_; }
  std::string model_id() const override;
  Result<std::vector<Vector>> embed(const std::vector<std::string>& texts, Purpose purpose) override;
  // One text (exposed for tests and benchmarks).
  Vector embed_one(std::string_view text) const;

 private:
  size_t dimension_;
};

std::shared_ptr<Embedder> make_local_embedder(const EmbedderConfig& config);

}  // namespace hirag::embed
