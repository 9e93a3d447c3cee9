// store/open_fact_store: opens the configured FactStore (today the embedded SQLite
// file <data_dir>/hirag.db), so callers never name a backend.
#pragma once

#include <memory>

#include "core/config.hpp"
#include "store/fact_store.hpp"

namespace hirag::store {

// Creates the data dir if needed and opens its fact store.
Result<std::unique_ptr<FactStore>> open_fact_store(const Config& config);

}  // namespace hirag::store
