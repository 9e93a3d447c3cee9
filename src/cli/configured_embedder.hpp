// cli/configured_embedder: the embedder [embedder] asks for — the built-in local
// one, or an OpenAI-compatible endpoint (with its cache and dimension check).
// Shared by `hirag serve` and `hirag reindex`.
#pragma once

#include <memory>

#include "core/config.hpp"
#include "core/health.hpp"
#include "embed/embedder.hpp"

namespace hirag::cli {

Result<std::shared_ptr<embed::Embedder>> make_configured_embedder(const EmbedderConfig& config,
                                                                  HealthRegistry* health);

}  // namespace hirag::cli
