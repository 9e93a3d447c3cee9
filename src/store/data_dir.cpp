#include "store/data_dir.hpp"

#include <fmt/format.h>

#include <filesystem>

namespace hirag::store {

Result<std::string> prepare_database_path(const std::string& data_dir) {
  std::error_code ec;
  std::filesystem::create_directories(data_dir, ec);
  if (ec) return Error::internal(fmt::format("cannot create data dir '{}': {}", data_dir, ec.message()));
  return (std::filesystem::path(data_dir) / "hirag.db").string();
}

sqlite::DatabaseOptions database_options(const StorageConfig& storage) {
  sqlite::DatabaseOptions options;
  options.synchronous = storage.synchronous;
  options.busy_timeout_ms = storage.busy_timeout_ms;
  return options;
}

}  // namespace hirag::store
