#include "memory/memory_service.hpp"

#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_future.hpp>
#include <boost/json/parse.hpp>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <limits>

#include "core/clock.hpp"
#include "core/json_writer.hpp"
#include "core/uuid.hpp"
#include "memory/index_snapshot.hpp"
#include "memory/item_validation.hpp"
#include "memory/text_split.hpp"
#include "retrieval/candidates.hpp"
#include "retrieval/filters.hpp"
#include "retrieval/query_analysis.hpp"
#include "retrieval/ranking.hpp"
#include "retrieval/selection.hpp"
#include "retrieval/text_terms.hpp"
#include "metrics/memory_metrics.hpp"

namespace hirag::memory {
namespace {

constexpr int64_t kDefaultListLimit = 100;
constexpr int64_t kMaxListLimit = 1000;
// Access counts written per transaction by a flush (≈ 7 ms each).
constexpr size_t kAccessFlushChunk = 500;
// How much deeper than retrieval.candidates a filtered search may look (30 -> 1,920
// by default, or top_k if more): bounds what a filter that matches nothing costs.
constexpr size_t kMaxDeepening = 64;

// A model behind an endpoint, not the in-process local embedder.
bool is_remote(const embed::Embedder& embedder) { return !embedder.model_id().starts_with("local-"); }

// "auto": the hashed local embedder did not add to BM25 on LoCoMo dev, so it is
// fused only when a real embedding model is configured.
std::string effective_mode(const std::string& configured, const embed::Embedder& embedder) {
  if (configured != "auto") return configured;
  return is_remote(embedder) ? "hybrid" : "bm25";
}

// Observes the wall time of one store operation on destruction.
class StoreTimer {
 public:
  explicit StoreTimer(const char* op) : op_(op), start_(monotonic_seconds()) {}
  ~StoreTimer() { metrics::store_duration(op_).Observe(monotonic_seconds() - start_); }

 private:
  const char* op_;
  double start_;
};

std::string field_name(const std::string& prefix, std::string_view field) {
  return prefix.empty() ? std::string(field) : fmt::format("{}.{}", prefix, field);
}

// The request's filters as retrieval/ takes them (views of the request).
retrieval::Filters filters_of(const SearchRequest& request) {
  retrieval::Filters filters;
  filters.levels = request.levels;
  if (request.session_id) {
    filters.session_id = *request.session_id;
    filters.session_key = ItemFacts::session_key(*request.session_id);
  }
  filters.created_after_ms = request.created_after_ms;
  filters.created_before_ms = request.created_before_ms;
  filters.metadata = &request.filters;
  return filters;
}

std::vector<int64_t> seqs_of(const std::vector<retrieval::FusedCandidate>& fused) {
  std::vector<int64_t> seqs;
  seqs.reserve(fused.size());
  for (const auto& candidate : fused) seqs.push_back(candidate.seq);
  return seqs;
}

Result<std::string> canonical_id(std::string_view id) {
  auto parsed = parse_uuid(id);
  if (!parsed) return Error::field("id", fmt::format("'{}' is not a UUID", id));
  return *parsed;
}

}  // namespace

MemoryService::MemoryService(const Config& config, std::unique_ptr<store::ItemStore> store,
                             std::shared_ptr<embed::Embedder> embedder, TokenCountFn count_tokens)
    : config_(config),
      store_(std::move(store)),
      embedder_(std::move(embedder)),
      count_tokens_(count_tokens ? std::move(count_tokens)
                                 : [](std::string_view text) { return (text.size() + 3) / 4; }),
      mode_(effective_mode(config.retrieval.mode, *embedder_)),
      keeps_vectors_(mode_ != "bm25"),
      index_(embedder_->dimension(), static_cast<size_t>(config.memory.exact_scan_threshold)),
      text_(store::text::TextScoring{config.retrieval.bm25_k1, config.retrieval.bm25_b,
                                     static_cast<size_t>(config.retrieval.max_query_terms)}),
      rows_(static_cast<size_t>(config.memory.row_cache_bytes)) {}

MemoryService::~MemoryService() { shutdown(); }

bool MemoryService::searches_call_remote() const { return is_remote(*embedder_); }

namespace {

// A page of rows read at start-up with the full-text terms of each.
struct AnalysedPage {
  std::vector<store::MemoryItem> items;
  std::vector<std::vector<store::text::TermCount>> terms;
};

}  // namespace

// Two stages overlap: while one page goes into the full-text index, the next is
// read, analysed and put in the catalog on another thread (1.9x faster start-up
// on 2 cores; bench/RESULTS.md). That thread lives through the whole load, so its
// stem cache (embed::stem) stays warm from page to page.
Status MemoryService::load_items() {
  constexpr size_t kPage = 2000;
  auto read_page = [this](int64_t after_seq) -> Result<AnalysedPage> {
    auto items = store_->scan_items(after_seq, kPage);
    if (!items) return std::move(items).error();
    AnalysedPage page;
    page.terms.reserve(items->size());
    for (const auto& item : *items) {
      page.terms.push_back(retrieval::document_terms(item.text));
      catalog_.put(item);
    }
    page.items = std::move(items).value();
    return page;
  };
  boost::asio::thread_pool reader(1);
  auto read_next = [&](int64_t after_seq) {
    return boost::asio::post(reader, boost::asio::use_future([&read_page, after_seq] { return read_page(after_seq); }));
  };
  auto next = read_next(0);
  while (true) {
    auto page = next.get();
    if (!page) return std::move(page).error();
    const bool last = page->items.size() < kPage;
    if (!last) next = read_next(page->items.back().seq);
    for (size_t i = 0; i < page->items.size(); ++i) {
      const auto& item = page->items[i];
      text_.add(store::ItemKey{item.seq, item.tenant, item.name_space}, page->terms[i]);
    }
    if (last) return ok_status();
  }
}

bool MemoryService::restore_snapshot() {
  auto meta = store_->get_meta(kSnapshotMetaKey);
  if (!meta || !meta->has_value() || (*meta)->empty()) return false;  // empty: snapshots were turned off
  const auto mark = SnapshotMark::from_meta(**meta);
  if (!mark) {
    spdlog::warn("event=snapshot_ignored reason=\"unreadable meta row '{}'\"", **meta);
    return false;
  }
  const auto path = snapshot_path(config_.server.data_dir);
  if (auto loaded = load_index_snapshot(path, *mark, catalog_, text_); !loaded) {
    spdlog::warn("event=snapshot_ignored reason=\"{}\"", loaded.error().message);
    return false;
  }
  // Past this many changed items a rebuild from the rows is about as fast.
  const size_t limit = std::max<size_t>(10'000, catalog_.size() / 2);
  auto changes = store_->changes_since(mark->through_change, limit);
  if (!changes || !changes->has_value()) {
    spdlog::info("event=snapshot_ignored reason=\"{}\"",
                 changes ? fmt::format("more than {} items changed after it", limit) : changes.error().message);
    return false;
  }
  // Every old version out first: a reused seq may leave one namespace and enter another.
  for (const auto& change : **changes) {
    text_.remove(change.key);
    catalog_.remove(change.key.seq);
  }
  for (const auto& change : **changes) {
    if (!change.row) continue;
    text_.add(change.key, retrieval::document_terms(change.row->text));
    catalog_.put(*change.row);
  }
  // The store's counts are flushed every access_flush_secs, a snapshot's only
  // every snapshot_interval_secs: after a crash the store's are newer.
  std::vector<std::pair<int64_t, int64_t>> counts;
  const Status scanned = store_->scan_access_counts([&](int64_t seq, int64_t count) { counts.emplace_back(seq, count); });
  if (!scanned) {
    spdlog::warn("event=snapshot_ignored reason=\"reading access counts: {}\"", scanned.error().message);
    return false;
  }
  catalog_.raise_access_counts(counts);
  snapshot_through_ = mark->through_change;
  metrics::memory_metrics().load_replayed.Set(static_cast<double>((*changes)->size()));
  spdlog::info("event=snapshot_loaded through_change={} replayed_items={}", mark->through_change,
               (*changes)->size());
  return true;
}

Status MemoryService::load() {
  const double start = monotonic_seconds();
  index_.clear();
  text_.clear();
  catalog_.clear();
  rows_.clear();
  const bool snapshots = config_.memory.snapshot_interval_secs > 0;
  if (!snapshots || !restore_snapshot()) {
    text_.clear();
    catalog_.clear();
    metrics::memory_metrics().load_replayed.Set(-1);
    auto through = store_->last_change();
    if (!through) return std::move(through).error();
    if (auto status = load_items(); !status) return status;
    // Without snapshots the change log has no reader: drop it, and any old snapshot.
    if (!snapshots) {
      if (auto status = store_->forget_changes(*through, kSnapshotMetaKey, ""); !status) return status;
      std::error_code ignored;
      std::filesystem::remove(snapshot_path(config_.server.data_dir), ignored);
    }
  }
  if (keeps_vectors_) {
    index_.begin_bulk_load();
    auto status = store_->scan_embeddings(
        [&](const store::ItemKey& key, std::span<const float> vector) { index_.add(key, vector); });
    index_.finish_bulk_load();
    if (!status) return status;
  }
  refresh_level_gauges();
  const double seconds = monotonic_seconds() - start;
  metrics::memory_metrics().load_duration.Set(seconds);
  spdlog::info("memory loaded in {:.2f} s: {} items, {} namespaces, {} vectors", seconds, catalog_.size(),
               text_.stats().namespaces, index_.stats().vectors);
  ready_ = true;
  start_background_jobs();
  return ok_status();
}

void MemoryService::start_background_jobs() {
  std::vector<PeriodicJob> jobs;
  jobs.push_back({std::chrono::seconds(config_.memory.access_flush_secs), [this] {
                    if (auto flushed = flush_access(); !flushed) {
                      spdlog::warn("access count flush failed: {}", flushed.error().message);
                    }
                  }});
  jobs.push_back({std::chrono::seconds(config_.memory.sweep_interval_secs),
                  [this] {
                    if (auto swept = sweep_expired(); !swept) {
                      spdlog::warn("expiry sweep failed: {}", swept.error().message);
                    }
                    refresh_level_gauges();
                  },
                  true});
  if (config_.memory.snapshot_interval_secs > 0) {
    jobs.push_back({std::chrono::seconds(config_.memory.snapshot_interval_secs), [this] {
                      if (auto written = write_snapshot(); !written) {
                        spdlog::warn("event=snapshot_failed error=\"{}\"", written.error().message);
                      }
                    }});
  }
  jobs_ = std::make_unique<PeriodicJobs>(std::move(jobs));
}

void MemoryService::shutdown() {
  jobs_.reset();
  if (auto status = flush_access(); !status) spdlog::warn("final access flush failed: {}", status.error().message);
  if (config_.memory.snapshot_interval_secs > 0) {
    if (auto status = write_snapshot(); !status) {
      spdlog::warn("event=snapshot_failed error=\"{}\"", status.error().message);
    }
  }
}

Status MemoryService::write_snapshot() {
  if (!ready_) return ok_status();
  std::lock_guard serial(snapshot_mutex_);
  auto& metrics = metrics::memory_metrics();
  const double start = monotonic_seconds();
  Result<int64_t> through = int64_t{0};
  {
    std::lock_guard order(write_order_);
    through = store_->last_change();
  }
  if (!through) return std::move(through).error();
  if (*through == snapshot_through_) return ok_status();
  const auto mark = SnapshotMark::next(*through);
  Status status = save_index_snapshot(snapshot_path(config_.server.data_dir), mark, catalog_, text_);
  if (status) status = store_->forget_changes(*through, kSnapshotMetaKey, mark.to_meta());
  if (!status) {
    metrics.snapshot_errors.Increment();
    return status;
  }
  snapshot_through_ = *through;
  const double seconds = monotonic_seconds() - start;
  metrics.snapshots.Increment();
  metrics.snapshot_duration.Set(seconds);
  spdlog::info("event=snapshot_written through_change={} items={} seconds={:.3f}", *through, catalog_.size(),
               seconds);
  return ok_status();
}

std::optional<int64_t> MemoryService::expiry_for(Level level, int64_t now_ms) const {
  if (level == Level::ShortTerm) return now_ms + config_.memory.short_term_ttl_secs * 1000;
  if (level == Level::LongTerm && config_.memory.long_term_ttl_secs > 0) {
    return now_ms + config_.memory.long_term_ttl_secs * 1000;
  }
  return std::nullopt;
}

Result<std::vector<embed::Vector>> MemoryService::embed(const std::vector<std::string>& texts,
                                                        embed::Purpose purpose) {
  auto& metrics = metrics::memory_metrics();
  const double start = monotonic_seconds();
  metrics.embed_requests.Increment();
  auto vectors = embedder_->embed(texts, purpose);
  metrics.embed_duration.Observe(monotonic_seconds() - start);
  if (!vectors) {
    metrics.embed_errors.Increment();
    return std::move(vectors).error();
  }
  if (vectors->size() != texts.size()) {
    metrics.embed_errors.Increment();
    return Error{ErrorCode::UpstreamError,
                 fmt::format("embedder returned {} vectors for {} texts", vectors->size(), texts.size()), {}};
  }
  return vectors;
}

Result<std::vector<std::string_view>> MemoryService::check_item(const std::string& prefix,
                                                                const NewItem& item) const {
  const auto& limits = config_.memory;
  const std::string text_field = field_name(prefix, "text");
  const bool split = item.split_long_text && static_cast<int64_t>(item.text.size()) > limits.max_text_bytes;
  const int64_t max_bytes = split ? std::numeric_limits<int64_t>::max() : limits.max_text_bytes;
  if (auto s = validate_text(text_field, item.text, max_bytes); !s) return s.error();
  if (auto s = validate_namespace(field_name(prefix, "namespace"), item.name_space); !s) return s.error();
  if (auto s = validate_metadata(field_name(prefix, "metadata"), item.metadata, limits); !s) return s.error();
  if (item.session_id) {
    if (auto s = validate_session_id(field_name(prefix, "session_id"), *item.session_id); !s) return s.error();
  }
  if (!split) return std::vector<std::string_view>{item.text};
  auto parts = split_text(item.text, static_cast<size_t>(limits.max_text_bytes));
  if (auto s = validate_split_metadata(field_name(prefix, "metadata"), item.metadata, parts.size(), limits); !s) {
    return s.error();
  }
  for (const auto part : parts) {
    if (auto s = validate_text(text_field, part, limits.max_text_bytes); !s) {
      return Error::field(text_field, fmt::format("'{}' holds a run of whitespace longer than {} bytes; it cannot "
                                                  "be split into parts with text",
                                                  text_field, limits.max_text_bytes));
    }
  }
  return parts;
}

Result<MemoryService::Prepared> MemoryService::prepare(const std::string& tenant, std::vector<NewItem>& items,
                                                       bool batch) {
  const auto& limits = config_.memory;
  if (batch) {
    if (items.empty()) return Error::field("items", "'items' must hold at least one item");
    if (static_cast<int64_t>(items.size()) > limits.max_batch_items) {
      return Error{ErrorCode::PayloadTooLarge,
                   fmt::format("a batch holds at most {} items, got {}", limits.max_batch_items, items.size()),
                   {{"field", "items"}}};
    }
  }
  int64_t total_bytes = 0;
  Prepared prepared;
  std::vector<std::string> texts;
  for (size_t i = 0; i < items.size(); ++i) {
    auto parts = check_item(batch ? fmt::format("items[{}]", i) : "", items[i]);
    if (!parts) return std::move(parts).error();
    prepared.parts.push_back(parts->size());
    for (const auto part : *parts) texts.emplace_back(part);
    total_bytes += static_cast<int64_t>(items[i].text.size());
  }
  if (batch && total_bytes > limits.max_batch_bytes) {
    return Error{ErrorCode::PayloadTooLarge,
                 fmt::format("a batch holds at most {} bytes of text, got {}", limits.max_batch_bytes, total_bytes),
                 {{"field", "items"}}};
  }
  auto vectors = embed(texts, embed::Purpose::Document);
  if (!vectors) return std::move(vectors).error();
  const int64_t now_ms = now_unix_ms();
  prepared.records.reserve(texts.size());
  for (size_t i = 0, next = 0; i < items.size(); ++i) {
    const size_t first = prepared.records.size();
    for (size_t part = 0; part < prepared.parts[i]; ++part, ++next) {
      prepared.records.push_back(
          new_record(tenant, items[i], std::move(texts[next]), std::move((*vectors)[next]), now_ms));
      if (prepared.parts[i] > 1) {
        prepared.records.back().metadata_json =
            to_json(with_split(items[i].metadata, part, prepared.parts[i], prepared.records[first].id));
      }
    }
  }
  return prepared;
}

store::MemoryItem MemoryService::new_record(const std::string& tenant, const NewItem& item, std::string text,
                                            embed::Vector vector, int64_t now_ms) const {
  store::MemoryItem record;
  record.id = new_uuid_v7();
  record.tenant = tenant;
  record.name_space = item.name_space;
  record.level = item.level.value_or(Level::ShortTerm);
  record.token_count = static_cast<int64_t>(count_tokens_(text));
  record.text = std::move(text);
  record.embedding = std::move(vector);
  record.metadata_json = to_json(item.metadata);
  record.created_at_ms = item.created_at_ms.value_or(now_ms);
  record.updated_at_ms = now_ms;
  record.expires_at_ms = expiry_for(record.level, now_ms);
  record.session_id = item.session_id;
  record.source = item.source;
  return record;
}

Result<std::vector<StoredIds>> MemoryService::store_items(const std::string& tenant, std::vector<NewItem> items,
                                                          bool batch) {
  auto prepared = prepare(tenant, items, batch);
  if (!prepared) return std::move(prepared).error();
  auto ids = add_batch_records(prepared->records, batch ? "insert_batch" : "insert");
  if (!ids) return std::move(ids).error();
  std::vector<StoredIds> stored;
  stored.reserve(prepared->parts.size());
  auto next = ids->begin();
  for (const size_t parts : prepared->parts) {
    const auto end = next + static_cast<std::ptrdiff_t>(parts);
    stored.emplace_back(std::make_move_iterator(next), std::make_move_iterator(end));
    next = end;
  }
  return stored;
}

Result<std::string> MemoryService::add(const std::string& tenant, NewItem item) {
  std::vector<NewItem> items;
  items.push_back(std::move(item));
  auto stored = store_items(tenant, std::move(items), false);
  if (!stored) return std::move(stored).error();
  return std::move(stored->front().front());
}

Result<std::vector<std::string>> MemoryService::add_batch(const std::string& tenant, std::vector<NewItem> items) {
  auto stored = store_items(tenant, std::move(items), true);
  if (!stored) return std::move(stored).error();
  std::vector<std::string> ids;
  ids.reserve(stored->size());
  for (auto& parts : *stored) ids.push_back(std::move(parts.front()));
  return ids;
}

Result<std::vector<std::string>> MemoryService::add_batch_records(std::vector<store::MemoryItem>& records,
                                                                  const char* store_op) {
  store::InsertPolicy policy{config_.memory.immediate_capacity, expiry_for(Level::ShortTerm, now_unix_ms())};
  Result<std::vector<store::LevelChange>> demoted = std::vector<store::LevelChange>{};
  std::lock_guard order(write_order_);
  {
    StoreTimer timer(store_op);
    demoted = store_->insert(records, policy);
  }
  if (!demoted) return std::move(demoted).error();
  std::vector<std::string> ids;
  ids.reserve(records.size());
  for (const auto& record : records) {
    index_item(record);
    ids.push_back(record.id);
  }
  catalog_.set_levels(*demoted);
  rows_.set_levels(*demoted);
  metrics::memory_metrics().storage_total.Increment(static_cast<double>(ids.size()));
  return ids;
}

void MemoryService::index_item(const MemoryItem& item) {
  const store::ItemKey key{item.seq, item.tenant, item.name_space};
  text_.add(key, retrieval::document_terms(item.text));
  if (keeps_vectors_) index_.add(key, item.embedding);
  catalog_.put(item);
}

void MemoryService::unindex_item(const store::ItemKey& key) {
  rows_.erase(key.seq);
  access_.forget(key.seq);
  text_.remove(key);
  index_.remove(key);
  catalog_.remove(key.seq);
}

Result<std::vector<MemoryItem>> MemoryService::fetch_rows(const std::string& tenant,
                                                          const std::vector<int64_t>& seqs) {
  std::vector<std::optional<MemoryItem>> found(seqs.size());
  std::vector<int64_t> missing;
  std::vector<size_t> missing_at;  // where each missing row goes in `found`
  for (size_t i = 0; i < seqs.size(); ++i) {
    found[i] = rows_.find(seqs[i]);
    if (!found[i]) {
      missing.push_back(seqs[i]);
      missing_at.push_back(i);
    } else if (found[i]->tenant != tenant) {
      found[i].reset();  // another tenant's row is never returned, as the store would not
    }
  }
  auto& metrics = metrics::memory_metrics();
  metrics.row_cache_hits.Increment(static_cast<double>(seqs.size() - missing.size()));
  if (!missing.empty()) {
    metrics.row_cache_misses.Increment(static_cast<double>(missing.size()));
    const uint64_t generation = rows_.generation();
    Result<std::vector<MemoryItem>> read = std::vector<MemoryItem>{};
    {
      StoreTimer timer("fetch");
      read = store_->fetch(tenant, missing);
    }
    if (!read) return std::move(read).error();
    size_t next = 0;
    for (auto& row : *read) {
      while (missing[next] != row.seq) ++next;  // fetch keeps the order and skips rows that are gone
      rows_.put(row, generation);
      found[missing_at[next++]] = std::move(row);
    }
  }
  std::vector<MemoryItem> items;
  items.reserve(seqs.size());
  for (auto& row : found) {
    if (row) items.push_back(std::move(*row));
  }
  return items;
}

Status MemoryService::validate_search(const SearchRequest& request) const {
  const auto& limits = config_.retrieval;
  if (auto s = validate_text("query", request.query, config_.memory.max_text_bytes); !s) return s;
  if (auto s = validate_namespace("namespace", request.name_space); !s) return s;
  if (request.top_k && (*request.top_k < 1 || *request.top_k > limits.max_top_k)) {
    return Error::field("top_k", fmt::format("'top_k' must be between 1 and {}, got {}", limits.max_top_k, *request.top_k));
  }
  if (request.max_tokens && (*request.max_tokens < 1 || *request.max_tokens > limits.max_tokens_limit)) {
    return Error::field("max_tokens", fmt::format("'max_tokens' must be between 1 and {}, got {}",
                                                  limits.max_tokens_limit, *request.max_tokens));
  }
  if (request.session_id) return validate_session_id("session_id", *request.session_id);
  return ok_status();
}

std::vector<std::optional<uint64_t>> MemoryService::sessions_of(std::span<const int64_t> seqs) const {
  std::vector<std::optional<uint64_t>> sessions;
  sessions.reserve(seqs.size());
  for (const auto& facts : catalog_.lookup(seqs)) {
    sessions.push_back(facts ? std::optional(facts->session_hash) : std::nullopt);
  }
  return sessions;
}

Result<SearchResult> MemoryService::search(const std::string& tenant, const SearchRequest& request) {
  const double start = monotonic_seconds();
  if (auto s = validate_search(request); !s) return s.error();
  const auto& limits = config_.retrieval;
  // With only a token budget, fill it with as many results as fit.
  const auto top_k = static_cast<size_t>(request.top_k.value_or(request.max_tokens ? limits.max_top_k
                                                                                   : limits.default_top_k));
  const int64_t now_ms = now_unix_ms();
  const auto filters = filters_of(request);
  const auto query = retrieval::analyse_query(request.query, request.mode.value_or(mode_),
                                              [this](const std::string& text) -> Result<embed::Vector> {
                                                auto vectors = embed({text}, embed::Purpose::Query);
                                                if (!vectors) return std::move(vectors).error();
                                                return std::move(vectors->front());
                                              });
  if (!query) return std::move(query).error();
  const retrieval::CandidateSources sources{text_, index_,
                                            [this](std::span<const int64_t> seqs) { return sessions_of(seqs); }};
  const auto fetch = [&](const std::vector<int64_t>& seqs) { return fetch_rows(tenant, seqs); };
  // Filters (and expiry) are applied to the candidates, so a selective one can
  // leave fewer than top_k of them: then the search asks the retrievers for four
  // times as many while they have more, up to kMaxDeepening x retrieval.candidates
  // (or top_k, if more). A full token budget ends it as top_k results do.
  SearchResult result;
  const size_t first_count = std::max(static_cast<size_t>(limits.candidates), top_k);
  const size_t deepest = std::max(first_count, kMaxDeepening * static_cast<size_t>(limits.candidates));
  for (size_t count = first_count;; count = std::min(count * 4, deepest)) {
    const auto found = retrieval::generate_candidates(sources, limits, tenant, request.name_space, *query, count);
    const auto ranked = retrieval::rank_candidates(limits, found.fused, catalog_.lookup(seqs_of(found.fused)),
                                                   filters, now_ms);
    auto selection = retrieval::select_results(ranked, filters, top_k, request.max_tokens, now_ms, fetch);
    if (!selection) return std::move(selection).error();
    result = SearchResult{};
    result.items = std::move(selection->items);
    result.total_tokens = selection->total_tokens;
    result.total_searched = found.fused.size();
    const bool filtered = ranked.size() < found.fused.size() || filters.has_metadata();
    if (result.items.size() >= top_k || selection->over_budget || !filtered || found.exhausted || count >= deepest) {
      break;
    }
  }
  std::vector<int64_t> returned;
  returned.reserve(result.items.size());
  for (const auto& scored : result.items) {
    returned.push_back(scored.item.seq);
    if (scored.item.level == Level::Immediate) ++result.cache_hits;
  }
  if (request.record_access) {
    access_.record(returned, now_ms);
    catalog_.add_hits(returned);
  }
  metrics::memory_metrics().retrievals_total.Increment();
  result.retrieval_time_ms = (monotonic_seconds() - start) * 1000.0;
  return result;
}

Result<MemoryItem> MemoryService::get(const std::string& tenant, std::string_view id) {
  auto canonical = canonical_id(id);
  if (!canonical) return std::move(canonical).error();
  StoreTimer timer("get");
  auto item = store_->get(tenant, *canonical);
  if (!item) return std::move(item).error();
  if (!item->has_value()) return Error::not_found(fmt::format("context '{}' not found", *canonical));
  return std::move(**item);
}

Result<ListResult> MemoryService::list(const std::string& tenant, const ListQuery& query) {
  if (auto s = validate_namespace("namespace", query.name_space); !s) return s.error();
  const int64_t limit = query.limit.value_or(kDefaultListLimit);
  if (limit < 1 || limit > kMaxListLimit) {
    return Error::field("limit", fmt::format("'limit' must be between 1 and {}, got {}", kMaxListLimit, limit));
  }
  store::ListRequest request{tenant, query.name_space, query.level, 0, static_cast<size_t>(limit)};
  if (query.cursor) {
    const auto& cursor = *query.cursor;
    const auto parsed = std::from_chars(cursor.data(), cursor.data() + cursor.size(), request.after_seq);
    if (parsed.ec != std::errc() || parsed.ptr != cursor.data() + cursor.size() || request.after_seq < 0) {
      return Error::field("cursor", "'cursor' is not a cursor returned by this endpoint");
    }
  }
  StoreTimer timer("list");
  auto page = store_->list(request);
  if (!page) return std::move(page).error();
  ListResult result{std::move(page->items), std::nullopt};
  if (page->next_after_seq) result.next_cursor = std::to_string(*page->next_after_seq);
  return result;
}

Result<MemoryItem> MemoryService::update(const std::string& tenant, std::string_view id, const ItemUpdate& update) {
  auto current = get(tenant, id);
  if (!current) return std::move(current).error();
  store::ItemPatch patch;
  if (update.metadata) {
    boost::system::error_code ec;
    auto merged_value = boost::json::parse(current->metadata_json, ec);
    boost::json::object merged = (!ec && merged_value.is_object()) ? std::move(merged_value.get_object())
                                                                    : boost::json::object{};
    for (const auto& entry : *update.metadata) {
      if (entry.value().is_null()) {
        merged.erase(entry.key());
      } else {
        merged[entry.key()] = entry.value();
      }
    }
    if (auto s = validate_metadata("metadata", merged, config_.memory); !s) return s.error();
    patch.metadata_json = to_json(merged);
  }
  if (update.text) {
    if (auto s = validate_text("text", *update.text, config_.memory.max_text_bytes); !s) return s.error();
    auto vectors = embed({*update.text}, embed::Purpose::Document);
    if (!vectors) return std::move(vectors).error();
    patch.text = *update.text;
    patch.token_count = static_cast<int64_t>(count_tokens_(*update.text));
    patch.embedding = std::move(vectors->front());
  }
  Result<MemoryItem> updated = Error::internal("not run");
  std::lock_guard order(write_order_);
  {
    StoreTimer timer("update");
    updated = store_->update(tenant, current->id, patch);
  }
  if (!updated) return updated;
  rows_.erase(updated->seq);
  if (patch.text) index_item(*updated);
  return updated;
}

Status MemoryService::remove(const std::string& tenant, std::string_view id) {
  auto canonical = canonical_id(id);
  if (!canonical) return std::move(canonical).error();
  std::lock_guard order(write_order_);
  StoreTimer timer("remove");
  auto removed = store_->remove(tenant, *canonical);
  if (!removed) return std::move(removed).error();
  if (!removed->has_value()) return Error::not_found(fmt::format("context '{}' not found", *canonical));
  unindex_item(**removed);
  return ok_status();
}

Result<size_t> MemoryService::clear(const std::string& tenant, const std::string& name_space,
                                    std::optional<Level> level) {
  if (auto s = validate_namespace("namespace", name_space); !s) return s.error();
  std::lock_guard order(write_order_);
  StoreTimer timer("clear");
  auto removed = store_->clear(tenant, name_space, level);
  if (!removed) return std::move(removed).error();
  for (const auto& key : *removed) unindex_item(key);
  return removed->size();
}

Result<size_t> MemoryService::sweep_expired() {
  auto& metrics = metrics::memory_metrics();
  metrics.sweeper_runs.Increment();
  const auto batch = static_cast<size_t>(config_.memory.sweep_batch);
  size_t total = 0;
  while (true) {
    Result<std::vector<store::ItemKey>> removed = std::vector<store::ItemKey>{};
    std::lock_guard order(write_order_);
    {
      StoreTimer timer("delete_expired");
      removed = store_->delete_expired(now_unix_ms(), batch);
    }
    if (!removed) {
      metrics.sweeper_errors.Increment();
      return std::move(removed).error();
    }
    for (const auto& key : *removed) unindex_item(key);
    total += removed->size();
    metrics.sweeper_deleted.Increment(static_cast<double>(removed->size()));
    if (removed->size() < batch) return total;
  }
}

Status MemoryService::flush_access() {
  auto deltas = access_.drain();
  store::PromotionPolicy policy{config_.memory.promote_after_hits, expiry_for(Level::LongTerm, now_unix_ms())};
  // In bounded transactions: each holds write_order_, which every write waits for
  // (the counts of 50k items in one transaction held it for 0.7 s).
  for (size_t begin = 0; begin < deltas.size(); begin += kAccessFlushChunk) {
    const std::span<const store::AccessDelta> drained(
        deltas.data() + begin, std::min(deltas.size(), begin + kAccessFlushChunk) - begin);
    std::lock_guard order(write_order_);
    // Under write_order_ the catalog holds exactly the store's items and levels:
    // items deleted since the drain are dropped, and only ShortTerm ones may promote.
    const auto chunk = catalog_.live_deltas(drained);
    StoreTimer timer("record_access");
    auto promoted = store_->record_access(chunk, policy);
    if (!promoted) {
      access_.restore({deltas.begin() + static_cast<std::ptrdiff_t>(begin), deltas.end()});
      return std::move(promoted).error();
    }
    rows_.add_access(chunk);
    catalog_.set_levels(*promoted);
    rows_.set_levels(*promoted);
    metrics::memory_metrics().access_flushes.Increment();
  }
  return ok_status();
}

void MemoryService::refresh_level_gauges() {
  auto counts = store_->count_by_level();
  if (!counts) return;
  auto& metrics = metrics::memory_metrics();
  metrics.items_immediate.Set(static_cast<double>((*counts)[Level::Immediate]));
  metrics.items_short_term.Set(static_cast<double>((*counts)[Level::ShortTerm]));
  metrics.items_long_term.Set(static_cast<double>((*counts)[Level::LongTerm]));
}

}  // namespace hirag::memory
