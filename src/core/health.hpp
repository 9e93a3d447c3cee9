// core/health: components report their health here; GET /health shows them.
// A check runs on demand and must be quick (it is timed and shown).
#pragma once

#include <atomic>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

namespace hirag {

enum class HealthStatus { Healthy, Degraded, Unhealthy };

std::string_view health_status_name(HealthStatus status);

struct ComponentHealth {
  HealthStatus status = HealthStatus::Healthy;
  std::string message;
};

struct ComponentReport {
  std::string name;
  ComponentHealth health;
  double response_time_ms = 0;
};

class HealthRegistry {
 public:
  void add(std::string name, std::function<ComponentHealth()> check);
  // Runs every check; overall = worst of the components.
  std::vector<ComponentReport> run() const;
  static HealthStatus overall(const std::vector<ComponentReport>& reports);

  // Readiness: false until start-up work (store open, index loaded) is done.
  void set_ready(bool ready) { ready_.store(ready); }
  bool ready() const { return ready_.load(); }

 private:
  mutable std::mutex mutex_;
  std::vector<std::pair<std::string, std::function<ComponentHealth()>>> checks_;
  std::atomic<bool> ready_{false};
};

}  // namespace hirag
