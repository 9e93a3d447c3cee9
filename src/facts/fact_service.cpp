#include "facts/fact_service.hpp"

#include <fmt/format.h>

#include <charconv>

#include "core/clock.hpp"
#include "core/uuid.hpp"
#include "facts/fact_validation.hpp"
#include "facts/normalize.hpp"
#include "facts/request_metrics.hpp"
#include "facts/versioning.hpp"
#include "memory/item_validation.hpp"

namespace hirag::facts {
namespace {

std::set<std::string, std::less<>> parse_predicates(const std::string& list) {
  std::set<std::string, std::less<>> predicates;
  size_t start = 0;
  while (start <= list.size()) {
    const size_t comma = std::min(list.find(',', start), list.size());
    if (std::string key = normalize_field(std::string_view(list).substr(start, comma - start)); !key.empty()) {
      predicates.insert(std::move(key));
    }
    start = comma + 1;
  }
  return predicates;
}

constexpr int64_t kDefaultSearchTopK = 10;

Error not_found(const std::string& id) { return Error::not_found(fmt::format("no fact '{}'", id)); }

Result<int64_t> parse_cursor(const std::string& cursor) {
  int64_t after = 0;
  const auto parsed = std::from_chars(cursor.data(), cursor.data() + cursor.size(), after);
  if (parsed.ec != std::errc() || parsed.ptr != cursor.data() + cursor.size() || after < 0) {
    return Error::field("query.cursor", "'query.cursor' is not a cursor returned by this endpoint");
  }
  return after;
}

std::optional<std::string> normalized(const std::optional<std::string>& field) {
  if (!field) return std::nullopt;
  return normalize_field(*field);
}

}  // namespace

FactService::FactService(FactsConfig config, const RetrievalConfig& retrieval, std::unique_ptr<store::FactStore> store)
    : config_(std::move(config)), single_valued_(parse_predicates(config_.single_valued_predicates)),
      store_(std::move(store)), index_(retrieval) {}

Status FactService::load() {
  std::lock_guard lock(write_order_);
  return store_->scan_current([this](const store::FactRecord& fact) { index_.add(fact); });
}

Status FactService::check(const std::vector<NewFact>& facts, bool batch) const {
  if (batch && (facts.empty() || static_cast<int64_t>(facts.size()) > config_.max_batch_facts)) {
    return Error::field("facts", fmt::format("'facts' must hold 1-{} facts, got {}", config_.max_batch_facts,
                                             facts.size()));
  }
  for (size_t i = 0; i < facts.size(); ++i) {
    const std::string prefix = batch ? fmt::format("facts[{}]", i) : "";
    if (auto status = validate_fact(prefix, facts[i], config_); !status) return status;
  }
  // Well-formed but below the bar: 422 with the numbers (the prototype answered 500).
  for (size_t i = 0; i < facts.size(); ++i) {
    if (facts[i].confidence < config_.confidence_threshold) {
      const std::string field = batch ? fmt::format("facts[{}].confidence", i) : "confidence";
      return Error{ErrorCode::Unprocessable,
                   fmt::format("'{}' {} is below facts.confidence_threshold {}", field, facts[i].confidence,
                               config_.confidence_threshold),
                   {{"field", field}, {"confidence", facts[i].confidence},
                    {"threshold", config_.confidence_threshold}}};
    }
  }
  return ok_status();
}

store::FactRecord FactService::make_record(const std::string& tenant, const NewFact& fact, int64_t now_ms) const {
  store::FactRecord record;
  record.id = new_uuid_v7();
  record.tenant = tenant;
  record.name_space = fact.name_space;
  record.subject = fact.subject;
  record.predicate = fact.predicate;
  record.object = fact.object;
  record.subject_key = normalize_field(fact.subject);
  record.predicate_key = normalize_field(fact.predicate);
  record.object_key = normalize_field(fact.object);
  record.datatype = fact.datatype;
  record.confidence = fact.confidence;
  record.source_doc = fact.source_doc;
  if (fact.anchor) {
    record.anchors.push_back(*fact.anchor);
    if (!record.source_doc) record.source_doc = fact.anchor->doc_id;
  }
  record.observed_at_ms = fact.observed_at_ms.value_or(now_ms);
  record.valid_from_ms = fact.valid_from_ms;
  record.valid_to_ms = fact.valid_to_ms;
  record.created_at_ms = now_ms;
  record.hash = fact_hash(record.subject_key, record.predicate_key, record.object_key);
  record.key_hash = property_hash(record.subject_key, record.predicate_key);
  return record;
}

bool FactService::is_single_valued(const NewFact& fact, const std::string& predicate_key) const {
  return fact.single_valued || single_valued_.contains(predicate_key);
}

Result<InsertedFact> FactService::apply(store::FactTransaction& tx, store::FactRecord record, bool single_valued,
                                        int64_t now_ms, IndexChanges& changes) {
  auto existing = tx.current_by_hash(record.tenant, record.name_space, record.hash);
  if (!existing) return std::move(existing).error();
  if (existing->has_value()) {
    store::FactRecord& fact = **existing;
    merge_observation(fact, record, config_.max_anchors);
    if (auto status = tx.update(fact); !status) return std::move(status).error();
    return InsertedFact{fact.id, fact.hash, true, fact.observations, {}};
  }
  InsertedFact inserted{record.id, record.hash, false, 1, {}};
  if (single_valued) {
    // No current version has this object (the hash lookup found none): every
    // current version of the property is contradicted.
    auto versions = tx.current_by_key(record.tenant, record.name_space, record.key_hash);
    if (!versions) return std::move(versions).error();
    for (auto& old : *versions) {
      close_version(old, record, now_ms);
      if (auto status = tx.update(old); !status) return std::move(status).error();
      inserted.invalidated.push_back(old.id);
      changes.closed.push_back(std::move(old));
    }
  }
  if (auto status = tx.insert(record); !status) return std::move(status).error();
  changes.added.push_back(std::move(record));
  return inserted;
}

Result<std::vector<InsertedFact>> FactService::insert(const std::string& tenant, const std::vector<NewFact>& facts,
                                                      bool batch) {
  return recorded("insert", &metrics::facts_metrics().insert_requests, [&]() -> Result<std::vector<InsertedFact>> {
    if (auto status = check(facts, batch); !status) return std::move(status).error();
    const int64_t now_ms = now_unix_ms();
    std::vector<InsertedFact> results;
    IndexChanges changes;
    std::lock_guard lock(write_order_);
    auto status = store_->write([&](store::FactTransaction& tx) -> Status {
      for (const auto& fact : facts) {
        auto record = make_record(tenant, fact, now_ms);
        const bool single_valued = is_single_valued(fact, record.predicate_key);
        auto inserted = apply(tx, std::move(record), single_valued, now_ms, changes);
        if (!inserted) return std::move(inserted).error();
        results.push_back(std::move(inserted).value());
      }
      return ok_status();
    });
    if (!status) return std::move(status).error();
    // Added first: a fact a later one of the same batch closed must end up out.
    for (const auto& added : changes.added) index_.add(added);
    for (const auto& closed : changes.closed) index_.remove(closed);
    auto& counters = metrics::facts_metrics();
    for (const auto& result : results) {
      if (result.duplicate) counters.duplicates.Increment();
      counters.invalidations.Increment(static_cast<double>(result.invalidated.size()));
    }
    return results;
  });
}

Result<QueryPage> FactService::query(const std::string& tenant, const QueryRequest& request) {
  return recorded("query", &metrics::facts_metrics().query_requests, [&]() -> Result<QueryPage> {
    if (auto status = memory::validate_namespace("query.namespace", request.name_space); !status) {
      return std::move(status).error();
    }
    const int64_t limit = request.limit.value_or(config_.max_facts_per_query);
    if (limit < 1 || limit > config_.max_facts_per_query) {
      return Error::field("query.limit", fmt::format("'query.limit' must be 1-{}, got {}",
                                                     config_.max_facts_per_query, limit));
    }
    if (request.min_confidence && !(*request.min_confidence >= 0 && *request.min_confidence <= 1)) {
      return Error::field("query.min_confidence", "'query.min_confidence' must be between 0 and 1");
    }
    store::FactQuery query{tenant,
                           request.name_space,
                           normalized(request.subject),
                           normalized(request.predicate),
                           normalized(request.object),
                           request.source_doc,
                           request.min_confidence,
                           request.as_of_ms,
                           request.include_invalidated,
                           0,
                           limit};
    if (request.cursor) {
      auto after = parse_cursor(*request.cursor);
      if (!after) return std::move(after).error();
      query.after_seq = *after;
    }
    auto page = store_->query(query);
    if (!page) return std::move(page).error();
    QueryPage result{std::move(page->facts), page->total, std::nullopt};
    if (page->next_after_seq) result.next_cursor = std::to_string(*page->next_after_seq);
    return result;
  });
}

Result<store::FactRecord> FactService::get(const std::string& tenant, const std::string& name_space,
                                           const std::string& id) {
  return recorded("get", nullptr, [&]() -> Result<store::FactRecord> {
    auto found = store_->get(tenant, name_space, id);
    if (!found) return std::move(found).error();
    if (!found->has_value()) return not_found(id);
    return std::move(**found);
  });
}

Result<std::vector<store::FactRecord>> FactService::history(const std::string& tenant, const std::string& name_space,
                                                            const std::string& id) {
  return recorded("history", nullptr, [&]() -> Result<std::vector<store::FactRecord>> {
    auto found = store_->get(tenant, name_space, id);
    if (!found) return std::move(found).error();
    if (!found->has_value()) return not_found(id);
    return store_->history(tenant, name_space, (*found)->key_hash);
  });
}

Status FactService::remove(const std::string& tenant, const std::string& name_space, const std::string& id) {
  return recorded("delete", nullptr, [&]() -> Status {
    std::lock_guard lock(write_order_);
    auto removed = store_->remove(tenant, name_space, id);
    if (!removed) return std::move(removed).error();
    if (!removed->has_value()) return not_found(id);
    if (!(*removed)->invalidated_at_ms) index_.remove(**removed);
    return ok_status();
  });
}

Result<std::vector<FactHit>> FactService::search(const std::string& tenant, const SearchRequest& request) {
  return recorded("search", nullptr, [&]() -> Result<std::vector<FactHit>> {
    if (auto status = memory::validate_namespace("namespace", request.name_space); !status) {
      return std::move(status).error();
    }
    if (auto status = memory::validate_text("query", request.query, config_.max_field_bytes * 4); !status) {
      return std::move(status).error();
    }
    const int64_t top_k = request.top_k.value_or(kDefaultSearchTopK);
    if (top_k < 1 || top_k > config_.max_facts_per_query) {
      return Error::field("top_k", fmt::format("'top_k' must be 1-{}, got {}", config_.max_facts_per_query, top_k));
    }
    const auto hits = index_.search(tenant, request.name_space, request.query, static_cast<size_t>(top_k));
    std::vector<int64_t> seqs;
    for (const auto& hit : hits) seqs.push_back(hit.label);
    auto facts = store_->by_seqs(tenant, request.name_space, seqs);
    if (!facts) return std::move(facts).error();
    // by_seqs keeps the order asked for and skips facts deleted since the search.
    std::vector<FactHit> result;
    size_t next = 0;
    for (auto& fact : *facts) {
      while (next < hits.size() && hits[next].label != fact.seq) ++next;
      result.push_back(FactHit{std::move(fact), next < hits.size() ? hits[next].score : 0.0});
    }
    return result;
  });
}

}  // namespace hirag::facts
