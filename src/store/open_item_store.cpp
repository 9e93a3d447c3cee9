#include "store/open_item_store.hpp"

#include <fmt/format.h>

#include <filesystem>

#include "store/sqlite/sqlite_item_store.hpp"

namespace hirag::store {

std::string database_path(const std::string& data_dir) {
  return (std::filesystem::path(data_dir) / "hirag.db").string();
}

Result<std::unique_ptr<ItemStore>> open_item_store(const Config& config) {
  std::error_code ec;
  std::filesystem::create_directories(config.server.data_dir, ec);
  if (ec) return Error::internal(fmt::format("cannot create data dir '{}': {}", config.server.data_dir, ec.message()));
  sqlite::DatabaseOptions options;
  options.synchronous = config.storage.synchronous;
  options.busy_timeout_ms = config.storage.busy_timeout_ms;
  auto opened = sqlite::SqliteItemStore::open(database_path(config.server.data_dir), options,
                                              static_cast<size_t>(config.storage.read_connections));
  if (!opened) return std::move(opened).error();
  return std::unique_ptr<ItemStore>(std::move(opened).value());
}

}  // namespace hirag::store
