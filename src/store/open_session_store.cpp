#include "store/open_session_store.hpp"

#include "store/data_dir.hpp"
#include "store/sqlite/sqlite_session_store.hpp"

namespace hirag::store {

Result<std::unique_ptr<SessionStore>> open_session_store(const Config& config) {
  auto path = prepare_database_path(config.server.data_dir);
  if (!path) return std::move(path).error();
  auto opened = sqlite::SqliteSessionStore::open(*path, database_options(config.storage));
  if (!opened) return std::move(opened).error();
  return std::unique_ptr<SessionStore>(std::move(opened).value());
}

}  // namespace hirag::store
