// store/open_session_store: opens the configured SessionStore (today the embedded
// SQLite file <data_dir>/hirag.db), so callers never name a backend.
#pragma once

#include <memory>

#include "core/config.hpp"
#include "store/session_store.hpp"

namespace hirag::store {

// Creates the data dir if needed and opens its session store.
Result<std::unique_ptr<SessionStore>> open_session_store(const Config& config);

}  // namespace hirag::store
