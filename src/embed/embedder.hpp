// embed/embedder: turns texts into unit-length vectors. Implementations: the
// built-in local embedder (no model file, no network) and an OpenAI-compatible
// /v1/embeddings client. Thread-safe: one instance serves all workers.
#pragma once

#include <string>
#include <vector>

#include "core/result.hpp"

namespace hirag::embed {

enum class Purpose { Document, Query };

using Vector = std::vector<float>;

class Embedder {
 public:
  virtual ~Embedder() = default;
  virtual size_t dimension() const = 0;
  // Identifies the vector space, e.g. "local-hash-v1/256" or "openai:text-embedding-3-small/1536".
  // Stored in the data dir; a different id on restart means the vectors are incomparable.
  virtual std::string model_id() const = 0;
  // One L2-normalised vector per text, in order.
  virtual Result<std::vector<Vector>> embed(const std::vector<std::string>& texts, Purpose purpose) = 0;
};

}  // namespace hirag::embed
