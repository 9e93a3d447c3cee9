#include "llm/remote_health.hpp"

namespace hirag::llm {

void register_health(HealthRegistry& registry, std::string component, std::string url,
                     std::shared_ptr<const CircuitBreaker> breaker, HealthStatus when_open) {
  registry.add(std::move(component), [url = std::move(url), breaker = std::move(breaker), when_open] {
    switch (breaker->state()) {
      case CircuitState::Closed: return ComponentHealth{HealthStatus::Healthy, url + ": circuit closed"};
      case CircuitState::HalfOpen: return ComponentHealth{HealthStatus::Degraded, url + ": circuit half-open (trial call)"};
      case CircuitState::Open: break;
    }
    return ComponentHealth{when_open, url + ": circuit open after repeated failures; retry in " +
                                          std::to_string(breaker->retry_in().count()) + " ms"};
  });
}

}  // namespace hirag::llm
