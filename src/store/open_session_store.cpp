#include "store/open_session_store.hpp"

#include <fmt/format.h>

#include <filesystem>

#include "store/open_item_store.hpp"
#include "store/sqlite/sqlite_session_store.hpp"

namespace hirag::store {

Result<std::unique_ptr<SessionStore>> open_session_store(const Config& config) {
  std::error_code ec;
  std::filesystem::create_directories(config.server.data_dir, ec);
  if (ec) return Error::internal(fmt::format("cannot create data dir '{}': {}", config.server.data_dir, ec.message()));
  sqlite::DatabaseOptions options;
  options.synchronous = config.storage.synchronous;
  options.busy_timeout_ms = config.storage.busy_timeout_ms;
  auto opened = sqlite::SqliteSessionStore::open(database_path(config.server.data_dir), options);
  if (!opened) return std::move(opened).error();
  return std::unique_ptr<SessionStore>(std::move(opened).value());
}

}  // namespace hirag::store
