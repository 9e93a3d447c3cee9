#include "store/open_fact_store.hpp"

#include "store/data_dir.hpp"
#include "store/sqlite/sqlite_fact_store.hpp"

namespace hirag::store {

Result<std::unique_ptr<FactStore>> open_fact_store(const Config& config) {
  auto path = prepare_database_path(config.server.data_dir);
  if (!path) return std::move(path).error();
  auto opened = sqlite::SqliteFactStore::open(*path, database_options(config.storage),
                                              static_cast<size_t>(config.storage.read_connections));
  if (!opened) return std::move(opened).error();
  return std::unique_ptr<FactStore>(std::move(opened).value());
}

}  // namespace hirag::store
