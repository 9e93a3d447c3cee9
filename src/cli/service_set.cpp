#include "cli/service_set.hpp"

#include <fmt/format.h>

#include <filesystem>

#include "store/sqlite/sqlite_key_store.hpp"
#include "tokenize/token_counter.hpp"

namespace hirag::cli {

Result<std::unique_ptr<ServiceSet>> ServiceSet::open(const Config& config) {
  std::unique_ptr<ServiceSet> set(new ServiceSet(config));
  if (auto status = set->build(); !status) return std::move(status).error();
  return set;
}

ServiceSet::ServiceSet(const Config& config) : config_(config) {}

ServiceSet::~ServiceSet() { shutdown(); }

Status ServiceSet::build() {
  std::error_code ec;
  std::filesystem::create_directories(config_.server.data_dir, ec);
  if (ec) {
    return Error::internal(fmt::format("cannot create data dir '{}': {}", config_.server.data_dir, ec.message()));
  }
  const std::string db_path = config_.server.data_dir + "/hirag.db";
  store::sqlite::DatabaseOptions db_options{config_.storage.synchronous, config_.storage.busy_timeout_ms, false};
  auto key_db = store::sqlite::Database::open(db_path, db_options);
  if (!key_db) return std::move(key_db).error();
  key_ring_ = std::make_unique<http::KeyRing>(
      std::make_unique<store::sqlite::SqliteKeyStore>(std::move(key_db).value()), config_.auth.key_refresh_ms);
  if (auto status = key_ring_->start(); !status) return status;

  const auto encoding = tokenize::parse_encoding(config_.tokenizer.default_encoding);
  const auto mode = tokenize::parse_count_mode(config_.tokenizer.counting);
  token_counter_ = std::make_unique<tokenize::TokenCounter>(*mode, *encoding);

  services_.config = &config_;
  services_.tokens = token_counter_.get();
  services_.health = &health_;
  health_.add("store", [db_path] {
    return std::filesystem::exists(db_path) ? ComponentHealth{HealthStatus::Healthy, "sqlite " + db_path}
                                            : ComponentHealth{HealthStatus::Unhealthy, "database file missing"};
  });
  http::register_system_routes(router_, services_);
  http::register_token_routes(router_, services_);
  pipeline_ = std::make_unique<http::Pipeline>(config_, router_, *key_ring_);
  return ok_status();
}

void ServiceSet::finish_startup() { health_.set_ready(true); }

void ServiceSet::shutdown() {
  if (key_ring_) key_ring_->stop();
}

}  // namespace hirag::cli
