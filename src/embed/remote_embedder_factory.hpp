// embed/remote_embedder_factory: builds the embedder `hirag serve` uses when
// [embedder] provider = "openai": the OpenAI-compatible client behind the
// embedding cache, with its health component.
#pragma once

#include <memory>

#include "core/config.hpp"
#include "core/health.hpp"
#include "core/result.hpp"
#include "embed/embedder.hpp"

namespace hirag::embed {

// VALIDATION_ERROR when embedder.base_url or embedder.model is empty. With
// `health`, registers component "embedder" (unhealthy while its circuit is open).
// Does not call the endpoint: run verify_dimension() for that.
Result<std::shared_ptr<Embedder>> make_remote_embedder(const EmbedderConfig& config, HealthRegistry* health = nullptr);

}  // namespace hirag::embed
