// cli/service_set: builds and owns everything `hirag serve` runs — storage, key
// ring, tokenizer, embedder, memory, summarizer, context services, router and
// pipeline — in dependency order, and tears it down in reverse.
#pragma once

#include <memory>

#include "core/config.hpp"
#include "core/health.hpp"
#include "http/pipeline.hpp"
#include "http/router.hpp"
#include "http/services.hpp"
#include "store/disk_reserve.hpp"

namespace hirag::tokenize {
class TokenCounter;
}
namespace hirag::llm {
class Summarizer;
}
namespace hirag::facts {
class FactService;
}

namespace hirag::mcp {
class McpServer;
class HttpTransport;
}  // namespace hirag::mcp

namespace hirag::cli {

class ServiceSet {
 public:
  static Result<std::unique_ptr<ServiceSet>> open(const Config& config);
  ~ServiceSet();

  http::Pipeline& pipeline() { return *pipeline_; }
  http::KeyRing& key_ring() { return *key_ring_; }
  // What the handlers call; `hirag mcp` (stdio) calls the same without HTTP.
  const http::Services& services() const { return services_; }
  // Runs the start-up work that readiness waits for (loading the vector index),
  // then marks the server ready.
  Status finish_startup();
  // Stops background work and flushes storage (idempotent).
  void shutdown();

 private:
  explicit ServiceSet(const Config& config);
  Status build();
  Status open_keys();
  // The data dir's free space: a health component and the reserve for writes.
  void watch_disk();
  Status open_memory();
  Status open_context();
  Status open_facts();

  Config config_;
  HealthRegistry health_;
  std::unique_ptr<store::DiskReserve> disk_reserve_;
  std::unique_ptr<http::KeyRing> key_ring_;
  std::unique_ptr<tokenize::TokenCounter> token_counter_;
  std::unique_ptr<memory::MemoryService> memory_;
  std::unique_ptr<llm::Summarizer> summarizer_;
  std::unique_ptr<context::ContextService> context_;
  std::unique_ptr<facts::FactService> facts_;
  http::Services services_;
  std::unique_ptr<mcp::McpServer> mcp_;
  std::unique_ptr<mcp::HttpTransport> mcp_http_;
  http::Router router_;
  std::unique_ptr<http::Pipeline> pipeline_;
};

}  // namespace hirag::cli
