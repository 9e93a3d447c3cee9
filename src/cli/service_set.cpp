#include "cli/service_set.hpp"

#include "cli/configured_embedder.hpp"
#include "cli/fact_ports.hpp"
#include "cli/memory_ports.hpp"
#include "context/context_service.hpp"
#include "facts/fact_service.hpp"
#include "llm/summarizer_factory.hpp"
#include "mcp/http_transport.hpp"
#include "mcp/mcp_server.hpp"
#include "memory/open_memory_service.hpp"
#include "store/data_dir.hpp"
#include "store/open_fact_store.hpp"
#include "store/open_session_store.hpp"
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

Status ServiceSet::open_keys() {
  auto path = store::prepare_database_path(config_.server.data_dir);
  if (!path) return std::move(path).error();
  auto key_db = store::sqlite::Database::open(*path, store::database_options(config_.storage));
  if (!key_db) return std::move(key_db).error();
  key_ring_ = std::make_unique<http::KeyRing>(
      std::make_unique<store::sqlite::SqliteKeyStore>(std::move(key_db).value()), config_.auth.key_refresh_ms);
  return key_ring_->start();
}

Status ServiceSet::open_memory() {
  auto embedder = make_configured_embedder(config_.embedder, &health_);
  if (!embedder) return std::move(embedder).error();
  const tokenize::TokenCounter* counter = token_counter_.get();
  auto memory = memory::open_memory_service(config_, std::move(embedder).value(),
                                            [counter](std::string_view text) { return counter->count(text); }, health_);
  if (!memory) return std::move(memory).error();
  memory_ = std::move(memory).value();
  return ok_status();
}

Status ServiceSet::open_context() {
  const tokenize::TokenCounter* counter = token_counter_.get();
  summarizer_ = llm::make_summarizer(config_.summarizer,
                                     [counter](std::string_view text) { return counter->count(text); }, &health_);
  auto sessions = store::open_session_store(config_);
  if (!sessions) return std::move(sessions).error();
  llm::Summarizer* summarizer = summarizer_.get();
  context_ = context::make_context_service(
      config_, std::move(sessions).value(), std::make_shared<MemoryRetriever>(*memory_),
      std::make_shared<MemoryTurnSink>(*memory_),
      [summarizer](const std::vector<std::string>& texts, size_t target) {
        return summarizer->summarize(texts, target);
      },
      context::exact_token_counter(), std::make_shared<FactsForContext>(*facts_));
  return ok_status();
}

Status ServiceSet::open_facts() {
  auto store = store::open_fact_store(config_);
  if (!store) return std::move(store).error();
  facts_ = std::make_unique<facts::FactService>(config_.facts, config_.retrieval, std::move(store).value());
  return ok_status();
}

void ServiceSet::watch_disk() {
  disk_reserve_ = std::make_unique<store::DiskReserve>(config_.server.data_dir,
                                                       static_cast<uint64_t>(config_.storage.min_free_bytes));
  const store::DiskReserve* disk = disk_reserve_.get();
  health_.add("storage", [disk] {
    if (auto why = disk->shortage()) return ComponentHealth{HealthStatus::Degraded, *why + ": writes refused"};
    return ComponentHealth{HealthStatus::Healthy, "free space above storage.min_free_bytes"};
  });
}

Status ServiceSet::build() {
  if (auto status = open_keys(); !status) return status;
  watch_disk();
  // Both names were validated by the configuration loader.
  token_counter_ = std::make_unique<tokenize::TokenCounter>(*tokenize::parse_count_mode(config_.tokenizer.counting),
                                                            *tokenize::parse_encoding(config_.tokenizer.default_encoding));
  if (auto status = open_memory(); !status) return status;
  if (auto status = open_facts(); !status) return status;
  if (auto status = open_context(); !status) return status;

  services_.config = &config_;
  services_.health = &health_;
  services_.tokens = token_counter_.get();
  services_.memory = memory_.get();
  services_.context = context_.get();
  services_.facts = facts_.get();
  services_.disk = disk_reserve_.get();
  http::register_system_routes(router_, services_);
  http::register_token_routes(router_, services_);
  http::register_context_routes(router_, services_);
  http::register_session_routes(router_, services_);
  http::register_fact_routes(router_, services_);
  mcp_ = std::make_unique<mcp::McpServer>(services_);
  mcp_http_ = std::make_unique<mcp::HttpTransport>(*mcp_, config_.mcp);
  mcp_http_->register_routes(router_);
  pipeline_ = std::make_unique<http::Pipeline>(config_, router_, *key_ring_, health_, *disk_reserve_);
  return ok_status();
}

Status ServiceSet::finish_startup() {
  if (auto status = memory_->load(); !status) return status;
  if (auto status = facts_->load(); !status) return status;
  health_.set_ready(true);
  return ok_status();
}

void ServiceSet::shutdown() {
  if (memory_) memory_->shutdown();
  if (key_ring_) key_ring_->stop();
}

}  // namespace hirag::cli
