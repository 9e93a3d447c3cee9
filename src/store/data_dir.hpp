// store/data_dir: where a data dir keeps its database, and the options every
// SQLite connection of the server opens it with. One place, so the item store,
// the session store and the key store cannot disagree.
#pragma once

#include <string>

#include "core/config.hpp"
#include "store/sqlite/database.hpp"

namespace hirag::store {

// Creates the data dir if needed; returns the path of its database file.
Result<std::string> prepare_database_path(const std::string& data_dir);
// The connection options of [storage].
sqlite::DatabaseOptions database_options(const StorageConfig& storage);

}  // namespace hirag::store
