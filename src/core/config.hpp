// core/config: the effective configuration of a hirag process.
// Layers, later wins: embedded defaults < TOML file < environment
// (HIRAG_<SECTION>__<KEY>) < command-line flags. Every key is declared once in
// config_schema.cpp with its type, bounds and documentation; unknown keys and bad
// values are errors naming the key.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace hirag {

struct ServerConfig {
  std::string host = "127.0.0.1";
  int64_t port = 8081;
  std::string data_dir = "./data";
  int64_t io_threads = 0;        // 0 = one per core
  int64_t worker_threads = 0;    // 0 = two per core
  bool inline_search = true;     // searches that call no remote model run on the I/O threads
  int64_t max_body_bytes = 10 * 1024 * 1024;
  int64_t max_header_bytes = 16 * 1024;
  int64_t read_timeout_ms = 10'000;   // a request must arrive within this once started
  int64_t idle_timeout_ms = 60'000;   // keep-alive connection with no request
  int64_t shutdown_grace_ms = 10'000;
};

struct AuthConfig {
  int64_t max_failures_per_window = 20;  // failed authentications per peer address
  int64_t failure_window_secs = 60;
  int64_t key_refresh_ms = 1000;         // how often a running server re-reads the key table
};

struct RateLimitConfig {
  bool enabled = true;
  int64_t requests_per_window = 100;
  int64_t window_secs = 60;
  int64_t batch_cost = 10;  // units a batch request costs
};

struct MetricsConfig {
  std::string bearer_token;  // secret; empty = /metrics is public
};

struct LoggingConfig {
  std::string level = "info";
  bool access_log = true;
};

struct StorageConfig {
  std::string synchronous = "full";  // full | normal (SQLite PRAGMA synchronous)
  int64_t busy_timeout_ms = 5000;
  int64_t read_connections = 4;
  // Writes of new data are refused (507) while the data dir's filesystem has less
  // free space than this, so that deletes, the sweeper and checkpoints still run.
  int64_t min_free_bytes = 64 * 1024 * 1024;
};

struct MemoryConfig {
  int64_t immediate_capacity = 10;
  int64_t short_term_ttl_secs = 3600;
  int64_t long_term_ttl_secs = 0;  // 0 = never expires
  int64_t promote_after_hits = 3;
  int64_t access_flush_secs = 10;  // retrieval counts are written (and promotions made) this often
  int64_t sweep_interval_secs = 60;
  int64_t sweep_batch = 1000;
  int64_t max_text_bytes = 32 * 1024;
  int64_t max_batch_items = 1000;
  int64_t max_batch_bytes = 8 * 1024 * 1024;
  int64_t max_metadata_bytes = 16 * 1024;
  int64_t max_metadata_depth = 8;
  int64_t exact_scan_threshold = 5000;  // below this many vectors a namespace is scanned exactly
  int64_t snapshot_interval_secs = 600;  // index snapshots (and at shutdown); 0 = never, rebuild from rows
  int64_t row_cache_bytes = 64 * 1024 * 1024;  // rows returned by searches, kept in memory; 0 = off
};

struct RetrievalConfig {
  int64_t default_top_k = 10;
  int64_t max_top_k = 1000;
  int64_t max_tokens_limit = 1'000'000;
  double weight_similarity = 0.5;
  double weight_recency = 0.2;
  double weight_level = 0.2;
  double weight_frequency = 0.1;
  double recency_half_life_hours = 24.0;
  // Per retriever, before fusion, and never fewer than top_k. LoCoMo dev recall is
  // the same from 20 to 200 (R@5/R@10 with top_k 10 and 50); at 100k items 30
  // costs a third less CPU per search than 100 (bench/RESULTS.md, 2026-11-25).
  int64_t candidates = 30;
  double neighbour_weight = 0.7;   // a best match's stored neighbours join with this share of its similarity
  int64_t neighbour_sources = 10;  // how many of the best matches lend their neighbours
  int64_t max_query_terms = 16;  // a longer query keeps its most informative terms
  double bm25_k1 = 1.2;      // term-frequency saturation of the full-text score
  double bm25_b = 0.2;       // document-length normalisation (0.75 is the textbook value; 0.2 measured best on LoCoMo dev)
  std::string mode = "auto";  // auto | hybrid | bm25 | vector: which retrievers feed the ranking
};

// An OpenAI-compatible remote model endpoint.
struct RemoteModelConfig {
  std::string base_url;   // e.g. http://127.0.0.1:8000/v1
  std::string model;
  std::string api_key;    // secret
  int64_t timeout_ms = 30'000;
  int64_t max_attempts = 3;
  int64_t circuit_failures = 5;
  int64_t circuit_reset_ms = 30'000;
};

struct EmbedderConfig {
  std::string provider = "local";  // local | openai
  int64_t dimension = 256;
  int64_t batch_size = 32;
  int64_t concurrency = 4;
  int64_t cache_entries = 10'000;
  RemoteModelConfig remote;
};

struct SummarizerConfig {
  std::string provider = "extractive";  // extractive | openai
  std::string prompt_template =
      "Summarize the following conversation turns into a concise running brief. "
      "Focus on key decisions, evidence, constraints, and open items. "
      "Keep the summary under {max_tokens} tokens.";
  double temperature = 0.3;
  RemoteModelConfig remote;
};

struct TokenizerConfig {
  std::string default_encoding = "cl100k_base";  // cl100k_base | o200k_base
  std::string counting = "exact";                // exact | chars_div_4 | words_x1_3
};

struct ContextConfig {
  int64_t system_tokens = 700;
  int64_t running_brief = 1200;
  int64_t recent_turns = 450;
  int64_t retrieved_context = 3750;
  int64_t facts = 400;  // relevant facts, taken first out of the retrieval room (the rest is retrieval's)
  int64_t completion = 1000;
  int64_t max_total = 8000;
  int64_t max_window = 2'000'000;
  int64_t max_turns = 10'000;
};

// The MCP endpoint POST /mcp (issue 20).
struct McpConfig {
  // Comma-separated origins (scheme://host[:port]) browsers may call /mcp from, besides
  // loopback ones; requests without Origin (non-browser clients) are always allowed.
  std::string allowed_origins;
  int64_t session_idle_ms = 3'600'000;  // an Mcp-Session-Id unused this long is forgotten
  int64_t max_sessions = 10'000;        // beyond this, the least recently used session ends
};

struct FactsConfig {
  double confidence_threshold = 0.8;  // the seed's default: facts below it are refused (422)
  int64_t max_facts_per_query = 100;  // the seed's limit on a query's page (and on a search's top_k)
  int64_t max_batch_facts = 1000;
  int64_t max_field_bytes = 1024;     // subject, predicate, object, source_doc and anchor strings
  int64_t max_anchors = 16;           // provenance anchors kept per fact (the latest)
  std::string single_valued_predicates;  // comma-separated; a new object closes the previous fact
};

struct Config {
  ServerConfig server;
  AuthConfig auth;
  RateLimitConfig rate_limit;
  MetricsConfig metrics;
  LoggingConfig logging;
  StorageConfig storage;
  MemoryConfig memory;
  RetrievalConfig retrieval;
  EmbedderConfig embedder;
  SummarizerConfig summarizer;
  TokenizerConfig tokenizer;
  ContextConfig context;
  FactsConfig facts;
  McpConfig mcp;
};

// Command-line overrides (empty/0 = not given).
struct ConfigFlags {
  std::string config_path;  // explicit --config; else ./hirag.toml if present
  std::string host;
  int64_t port = -1;
  std::string data_dir;
};

// Builds the effective configuration: defaults, file, environment, flags, then
// cross-key validation.
Result<Config> load_config(const ConfigFlags& flags, const std::map<std::string, std::string>& environment);
// The process environment as a map (for load_config).
std::map<std::string, std::string> process_environment();
// The effective configuration as TOML, secrets shown as "<redacted>".
std::string render_config(const Config& config);
// Documentation of every key as a commented TOML file (config/hirag.example.toml).
std::string render_config_reference();
// Checks relations between keys (slot sums, weights ...).
Status validate_config(const Config& config);

}  // namespace hirag
