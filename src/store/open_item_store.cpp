#include "store/open_item_store.hpp"

#include "store/data_dir.hpp"
#include "store/sqlite/sqlite_item_store.hpp"

namespace hirag::store {

Result<std::unique_ptr<ItemStore>> open_item_store(const Config& config) {
  auto path = prepare_database_path(config.server.data_dir);
  if (!path) return std::move(path).error();
  auto opened = sqlite::SqliteItemStore::open(*path, database_options(config.storage),
                                              static_cast<size_t>(config.storage.read_connections));
  if (!opened) return std::move(opened).error();
  return std::unique_ptr<ItemStore>(std::move(opened).value());
}

}  // namespace hirag::store
