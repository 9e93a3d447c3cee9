#include "core/health.hpp"

#include "core/clock.hpp"

namespace hirag {

std::string_view health_status_name(HealthStatus status) {
  switch (status) {
    case HealthStatus::Healthy: return "healthy";
    case HealthStatus::Degraded: return "degraded";
    case HealthStatus::Unhealthy: return "unhealthy";
  }
  return "unhealthy";
}

void HealthRegistry::add(std::string name, std::function<ComponentHealth()> check) {
  std::lock_guard lock(mutex_);
  checks_.emplace_back(std::move(name), std::move(check));
}

std::vector<ComponentReport> HealthRegistry::run() const {
  std::vector<std::pair<std::string, std::function<ComponentHealth()>>> checks;
  {
    std::lock_guard lock(mutex_);
    checks = checks_;
  }
  std::vector<ComponentReport> reports;
  for (const auto& [name, check] : checks) {
    const double start = monotonic_seconds();
    ComponentReport report{name, check(), 0};
    report.response_time_ms = (monotonic_seconds() - start) * 1000.0;
    reports.push_back(std::move(report));
  }
  return reports;
}

HealthStatus HealthRegistry::overall(const std::vector<ComponentReport>& reports) {
  HealthStatus worst = HealthStatus::Healthy;
  for (const auto& r : reports) {
    if (r.health.status == HealthStatus::Unhealthy) return HealthStatus::Unhealthy;
    if (r.health.status == HealthStatus::Degraded) worst = HealthStatus::Degraded;
  }
  return worst;
}

}  // namespace hirag
