// memory/open_memory_service: what `hirag serve` calls to get a running memory
// service: opens the configured item store, refuses a data dir whose vectors came
// from another embedder (run `hirag reindex`) and registers the "store" and
// "index" health checks. The caller then runs load() (the vector index) while the
// server already answers liveness probes; ready() after that.
#pragma once

#include <memory>

#include "core/config.hpp"
#include "core/health.hpp"
#include "embed/embedder.hpp"
#include "memory/memory_service.hpp"

namespace hirag::memory {

// The meta key holding the embedder model id of a data dir.
inline constexpr const char* kEmbedderModelKey = "embedder_model";

Result<std::unique_ptr<MemoryService>> open_memory_service(const Config& config,
                                                           std::shared_ptr<embed::Embedder> embedder,
                                                           TokenCountFn count_tokens, HealthRegistry& health);

}  // namespace hirag::memory
