// http/handlers/system_handlers: the public routes — banner, health (with
// components), liveness, readiness and the Prometheus exposition.
#include <boost/json.hpp>

#include "core/clock.hpp"
#include "http/router.hpp"
#include "http/services.hpp"
#include "metrics/registry.hpp"
#include "store/disk_reserve.hpp"

namespace hirag::http {
namespace {

constexpr RouteOptions kPublicInline{.authenticated = false, .blocking = false};
constexpr RouteOptions kPublicBlocking{.authenticated = false, .blocking = true};

boost::json::object health_body(const HealthRegistry& health, HealthStatus& overall, int64_t started_ms) {
  const auto reports = health.run();
  overall = HealthRegistry::overall(reports);
  if (!health.ready() && overall == HealthStatus::Healthy) overall = HealthStatus::Degraded;
  boost::json::array components;
  for (const auto& r : reports) {
    components.push_back({{"name", r.name},
                          {"status", health_status_name(r.health.status)},
                          {"message", r.health.message},
                          {"response_time_ms", r.response_time_ms}});
  }
  const int64_t now = now_unix_ms();
  return {{"status", health_status_name(overall)},
          {"ready", health.ready()},
          {"uptime_secs", (now - started_ms) / 1000},
          {"components", std::move(components)},
          {"timestamp", now / 1000}};
}

}  // namespace

void register_system_routes(Router& router, Services& services) {
  const int64_t started_ms = now_unix_ms();
  HealthRegistry* health = services.health;
  router.add(Method::Get, "/", [](Request&) {
    return json_response(200, {{"service", "hirag"}, {"version", "0.1.0"}, {"status", "running"}});
  }, kPublicInline);
  router.add(Method::Get, "/health", [health, started_ms](Request&) {
    HealthStatus overall = HealthStatus::Healthy;
    auto body = health_body(*health, overall, started_ms);
    return json_response(overall == HealthStatus::Unhealthy ? 503 : 200, body);
  }, kPublicBlocking);
  router.add(Method::Get, "/health/live", [](Request&) { return json_response(200, {{"status", "alive"}}); },
             kPublicInline);
  // Degraded (disk below its reserve) stays 200: reads, searches and builds still
  // work, and a balancer that drained every full replica would leave no reads.
  const store::DiskReserve* disk = services.disk;
  router.add(Method::Get, "/health/ready", [health, disk](Request&) {
    if (!health->ready()) {
      return json_response(503, {{"status", "not_ready"}, {"message", "start-up work (store, index) is not done"}});
    }
    if (auto why = disk->shortage()) {
      return json_response(200, {{"status", "degraded"}, {"writes", false}, {"reasons", {*why}}});
    }
    return json_response(200, {{"status", "ready"}, {"writes", true}});
  }, kPublicInline);
  router.add(Method::Get, "/metrics", [disk](Request&) {
    (void)disk->free_bytes();  // refreshes storage_free_bytes for this scrape
    Response response;
    response.body = metrics::serialize_metrics();
    response.content_type = "text/plain; version=0.0.4; charset=utf-8";
    return response;
  }, kPublicBlocking);
}

}  // namespace hirag::http
