#include "core/config_schema.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <toml++/toml.h>

namespace hirag {
namespace {

Error bad_value(const std::string& full, std::string_view why) {
  boost::json::object details;
  details["key"] = full;
  return Error::validation(fmt::format("configuration key '{}': {}", full, why), details);
}

std::string quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "\"";
}

// Each key reaches its field through an accessor; printing reuses it on a const
// Config (the accessor never writes).
template <typename T>
using Field = T& (*)(Config&);
#define HIRAG_FIELD(type, expr) static_cast<Field<type>>([](Config& c) -> type& { return c.expr; })

template <typename T>
T& read_only(Field<T> field, const Config& c) {
  return field(const_cast<Config&>(c));
}

ConfigKey int_key(std::string section, std::string name, Field<int64_t> field, int64_t lo, int64_t hi,
                  std::string doc) {
  ConfigKey key{section, name, std::move(doc), false, {}, {}, {}};
  const std::string full = section + "." + name;
  auto check = [=](Config& c, int64_t v) -> Status {
    if (v < lo || v > hi) return bad_value(full, fmt::format("{} is out of range [{}, {}]", v, lo, hi));
    field(c) = v;
    return ok_status();
  };
  key.from_toml = [=](Config& c, const toml::node& n) -> Status {
    auto v = n.value_exact<int64_t>();
    if (!v) return bad_value(full, "must be an integer");
    return check(c, *v);
  };
  key.from_string = [=](Config& c, std::string_view s) -> Status {
    int64_t v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size()) return bad_value(full, fmt::format("'{}' is not an integer", s));
    return check(c, v);
  };
  key.to_toml = [=](const Config& c) { return std::to_string(read_only(field, c)); };
  return key;
}

ConfigKey double_key(std::string section, std::string name, Field<double> field, double lo, double hi,
                     std::string doc) {
  ConfigKey key{section, name, std::move(doc), false, {}, {}, {}};
  const std::string full = section + "." + name;
  auto check = [=](Config& c, double v) -> Status {
    if (!(v >= lo && v <= hi)) return bad_value(full, fmt::format("{} is out of range [{}, {}]", v, lo, hi));
    field(c) = v;
    return ok_status();
  };
  key.from_toml = [=](Config& c, const toml::node& n) -> Status {
    auto v = n.value<double>();
    if (!v || !(n.is_floating_point() || n.is_integer())) return bad_value(full, "must be a number");
    return check(c, *v);
  };
  key.from_string = [=](Config& c, std::string_view s) -> Status {
    double v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size()) return bad_value(full, fmt::format("'{}' is not a number", s));
    return check(c, v);
  };
  key.to_toml = [=](const Config& c) { return fmt::format("{}", read_only(field, c)); };
  return key;
}

ConfigKey bool_key(std::string section, std::string name, Field<bool> field, std::string doc) {
  ConfigKey key{section, name, std::move(doc), false, {}, {}, {}};
  const std::string full = section + "." + name;
  key.from_toml = [=](Config& c, const toml::node& n) -> Status {
    auto v = n.value_exact<bool>();
    if (!v) return bad_value(full, "must be true or false");
    field(c) = *v;
    return ok_status();
  };
  key.from_string = [=](Config& c, std::string_view s) -> Status {
    if (s == "true" || s == "1") {
      field(c) = true;
    } else if (s == "false" || s == "0") {
      field(c) = false;
    } else {
      return bad_value(full, fmt::format("'{}' is not true/false", s));
    }
    return ok_status();
  };
  key.to_toml = [=](const Config& c) { return std::string(read_only(field, c) ? "true" : "false"); };
  return key;
}

// String key; `allowed` empty = any value; secret keys print redacted.
ConfigKey string_key(std::string section, std::string name, Field<std::string> field, std::vector<std::string> allowed,
                     std::string doc, bool secret = false) {
  ConfigKey key{section, name, std::move(doc), secret, {}, {}, {}};
  const std::string full = section + "." + name;
  auto set = [=](Config& c, std::string_view v) -> Status {
    if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), v) == allowed.end()) {
      return bad_value(full, fmt::format("'{}' is not one of: {}", v, fmt::join(allowed, ", ")));
    }
    field(c) = std::string(v);
    return ok_status();
  };
  key.from_toml = [=](Config& c, const toml::node& n) -> Status {
    auto v = n.value_exact<std::string>();
    if (!v) return bad_value(full, "must be a string");
    return set(c, *v);
  };
  key.from_string = set;
  key.to_toml = [=](const Config& c) {
    const auto& v = read_only(field, c);
    if (secret && !v.empty()) return std::string("\"<redacted>\"");
    return quote(v);
  };
  return key;
}

// Keys of an OpenAI-compatible endpoint, shared by [embedder] and [summarizer].
#define HIRAG_REMOTE_KEYS(keys, section, member)                                                                     \
  keys.push_back(string_key(section, "base_url", HIRAG_FIELD(std::string, member.remote.base_url), {},              \
                            "Base URL of the OpenAI-compatible API, e.g. http://127.0.0.1:8000/v1"));                \
  keys.push_back(string_key(section, "model", HIRAG_FIELD(std::string, member.remote.model), {},                    \
                            "Model name sent with each request"));                                                  \
  keys.push_back(string_key(section, "api_key", HIRAG_FIELD(std::string, member.remote.api_key), {},                \
                            "Bearer key; set it through the environment, never in a committed file", true));        \
  keys.push_back(int_key(section, "timeout_ms", HIRAG_FIELD(int64_t, member.remote.timeout_ms), 100, 600'000,       \
                         "Timeout of one HTTP attempt"));                                                           \
  keys.push_back(int_key(section, "max_attempts", HIRAG_FIELD(int64_t, member.remote.max_attempts), 1, 10,          \
                         "Attempts per call (retries on 429/5xx)"));                                                \
  keys.push_back(int_key(section, "circuit_failures", HIRAG_FIELD(int64_t, member.remote.circuit_failures), 1,      \
                         1000, "Consecutive failures that open the circuit breaker"));                               \
  keys.push_back(int_key(section, "circuit_reset_ms", HIRAG_FIELD(int64_t, member.remote.circuit_reset_ms), 100,    \
                         3'600'000, "How long an open circuit rejects calls before a trial"))

std::vector<ConfigKey> build_keys() {
  constexpr int64_t kMax = INT64_C(1) << 40;
  std::vector<ConfigKey> k;
  // [server]
  k.push_back(string_key("server", "host", HIRAG_FIELD(std::string, server.host), {},
                         "Address to listen on; a non-loopback address requires API keys"));
  k.push_back(int_key("server", "port", HIRAG_FIELD(int64_t, server.port), 0, 65535, "TCP port (0 = any free port)"));
  k.push_back(string_key("server", "data_dir", HIRAG_FIELD(std::string, server.data_dir), {},
                         "Directory of the database and index snapshots"));
  k.push_back(int_key("server", "io_threads", HIRAG_FIELD(int64_t, server.io_threads), 0, 256,
                      "Network I/O threads (0 = one per core)"));
  k.push_back(int_key("server", "worker_threads", HIRAG_FIELD(int64_t, server.worker_threads), 0, 1024,
                      "Threads for blocking work: storage, embedding, summaries (0 = two per core)"));
  k.push_back(bool_key("server", "inline_search", HIRAG_FIELD(bool, server.inline_search),
                       "Searches that call no remote model (the local embedder) run on the I/O threads, without "
                       "two hand-offs to the worker pool; off when the database is far larger than memory, so "
                       "that a search waiting for the disk holds up no other connection"));
  k.push_back(int_key("server", "max_body_bytes", HIRAG_FIELD(int64_t, server.max_body_bytes), 1, kMax,
                      "Largest request body accepted (413 above)"));
  k.push_back(int_key("server", "max_header_bytes", HIRAG_FIELD(int64_t, server.max_header_bytes), 1024,
                      1024 * 1024, "Largest request header block accepted (431 above)"));
  k.push_back(int_key("server", "read_timeout_ms", HIRAG_FIELD(int64_t, server.read_timeout_ms), 100, 3'600'000,
                      "A started request must be fully received within this time"));
  k.push_back(int_key("server", "idle_timeout_ms", HIRAG_FIELD(int64_t, server.idle_timeout_ms), 100, 3'600'000,
                      "A keep-alive connection with no request is closed after this time"));
  k.push_back(int_key("server", "shutdown_grace_ms", HIRAG_FIELD(int64_t, server.shutdown_grace_ms), 0, 600'000,
                      "On SIGTERM, how long in-flight requests may take to finish"));
  // [auth]
  k.push_back(int_key("auth", "max_failures_per_window", HIRAG_FIELD(int64_t, auth.max_failures_per_window), 1,
                      1'000'000, "Failed authentications per peer address before it is throttled (429)"));
  k.push_back(int_key("auth", "failure_window_secs", HIRAG_FIELD(int64_t, auth.failure_window_secs), 1, 86400,
                      "Window of the failed-authentication throttle"));
  k.push_back(int_key("auth", "key_refresh_ms", HIRAG_FIELD(int64_t, auth.key_refresh_ms), 50, 600'000,
                      "How often the server picks up keys created or revoked by `hirag keys`"));
  // [rate_limit]
  k.push_back(bool_key("rate_limit", "enabled", HIRAG_FIELD(bool, rate_limit.enabled),
                       "Per-tenant request rate limit"));
  k.push_back(int_key("rate_limit", "requests_per_window", HIRAG_FIELD(int64_t, rate_limit.requests_per_window),
                      1, kMax, "Requests a tenant may make per window"));
  k.push_back(int_key("rate_limit", "window_secs", HIRAG_FIELD(int64_t, rate_limit.window_secs), 1, 86400,
                      "Length of the rate-limit window in seconds (sliding)"));
  k.push_back(int_key("rate_limit", "batch_cost", HIRAG_FIELD(int64_t, rate_limit.batch_cost), 1, 1'000'000,
                      "Units of quota one batch request costs"));
  // [metrics]
  k.push_back(string_key("metrics", "bearer_token", HIRAG_FIELD(std::string, metrics.bearer_token), {},
                         "If set, GET /metrics requires this bearer token (set it through the environment)", true));
  // [logging]
  k.push_back(string_key("logging", "level", HIRAG_FIELD(std::string, logging.level),
                         {"trace", "debug", "info", "warn", "error", "off"}, "Log level"));
  k.push_back(bool_key("logging", "access_log", HIRAG_FIELD(bool, logging.access_log),
                       "One structured line per request"));
  // [storage]
  k.push_back(string_key("storage", "synchronous", HIRAG_FIELD(std::string, storage.synchronous), {"full", "normal"},
                         "SQLite synchronous mode: full survives power loss, normal survives process crashes"));
  k.push_back(int_key("storage", "busy_timeout_ms", HIRAG_FIELD(int64_t, storage.busy_timeout_ms), 0, 600'000,
                      "How long a connection waits for a lock held by another process"));
  k.push_back(int_key("storage", "read_connections", HIRAG_FIELD(int64_t, storage.read_connections), 1, 64,
                      "Read-only SQLite connections for concurrent readers"));
  k.push_back(int_key("storage", "min_free_bytes", HIRAG_FIELD(int64_t, storage.min_free_bytes), 0,
                      int64_t{1} << 50,
                      "Free space kept in reserve on the data dir's filesystem: below it, new writes get 507 "
                      "STORAGE_FULL while reads, deletes, the sweeper and checkpoints go on"));
  // [memory]
  k.push_back(int_key("memory", "immediate_capacity", HIRAG_FIELD(int64_t, memory.immediate_capacity), 1, 100'000,
                      "Immediate level keeps the newest N items per namespace"));
  k.push_back(int_key("memory", "short_term_ttl_secs", HIRAG_FIELD(int64_t, memory.short_term_ttl_secs), 1, kMax,
                      "ShortTerm items expire after this many seconds unless promoted"));
  k.push_back(int_key("memory", "long_term_ttl_secs", HIRAG_FIELD(int64_t, memory.long_term_ttl_secs), 0, kMax,
                      "LongTerm expiry in seconds (0 = never)"));
  k.push_back(int_key("memory", "promote_after_hits", HIRAG_FIELD(int64_t, memory.promote_after_hits), 1, 1'000'000,
                      "A ShortTerm item retrieved this many times becomes LongTerm"));
  k.push_back(int_key("memory", "access_flush_secs", HIRAG_FIELD(int64_t, memory.access_flush_secs), 1, 3600,
                      "How often retrieval counts are written to the store and promotions made (counts of the "
                      "last interval are lost if the process is killed)"));
  k.push_back(int_key("memory", "sweep_interval_secs", HIRAG_FIELD(int64_t, memory.sweep_interval_secs), 1, 86400,
                      "How often expired items are deleted"));
  k.push_back(int_key("memory", "sweep_batch", HIRAG_FIELD(int64_t, memory.sweep_batch), 1, 1'000'000,
                      "Expired items deleted per transaction"));
  k.push_back(int_key("memory", "max_text_bytes", HIRAG_FIELD(int64_t, memory.max_text_bytes), 1, 64 * 1024 * 1024,
                      "Largest text of one item"));
  k.push_back(int_key("memory", "max_batch_items", HIRAG_FIELD(int64_t, memory.max_batch_items), 1, 1'000'000,
                      "Most items in one batch request"));
  k.push_back(int_key("memory", "max_batch_bytes", HIRAG_FIELD(int64_t, memory.max_batch_bytes), 1, kMax,
                      "Most text bytes in one batch request"));
  k.push_back(int_key("memory", "max_metadata_bytes", HIRAG_FIELD(int64_t, memory.max_metadata_bytes), 2,
                      16 * 1024 * 1024, "Largest serialized metadata object of one item"));
  k.push_back(int_key("memory", "max_metadata_depth", HIRAG_FIELD(int64_t, memory.max_metadata_depth), 1, 64,
                      "Deepest nesting of metadata"));
  k.push_back(int_key("memory", "exact_scan_threshold", HIRAG_FIELD(int64_t, memory.exact_scan_threshold), 0,
                      kMax, "Namespaces with fewer vectors are scanned exactly instead of through HNSW"));
  k.push_back(int_key("memory", "snapshot_interval_secs", HIRAG_FIELD(int64_t, memory.snapshot_interval_secs), 0,
                      7 * 86400,
                      "Saves the full-text index and item catalog this often and at shutdown, so a restart "
                      "loads them instead of re-reading every row (0 = never)"));
  k.push_back(int_key("memory", "row_cache_bytes", HIRAG_FIELD(int64_t, memory.row_cache_bytes), 0, kMax,
                      "Memory for the rows searches return, so that repeated results are not read from SQLite "
                      "again (0 = off)"));
  // [retrieval]
  k.push_back(int_key("retrieval", "default_top_k", HIRAG_FIELD(int64_t, retrieval.default_top_k), 1, 100'000,
                      "Results when a search gives no top_k"));
  k.push_back(int_key("retrieval", "max_top_k", HIRAG_FIELD(int64_t, retrieval.max_top_k), 1, 100'000,
                      "Largest top_k accepted"));
  k.push_back(int_key("retrieval", "max_tokens_limit", HIRAG_FIELD(int64_t, retrieval.max_tokens_limit), 1, kMax,
                      "Largest max_tokens accepted by search"));
  k.push_back(double_key("retrieval", "weight_similarity", HIRAG_FIELD(double, retrieval.weight_similarity), 0,
                         1, "Weight of query similarity in the composite rank"));
  k.push_back(double_key("retrieval", "weight_recency", HIRAG_FIELD(double, retrieval.weight_recency), 0, 1,
                         "Weight of recency"));
  k.push_back(double_key("retrieval", "weight_level", HIRAG_FIELD(double, retrieval.weight_level), 0, 1,
                         "Weight of the level (Immediate > ShortTerm > LongTerm)"));
  k.push_back(double_key("retrieval", "weight_frequency", HIRAG_FIELD(double, retrieval.weight_frequency), 0, 1,
                         "Weight of access frequency"));
  k.push_back(double_key("retrieval", "recency_half_life_hours", HIRAG_FIELD(double, retrieval.recency_half_life_hours), 0.001, 1e9, "Recency score halves every this many hours"));
  k.push_back(int_key("retrieval", "candidates", HIRAG_FIELD(int64_t, retrieval.candidates), 1, 100'000,
                      "Candidates taken from each retriever before fusion (at least top_k)"));
  k.push_back(double_key("retrieval", "neighbour_weight", HIRAG_FIELD(double, retrieval.neighbour_weight), 0, 1,
                         "Share of a best match's similarity given to the items stored just before and after it"
                         " (same namespace and session; 0 turns this off)"));
  k.push_back(int_key("retrieval", "neighbour_sources", HIRAG_FIELD(int64_t, retrieval.neighbour_sources), 0, 1000,
                      "How many of the best matches lend similarity to their neighbours"));
  k.push_back(int_key("retrieval", "max_query_terms", HIRAG_FIELD(int64_t, retrieval.max_query_terms), 1, 1000,
                      "Full-text terms a query keeps at most (its most informative ones)"));
  k.push_back(double_key("retrieval", "bm25_k1", HIRAG_FIELD(double, retrieval.bm25_k1), 0, 10,
                         "BM25 term-frequency saturation (higher: repeated words count for longer)"));
  k.push_back(double_key("retrieval", "bm25_b", HIRAG_FIELD(double, retrieval.bm25_b), 0, 1,
                         "BM25 length normalisation (0: none, 1: full)"));
  k.push_back(string_key("retrieval", "mode", HIRAG_FIELD(std::string, retrieval.mode), {"auto", "hybrid", "bm25", "vector"},
                         "Retrievers fused into the ranking: full text (BM25) and vector, or one of them; auto = "
                         "bm25 with the local embedder (it did not add to BM25 on LoCoMo), hybrid with a remote one"));
  // [embedder]
  k.push_back(string_key("embedder", "provider", HIRAG_FIELD(std::string, embedder.provider), {"local", "openai"},
                         "local: built-in, no model file; openai: an OpenAI-compatible /v1/embeddings endpoint"));
  k.push_back(int_key("embedder", "dimension", HIRAG_FIELD(int64_t, embedder.dimension), 1, 65536,
                      "Vector dimension (must match what the endpoint returns)"));
  k.push_back(int_key("embedder", "batch_size", HIRAG_FIELD(int64_t, embedder.batch_size), 1, 4096,
                      "Texts per embeddings request"));
  k.push_back(int_key("embedder", "concurrency", HIRAG_FIELD(int64_t, embedder.concurrency), 1, 256,
                      "Concurrent embeddings requests"));
  k.push_back(int_key("embedder", "cache_entries", HIRAG_FIELD(int64_t, embedder.cache_entries), 0, 100'000'000,
                      "LRU cache of embeddings keyed by (model, text hash); 0 disables"));
  HIRAG_REMOTE_KEYS(k, "embedder", embedder);
  // [summarizer]
  k.push_back(string_key("summarizer", "provider", HIRAG_FIELD(std::string, summarizer.provider),
                         {"extractive", "openai"}, "extractive: built-in; openai: an OpenAI-compatible chat endpoint"));
  k.push_back(string_key("summarizer", "prompt_template", HIRAG_FIELD(std::string, summarizer.prompt_template), {},
                         "Instruction sent to the model; {max_tokens} is replaced by the target"));
  k.push_back(double_key("summarizer", "temperature", HIRAG_FIELD(double, summarizer.temperature), 0, 2,
                         "Sampling temperature"));
  HIRAG_REMOTE_KEYS(k, "summarizer", summarizer);
  // [tokenizer]
  k.push_back(string_key("tokenizer", "default_encoding", HIRAG_FIELD(std::string, tokenizer.default_encoding),
                         {"cl100k_base", "o200k_base"}, "Encoding used when a request names none"));
  k.push_back(string_key("tokenizer", "counting", HIRAG_FIELD(std::string, tokenizer.counting),
                         {"exact", "chars_div_4", "words_x1_3"},
                         "exact BPE counts, or a fast estimate (characters/4, words x 1.3)"));
  // [context]
  k.push_back(int_key("context", "system_tokens", HIRAG_FIELD(int64_t, context.system_tokens), 0, kMax,
                      "System prompt slot at max_total"));
  k.push_back(int_key("context", "running_brief", HIRAG_FIELD(int64_t, context.running_brief), 0, kMax,
                      "Running brief slot"));
  k.push_back(int_key("context", "recent_turns", HIRAG_FIELD(int64_t, context.recent_turns), 0, kMax,
                      "Recent turns slot"));
  k.push_back(int_key("context", "retrieved_context", HIRAG_FIELD(int64_t, context.retrieved_context), 0, kMax,
                      "Retrieved snippets slot"));
  k.push_back(int_key("context", "facts", HIRAG_FIELD(int64_t, context.facts), 0, kMax,
                      "Facts slot: relevant current facts, taken first out of the retrieval room"));
  k.push_back(int_key("context", "completion", HIRAG_FIELD(int64_t, context.completion), 0, kMax,
                      "Completion reserve"));
  k.push_back(int_key("context", "max_total", HIRAG_FIELD(int64_t, context.max_total), 1, kMax,
                      "Window the slots are defined for; they scale to a request's window"));
  k.push_back(int_key("context", "max_window", HIRAG_FIELD(int64_t, context.max_window), 1, kMax,
                      "Largest model window a request may ask for"));
  k.push_back(int_key("context", "max_turns", HIRAG_FIELD(int64_t, context.max_turns), 1, kMax,
                      "Most turns in one request or session read"));
  // [facts]
  k.push_back(double_key("facts", "confidence_threshold", HIRAG_FIELD(double, facts.confidence_threshold), 0, 1,
                         "Facts with a lower confidence are refused (422)"));
  k.push_back(int_key("facts", "max_facts_per_query", HIRAG_FIELD(int64_t, facts.max_facts_per_query), 1, 100'000,
                      "Largest page a fact query, or top_k a fact search, may ask for"));
  k.push_back(int_key("facts", "max_batch_facts", HIRAG_FIELD(int64_t, facts.max_batch_facts), 1, 100'000,
                      "Most facts in one batch request"));
  k.push_back(int_key("facts", "max_field_bytes", HIRAG_FIELD(int64_t, facts.max_field_bytes), 1, 1 << 20,
                      "Longest subject, predicate, object, source_doc or anchor string, in bytes"));
  k.push_back(int_key("facts", "max_anchors", HIRAG_FIELD(int64_t, facts.max_anchors), 1, 1000,
                      "Provenance anchors kept per fact when duplicates merge (the latest)"));
  k.push_back(string_key("facts", "single_valued_predicates",
                         HIRAG_FIELD(std::string, facts.single_valued_predicates), {},
                         "Comma-separated predicates with one object at a time: "
                         "a new object closes the previous fact"));
  // [mcp]
  k.push_back(string_key("mcp", "allowed_origins", HIRAG_FIELD(std::string, mcp.allowed_origins), {},
                         "Comma-separated browser origins (e.g. https://app.example.com) allowed to call /mcp besides "
                         "loopback ones; a request without Origin is allowed, any other Origin gets 403"));
  k.push_back(int_key("mcp", "session_idle_ms", HIRAG_FIELD(int64_t, mcp.session_idle_ms), 1000, kMax,
                      "An MCP session unused this long ends (its next request gets 404)"));
  k.push_back(int_key("mcp", "max_sessions", HIRAG_FIELD(int64_t, mcp.max_sessions), 1, 10'000'000,
                      "Most MCP sessions kept; the least recently used ends first"));
  return k;
}

}  // namespace

const std::vector<ConfigKey>& config_keys() {
  static const std::vector<ConfigKey> keys = build_keys();
  return keys;
}

}  // namespace hirag
