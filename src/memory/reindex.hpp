// memory/reindex: re-embeds every item of a data dir with the configured
// embedder (in batches, each batch one transaction) and records the new model id.
// The vector index is rebuilt from the new embeddings at the next start. Run it
// with the server stopped.
#pragma once

#include <functional>
#include <memory>

#include "core/config.hpp"
#include "embed/embedder.hpp"

namespace hirag::memory {

struct ReindexReport {
  size_t items = 0;
  std::string previous_model;
  std::string model;
};

// `progress` (optional) is called with the number of items done after each batch.
Result<ReindexReport> reindex(const Config& config, embed::Embedder& embedder,
                              const std::function<void(size_t)>& progress = {});

}  // namespace hirag::memory
