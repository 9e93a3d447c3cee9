#include "memory/open_memory_service.hpp"

#include <fmt/format.h>

#include "store/open_item_store.hpp"

namespace hirag::memory {
namespace {

Status check_embedder(store::ItemStore& store, const embed::Embedder& embedder, const std::string& data_dir) {
  auto stored = store.get_meta(kEmbedderModelKey);
  if (!stored) return std::move(stored).error();
  const std::string current = embedder.model_id();
  if (!stored->has_value()) return store.set_meta(kEmbedderModelKey, current);
  if (**stored != current) {
    return Error{ErrorCode::Conflict,
                 fmt::format("the data dir '{}' was embedded with '{}' but the configured embedder is '{}'; run "
                             "`hirag reindex --data-dir {}` to re-embed it (or restore the previous [embedder] settings)",
                             data_dir, **stored, current, data_dir),
                 {}};
  }
  return ok_status();
}

}  // namespace

Result<std::unique_ptr<MemoryService>> open_memory_service(const Config& config,
                                                           std::shared_ptr<embed::Embedder> embedder,
                                                           TokenCountFn count_tokens, HealthRegistry& health) {
  auto store = store::open_item_store(config);
  if (!store) return std::move(store).error();
  if (auto status = check_embedder(**store, *embedder, config.server.data_dir); !status) {
    return std::move(status).error();
  }
  auto service = std::make_unique<MemoryService>(config, std::move(store).value(), std::move(embedder),
                                                 std::move(count_tokens));
  MemoryService* raw = service.get();
  health.add("store", [raw] {
    auto status = raw->item_store().ping();
    if (!status) return ComponentHealth{HealthStatus::Unhealthy, status.error().message};
    return ComponentHealth{HealthStatus::Healthy, "sqlite"};
  });
  health.add("index", [raw] {
    if (!raw->ready()) return ComponentHealth{HealthStatus::Unhealthy, "loading"};
    const auto stats = raw->index_stats();
    return ComponentHealth{HealthStatus::Healthy, fmt::format("{} vectors, {} namespaces, {} graphs", stats.vectors,
                                                              stats.namespaces, stats.graphs)};
  });
  return service;
}

}  // namespace hirag::memory
