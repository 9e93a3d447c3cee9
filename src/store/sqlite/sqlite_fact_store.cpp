#include "store/sqlite/sqlite_fact_store.hpp"

#include <boost/json.hpp>
#include <fmt/format.h>

#include <variant>

#include "core/json_writer.hpp"

namespace hirag::store::sqlite {
namespace {

#define HIRAG_FACT_COLUMNS                                                                                     \
  "seq, id, tenant, namespace, subject, predicate, object, subject_key, predicate_key, object_key, datatype, " \
  "confidence, source_doc, anchors, observed_at, valid_from, valid_to, created_at, invalidated_at, observations, " \
  "hash, key_hash"

constexpr const char* kInsert =
    "INSERT INTO facts(id, tenant, namespace, subject, predicate, object, subject_key, predicate_key, object_key,"
    " datatype, confidence, source_doc, anchors, observed_at, valid_from, valid_to, created_at, invalidated_at,"
    " observations, hash, key_hash) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,"
    " ?17, ?18, ?19, ?20, ?21)";
constexpr const char* kUpdate =
    "UPDATE facts SET confidence = ?2, source_doc = ?3, anchors = ?4, observed_at = ?5, observations = ?6,"
    " valid_to = ?7, invalidated_at = ?8 WHERE seq = ?1";
constexpr const char* kCurrentByHash = "SELECT " HIRAG_FACT_COLUMNS
                                       " FROM facts WHERE tenant = ? AND namespace = ? AND hash = ?"
                                       " AND invalidated_at IS NULL";
constexpr const char* kCurrentByKey = "SELECT " HIRAG_FACT_COLUMNS
                                      " FROM facts WHERE tenant = ? AND namespace = ? AND key_hash = ?"
                                      " AND invalidated_at IS NULL ORDER BY seq";
constexpr const char* kById =
    "SELECT " HIRAG_FACT_COLUMNS " FROM facts WHERE id = ? AND tenant = ? AND namespace = ?";
constexpr const char* kHistory =
    "SELECT " HIRAG_FACT_COLUMNS " FROM facts WHERE tenant = ? AND namespace = ? AND key_hash = ? ORDER BY seq";
constexpr const char* kDelete = "DELETE FROM facts WHERE seq = ?";
constexpr const char* kScanCurrent =
    "SELECT " HIRAG_FACT_COLUMNS " FROM facts WHERE seq > ? AND invalidated_at IS NULL ORDER BY seq LIMIT 10000";
constexpr const char* kBySeq = "SELECT " HIRAG_FACT_COLUMNS
                               " FROM facts WHERE seq = ? AND tenant = ? AND namespace = ?";

std::string encode_anchors(const std::vector<FactAnchor>& anchors) {
  boost::json::array array;
  for (const auto& anchor : anchors) {
    boost::json::object object;
    if (anchor.doc_id) object["doc_id"] = *anchor.doc_id;
    if (anchor.page) object["page"] = *anchor.page;
    if (anchor.region_id) object["region_id"] = *anchor.region_id;
    if (anchor.vt_ref) object["vt_ref"] = *anchor.vt_ref;
    if (anchor.path_line) object["path_line"] = *anchor.path_line;
    array.push_back(std::move(object));
  }
  return to_json(array);
}

std::optional<std::string> string_part(const boost::json::object& object, std::string_view key) {
  const auto* value = object.if_contains(key);
  if (value == nullptr || !value->is_string()) return std::nullopt;
  return std::string(value->get_string());
}

// The column was written by encode_anchors; anything else reads as no anchors.
std::vector<FactAnchor> decode_anchors(const std::string& text) {
  std::vector<FactAnchor> anchors;
  boost::system::error_code ec;
  const auto value = boost::json::parse(text, ec);
  if (ec || !value.is_array()) return anchors;
  for (const auto& element : value.get_array()) {
    if (!element.is_object()) continue;
    const auto& object = element.get_object();
    FactAnchor anchor{string_part(object, "doc_id"), std::nullopt, string_part(object, "region_id"),
                      string_part(object, "vt_ref"), string_part(object, "path_line")};
    if (const auto* page = object.if_contains("page"); page != nullptr && page->is_int64()) {
      anchor.page = page->get_int64();
    }
    anchors.push_back(std::move(anchor));
  }
  return anchors;
}

std::optional<int64_t> optional_int(const Statement& stmt, int col) {
  if (stmt.column_is_null(col)) return std::nullopt;
  return stmt.column_int(col);
}

std::optional<std::string> optional_text(const Statement& stmt, int col) {
  if (stmt.column_is_null(col)) return std::nullopt;
  return stmt.column_text(col);
}

FactRecord read_fact(const Statement& stmt) {
  FactRecord fact;
  fact.seq = stmt.column_int(0);
  fact.id = stmt.column_text(1);
  fact.tenant = stmt.column_text(2);
  fact.name_space = stmt.column_text(3);
  fact.subject = stmt.column_text(4);
  fact.predicate = stmt.column_text(5);
  fact.object = stmt.column_text(6);
  fact.subject_key = stmt.column_text(7);
  fact.predicate_key = stmt.column_text(8);
  fact.object_key = stmt.column_text(9);
  fact.datatype = stmt.column_text(10);
  fact.confidence = stmt.column_double(11);
  fact.source_doc = optional_text(stmt, 12);
  fact.anchors = decode_anchors(stmt.column_text(13));
  fact.observed_at_ms = stmt.column_int(14);
  fact.valid_from_ms = optional_int(stmt, 15);
  fact.valid_to_ms = optional_int(stmt, 16);
  fact.created_at_ms = stmt.column_int(17);
  fact.invalidated_at_ms = optional_int(stmt, 18);
  fact.observations = stmt.column_int(19);
  fact.hash = stmt.column_text(20);
  fact.key_hash = stmt.column_text(21);
  return fact;
}

void bind_optional(Statement& stmt, int index, const std::optional<int64_t>& value) {
  if (value) stmt.bind(index, *value); else stmt.bind_null(index);
}

void bind_optional(Statement& stmt, int index, const std::optional<std::string>& value) {
  if (value) stmt.bind(index, *value); else stmt.bind_null(index);
}

Result<std::vector<FactRecord>> read_all(Statement& stmt) {
  std::vector<FactRecord> facts;
  while (stmt.step()) facts.push_back(read_fact(stmt));
  if (auto status = stmt.last_status(); !status) return std::move(status).error();
  return facts;
}

Result<std::optional<FactRecord>> read_one(Statement& stmt) {
  auto facts = read_all(stmt);
  if (!facts) return std::move(facts).error();
  if (facts->empty()) return std::optional<FactRecord>{};
  return std::optional<FactRecord>(std::move(facts->front()));
}

class SqliteFactTransaction final : public FactTransaction {
 public:
  explicit SqliteFactTransaction(Connection& connection) : connection_(connection) {}

  Result<std::optional<FactRecord>> current_by_hash(const std::string& tenant, const std::string& name_space,
                                                    const std::string& hash) override {
    auto stmt = connection_.statement(kCurrentByHash);
    if (!stmt) return std::move(stmt).error();
    (*stmt)->bind(1, tenant).bind(2, name_space).bind(3, hash);
    return read_one(**stmt);
  }

  Result<std::vector<FactRecord>> current_by_key(const std::string& tenant, const std::string& name_space,
                                                 const std::string& key_hash) override {
    auto stmt = connection_.statement(kCurrentByKey);
    if (!stmt) return std::move(stmt).error();
    (*stmt)->bind(1, tenant).bind(2, name_space).bind(3, key_hash);
    return read_all(**stmt);
  }

  Status insert(FactRecord& fact) override {
    auto stmt = connection_.statement(kInsert);
    if (!stmt) return std::move(stmt).error();
    Statement& s = **stmt;
    s.bind(1, fact.id).bind(2, fact.tenant).bind(3, fact.name_space).bind(4, fact.subject).bind(5, fact.predicate);
    s.bind(6, fact.object).bind(7, fact.subject_key).bind(8, fact.predicate_key).bind(9, fact.object_key);
    s.bind(10, fact.datatype).bind(11, fact.confidence);
    bind_optional(s, 12, fact.source_doc);
    s.bind(13, encode_anchors(fact.anchors)).bind(14, fact.observed_at_ms);
    bind_optional(s, 15, fact.valid_from_ms);
    bind_optional(s, 16, fact.valid_to_ms);
    s.bind(17, fact.created_at_ms);
    bind_optional(s, 18, fact.invalidated_at_ms);
    s.bind(19, fact.observations).bind(20, fact.hash).bind(21, fact.key_hash);
    if (auto status = s.run(); !status) return status;
    fact.seq = sqlite3_last_insert_rowid(connection_.db().raw());
    return ok_status();
  }

  Status update(const FactRecord& fact) override {
    auto stmt = connection_.statement(kUpdate);
    if (!stmt) return std::move(stmt).error();
    Statement& s = **stmt;
    s.bind(1, fact.seq).bind(2, fact.confidence);
    bind_optional(s, 3, fact.source_doc);
    s.bind(4, encode_anchors(fact.anchors)).bind(5, fact.observed_at_ms).bind(6, fact.observations);
    bind_optional(s, 7, fact.valid_to_ms);
    bind_optional(s, 8, fact.invalidated_at_ms);
    return s.run();
  }

 private:
  Connection& connection_;
};

// The WHERE clause of a query with its parameters, in order (text or integer or real).
struct Filter {
  std::string sql = "tenant = ? AND namespace = ?";
  std::vector<std::variant<std::string, int64_t, double>> values;
};

Filter build_filter(const FactQuery& query) {
  Filter filter;
  filter.values = {query.tenant, query.name_space};
  auto add = [&](const char* clause, auto value) {
    filter.sql += clause;
    filter.values.emplace_back(value);
  };
  if (query.subject_key) add(" AND subject_key = ?", *query.subject_key);
  if (query.predicate_key) add(" AND predicate_key = ?", *query.predicate_key);
  if (query.object_key) add(" AND object_key = ?", *query.object_key);
  if (query.source_doc) add(" AND source_doc = ?", *query.source_doc);
  if (query.min_confidence) add(" AND confidence >= ?", *query.min_confidence);
  if (query.as_of_ms) {
    // Valid at that time, whether or not hirag has retired the version since.
    add(" AND (valid_from IS NULL OR valid_from <= ?)", *query.as_of_ms);
    add(" AND (valid_to IS NULL OR valid_to > ?)", *query.as_of_ms);
  } else if (!query.include_invalidated) {
    filter.sql += " AND invalidated_at IS NULL";
  }
  return filter;
}

void bind_filter(Statement& stmt, const Filter& filter) {
  int index = 1;
  for (const auto& value : filter.values) {
    std::visit([&](const auto& v) { stmt.bind(index, v); }, value);
    ++index;
  }
}

}  // namespace

Result<std::unique_ptr<SqliteFactStore>> SqliteFactStore::open(const std::string& path,
                                                               const DatabaseOptions& options,
                                                               size_t read_connections) {
  auto writer = Database::open(path, options);
  if (!writer) return std::move(writer).error();
  auto readers = ReaderPool::open(path, options, read_connections);
  if (!readers) return std::move(readers).error();
  return std::unique_ptr<SqliteFactStore>(new SqliteFactStore(
      std::make_unique<Connection>(std::move(writer).value()), std::move(readers).value()));
}

Status SqliteFactStore::write(const std::function<Status(FactTransaction&)>& work) {
  WriteSession session(write_mutex_, *writer_);
  Transaction tx(writer_->db());
  if (!tx.begin_status()) return tx.begin_status();
  SqliteFactTransaction transaction(*writer_);
  if (auto status = work(transaction); !status) return status;
  return tx.commit();
}

Result<FactPage> SqliteFactStore::query(const FactQuery& query) {
  const Filter filter = build_filter(query);
  auto reader = readers_->acquire();
  // Count and page read one snapshot, so total agrees with the page.
  if (auto status = reader->db().exec("BEGIN"); !status) return std::move(status).error();
  struct EndRead {
    Database& db;
    ~EndRead() { (void)db.exec("COMMIT"); }
  } end_read{reader->db()};
  auto count = reader->db().prepare(fmt::format("SELECT count(*) FROM facts WHERE {}", filter.sql));
  if (!count) return std::move(count).error();
  bind_filter(*count, filter);
  FactPage page;
  if (count->step()) page.total = count->column_int(0);
  if (auto status = count->last_status(); !status) return std::move(status).error();
  sqlite3_reset(count->raw());
  auto select = reader->db().prepare(
      fmt::format("SELECT " HIRAG_FACT_COLUMNS " FROM facts WHERE {} AND seq > ? ORDER BY seq LIMIT ?", filter.sql));
  if (!select) return std::move(select).error();
  bind_filter(*select, filter);
  const int next = static_cast<int>(filter.values.size()) + 1;
  // One row more than the page tells whether another page follows.
  select->bind(next, query.after_seq).bind(next + 1, query.limit + 1);
  auto facts = read_all(*select);
  if (!facts) return std::move(facts).error();
  if (static_cast<int64_t>(facts->size()) > query.limit) {
    facts->pop_back();
    page.next_after_seq = facts->back().seq;
  }
  page.facts = std::move(facts).value();
  return page;
}

Result<std::optional<FactRecord>> SqliteFactStore::get(const std::string& tenant, const std::string& name_space,
                                                       const std::string& id) {
  auto reader = readers_->acquire();
  auto stmt = reader->statement(kById);
  if (!stmt) return std::move(stmt).error();
  (*stmt)->bind(1, id).bind(2, tenant).bind(3, name_space);
  return read_one(**stmt);
}

Result<std::vector<FactRecord>> SqliteFactStore::history(const std::string& tenant, const std::string& name_space,
                                                         const std::string& key_hash) {
  auto reader = readers_->acquire();
  auto stmt = reader->statement(kHistory);
  if (!stmt) return std::move(stmt).error();
  (*stmt)->bind(1, tenant).bind(2, name_space).bind(3, key_hash);
  return read_all(**stmt);
}

Result<std::optional<FactRecord>> SqliteFactStore::remove(const std::string& tenant, const std::string& name_space,
                                                          const std::string& id) {
  WriteSession session(write_mutex_, *writer_);
  Transaction tx(writer_->db());
  if (!tx.begin_status()) return tx.begin_status().error();
  auto find = writer_->statement(kById);
  if (!find) return std::move(find).error();
  (*find)->bind(1, id).bind(2, tenant).bind(3, name_space);
  auto found = read_one(**find);
  if (!found || !found->has_value()) return found;
  auto erase = writer_->statement(kDelete);
  if (!erase) return std::move(erase).error();
  if (auto status = (*erase)->bind(1, (*found)->seq).run(); !status) return std::move(status).error();
  if (auto status = tx.commit(); !status) return std::move(status).error();
  return found;
}

Status SqliteFactStore::scan_current(const std::function<void(const FactRecord&)>& visit) {
  auto reader = readers_->acquire();
  int64_t after = 0;
  for (;;) {
    auto stmt = reader->statement(kScanCurrent);
    if (!stmt) return std::move(stmt).error();
    auto facts = read_all((*stmt)->bind(1, after));
    if (!facts) return std::move(facts).error();
    if (facts->empty()) return ok_status();
    for (const auto& fact : *facts) visit(fact);
    after = facts->back().seq;
  }
}

Result<std::vector<FactRecord>> SqliteFactStore::by_seqs(const std::string& tenant, const std::string& name_space,
                                                         const std::vector<int64_t>& seqs) {
  auto reader = readers_->acquire();
  std::vector<FactRecord> facts;
  for (int64_t seq : seqs) {
    auto stmt = reader->statement(kBySeq);
    if (!stmt) return std::move(stmt).error();
    (*stmt)->bind(1, seq).bind(2, tenant).bind(3, name_space);
    auto found = read_one(**stmt);
    if (!found) return std::move(found).error();
    if (found->has_value()) facts.push_back(std::move(**found));
  }
  return facts;
}

}  // namespace hirag::store::sqlite
