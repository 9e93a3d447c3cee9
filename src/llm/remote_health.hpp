// llm/remote_health: health components for remote model endpoints, derived from
// their circuit breakers (closed → healthy, half-open → degraded, open → the
// status the caller chose: unhealthy for the embedder, degraded for the LLM whose
// work the extractive fallback takes over).
#pragma once

#include <memory>
#include <string>

#include "core/health.hpp"
#include "llm/circuit_breaker.hpp"

namespace hirag::llm {

// Adds component `component` ("embedder", "llm") to `registry`; messages name `url`.
void register_health(HealthRegistry& registry, std::string component, std::string url,
                     std::shared_ptr<const CircuitBreaker> breaker, HealthStatus when_open);

}  // namespace hirag::llm
