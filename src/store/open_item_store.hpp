// store/open_item_store: picks and opens the configured ItemStore (today the
// embedded SQLite file <data_dir>/hirag.db), so callers never name a backend.
#pragma once

#include <memory>

#include "core/config.hpp"
#include "store/item_store.hpp"

namespace hirag::store {

// Creates the data dir if needed and opens its item store.
Result<std::unique_ptr<ItemStore>> open_item_store(const Config& config);

}  // namespace hirag::store
