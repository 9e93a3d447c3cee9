#include "store/sqlite/sqlite_item_store.hpp"

#include <fmt/format.h>

#include <boost/unordered/unordered_flat_map.hpp>

#include <algorithm>
#include <cstring>

#include "core/clock.hpp"

namespace hirag::store::sqlite {
namespace {

// Columns read into a MemoryItem, in this order (embedding last, optional), from
// HIRAG_ITEM_TABLES: the item "i" and its access counts "a" (no row: never retrieved).
#define HIRAG_ITEM_COLUMNS                                                                                   \
  "i.seq, i.id, i.tenant, i.namespace, i.level, i.text, i.token_count, i.metadata, i.created_at, i.updated_at," \
  " a.last_accessed_at, COALESCE(a.access_count, 0), i.expires_at, i.session_id, i.source"
#define HIRAG_ITEM_TABLES "memory_items i LEFT JOIN memory_access a ON a.seq = i.seq"

MemoryItem read_item(const Statement& stmt, bool with_embedding) {
  MemoryItem item;
  item.seq = stmt.column_int(0);
  item.id = stmt.column_text(1);
  item.tenant = stmt.column_text(2);
  item.name_space = stmt.column_text(3);
  item.level = static_cast<Level>(stmt.column_int(4));
  item.text = stmt.column_text(5);
  item.token_count = stmt.column_int(6);
  item.metadata_json = stmt.column_text(7);
  item.created_at_ms = stmt.column_int(8);
  item.updated_at_ms = stmt.column_int(9);
  if (!stmt.column_is_null(10)) item.last_accessed_at_ms = stmt.column_int(10);
  item.access_count = stmt.column_int(11);
  if (!stmt.column_is_null(12)) item.expires_at_ms = stmt.column_int(12);
  if (!stmt.column_is_null(13)) item.session_id = stmt.column_text(13);
  item.source = stmt.column_text(14);
  if (with_embedding) {
    const auto blob = stmt.column_blob(15);
    item.embedding.resize(blob.size() / sizeof(float));
    if (!item.embedding.empty()) std::memcpy(item.embedding.data(), blob.data(), item.embedding.size() * sizeof(float));
  }
  return item;
}

// Seqs per statement in fetch().
constexpr size_t kFetchChunk = 32;

constexpr const char* kUpsertMeta =
    "INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value";

void bind_optional(Statement& stmt, int index, const std::optional<int64_t>& value) {
  if (value) {
    stmt.bind(index, *value);
  } else {
    stmt.bind_null(index);
  }
}

// An item with its embedding, by id within a tenant.
Result<std::optional<MemoryItem>> read_by_id(Connection& connection, const std::string& tenant,
                                             const std::string& id) {
  auto stmt = connection.statement("SELECT " HIRAG_ITEM_COLUMNS ", i.embedding FROM " HIRAG_ITEM_TABLES
                                   " WHERE i.id = ? AND i.tenant = ?");
  if (!stmt) return std::move(stmt).error();
  (*stmt)->bind(1, id).bind(2, tenant);
  if ((*stmt)->step()) return std::optional<MemoryItem>(read_item(**stmt, true));
  if (auto status = (*stmt)->last_status(); !status) return std::move(status).error();
  return std::optional<MemoryItem>();
}

// Adds a chunk's hits in one statement over a JSON array of [seq, hits, ms] (a
// statement per delta took 2.1 against 1.35 us per count); returns each seq's
// access count now.
Result<boost::unordered_flat_map<int64_t, int64_t>> add_access(Connection& writer,
                                                               const std::vector<AccessDelta>& deltas) {
  auto stmt = writer.statement(
      "INSERT INTO memory_access(seq, access_count, last_accessed_at)"
      " SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?1) WHERE true"
      " ON CONFLICT(seq) DO UPDATE SET access_count = access_count + excluded.access_count,"
      " last_accessed_at = MAX(COALESCE(last_accessed_at, 0), excluded.last_accessed_at)"
      " RETURNING seq, access_count");
  if (!stmt) return std::move(stmt).error();
  fmt::memory_buffer rows;
  rows.push_back('[');
  for (const auto& delta : deltas) {
    fmt::format_to(std::back_inserter(rows), "{}[{},{},{}]", rows.size() > 1 ? "," : "", delta.seq, delta.hits,
                   delta.last_accessed_at_ms);
  }
  rows.push_back(']');
  (*stmt)->bind(1, std::string_view(rows.data(), rows.size()));
  boost::unordered_flat_map<int64_t, int64_t> counts;
  counts.reserve(deltas.size());
  while ((*stmt)->step()) counts[(*stmt)->column_int(0)] = (*stmt)->column_int(1);
  if (auto status = (*stmt)->last_status(); !status) return std::move(status).error();
  return counts;
}

// Makes a ShortTerm item LongTerm; false when it is not ShortTerm.
Result<bool> promote(Connection& writer, int64_t seq, const std::optional<int64_t>& expires_at_ms) {
  auto stmt = writer.statement("UPDATE memory_items SET level = 2, expires_at = ?1 WHERE seq = ?2 AND level = 1");
  if (!stmt) return std::move(stmt).error();
  bind_optional(**stmt, 1, expires_at_ms);
  (*stmt)->bind(2, seq);
  if (auto status = (*stmt)->run(); !status) return std::move(status).error();
  return writer.db().changes() > 0;
}

void bind_embedding(Statement& stmt, int index, const std::vector<float>& embedding) {
  if (embedding.empty()) {
    stmt.bind_null(index);
  } else {
    stmt.bind_blob(index, embedding.data(), embedding.size() * sizeof(float));
  }
}

// Runs a DELETE ... RETURNING seq, tenant, namespace and collects the keys.
Result<std::vector<ItemKey>> collect_keys(Statement& stmt) {
  std::vector<ItemKey> keys;
  while (stmt.step()) keys.push_back(ItemKey{stmt.column_int(0), stmt.column_text(1), stmt.column_text(2)});
  if (auto status = stmt.last_status(); !status) return std::move(status).error();
  return keys;
}

}  // namespace

Result<std::unique_ptr<SqliteItemStore>> SqliteItemStore::open(const std::string& path,
                                                               const DatabaseOptions& options,
                                                               size_t read_connections) {
  auto writer = Database::open(path, options);
  if (!writer) return std::move(writer).error();
  auto readers = ReaderPool::open(path, options, read_connections);
  if (!readers) return std::move(readers).error();
  return std::unique_ptr<SqliteItemStore>(new SqliteItemStore(
      std::make_unique<Connection>(std::move(writer).value()), std::move(readers).value()));
}

Result<int64_t> SqliteItemStore::scope_id(Connection& connection, const std::string& tenant,
                                          const std::string& name_space, bool create) {
  if (create) {
    auto insert = connection.statement(
        "INSERT INTO memory_scopes(tenant, namespace) VALUES(?, ?) ON CONFLICT(tenant, namespace) DO NOTHING");
    if (!insert) return std::move(insert).error();
    if (auto status = (*insert)->bind(1, tenant).bind(2, name_space).run(); !status) return std::move(status).error();
  }
  auto select = connection.statement("SELECT id FROM memory_scopes WHERE tenant = ? AND namespace = ?");
  if (!select) return std::move(select).error();
  (*select)->bind(1, tenant).bind(2, name_space);
  if (!(*select)->step()) {
    if (auto status = (*select)->last_status(); !status) return std::move(status).error();
    return int64_t{0};
  }
  return (*select)->column_int(0);
}

Result<std::vector<LevelChange>> SqliteItemStore::insert(std::vector<MemoryItem>& items,
                                                         const InsertPolicy& policy) {
  WriteSession session(write_mutex_, *writer_);
  Transaction tx(writer_->db());
  if (!tx.begin_status()) return tx.begin_status().error();
  std::map<std::pair<std::string, std::string>, int64_t> scopes;
  std::vector<LevelChange> demoted;
  for (auto& item : items) {
    auto& scope = scopes[{item.tenant, item.name_space}];
    if (scope == 0) {
      auto id = scope_id(*writer_, item.tenant, item.name_space, true);
      if (!id) return std::move(id).error();
      scope = *id;
    }
    auto stmt = writer_->statement(
        "INSERT INTO memory_items(id, scope_id, tenant, namespace, level, text, token_count, embedding, metadata,"
        " created_at, updated_at, expires_at, session_id, source)"
        " VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!stmt) return std::move(stmt).error();
    Statement& s = **stmt;
    s.bind(1, item.id).bind(2, scope).bind(3, item.tenant).bind(4, item.name_space);
    s.bind(5, static_cast<int64_t>(item.level)).bind(6, item.text).bind(7, item.token_count);
    bind_embedding(s, 8, item.embedding);
    s.bind(9, item.metadata_json).bind(10, item.created_at_ms).bind(11, item.updated_at_ms);
    bind_optional(s, 12, item.expires_at_ms);
    if (item.session_id) {
      s.bind(13, *item.session_id);
    } else {
      s.bind_null(13);
    }
    s.bind(14, item.source);
    if (auto status = s.run(); !status) return std::move(status).error();
    item.seq = sqlite3_last_insert_rowid(writer_->db().raw());
  }
  for (const auto& [scope, id] : scopes) {
    auto demote = writer_->statement(
        "UPDATE memory_items SET level = 1, expires_at = ?, updated_at = ? WHERE seq IN ("
        " SELECT seq FROM memory_items WHERE tenant = ? AND namespace = ? AND level = 0"
        " ORDER BY created_at DESC, seq DESC LIMIT -1 OFFSET ?) RETURNING seq");
    if (!demote) return std::move(demote).error();
    bind_optional(**demote, 1, policy.demoted_expires_at_ms);
    (*demote)->bind(2, now_unix_ms()).bind(3, scope.first).bind(4, scope.second).bind(5, policy.immediate_capacity);
    while ((*demote)->step()) {
      demoted.push_back(LevelChange{(*demote)->column_int(0), Level::ShortTerm, policy.demoted_expires_at_ms});
    }
    if (auto status = (*demote)->last_status(); !status) return std::move(status).error();
  }
  if (auto status = tx.commit(); !status) return std::move(status).error();
  return demoted;
}

Result<std::optional<MemoryItem>> SqliteItemStore::get(const std::string& tenant, const std::string& id) {
  auto reader = readers_->acquire();
  return read_by_id(*reader, tenant, id);
}

Result<std::vector<MemoryItem>> SqliteItemStore::fetch(const std::string& tenant, std::span<const int64_t> seqs) {
  std::vector<MemoryItem> items;
  if (seqs.empty()) return items;
  // The seqs go in chunks through one statement with a fixed list of parameters
  // (unused ones stay NULL and match nothing), then back into the caller's order;
  // rows of other tenants or already deleted are skipped. (A JSON array through
  // json_each was as fast; this needs no text round trip. What a read costs is
  // SQLite's statement and transaction set-up, hence memory/row_cache.)
  static const std::string sql = [] {
    std::string text = "SELECT " HIRAG_ITEM_COLUMNS " FROM " HIRAG_ITEM_TABLES " WHERE +i.tenant = ?1 AND i.seq IN (";
    for (size_t i = 0; i < kFetchChunk; ++i) text += fmt::format("{}?{}", i == 0 ? "" : ",", i + 2);
    return text + ")";
  }();
  auto reader = readers_->acquire();
  boost::unordered_flat_map<int64_t, MemoryItem> by_seq;
  by_seq.reserve(seqs.size());
  for (size_t chunk = 0; chunk < seqs.size(); chunk += kFetchChunk) {
    // "+tenant": look the rows up by seq; an index on tenant would scan all of the tenant's rows.
    auto stmt = reader->statement(sql.c_str());
    if (!stmt) return std::move(stmt).error();
    (*stmt)->bind(1, tenant);
    const size_t end = std::min(seqs.size(), chunk + kFetchChunk);
    for (size_t i = chunk; i < end; ++i) (*stmt)->bind(static_cast<int>(i - chunk + 2), seqs[i]);
    while ((*stmt)->step()) {
      MemoryItem item = read_item(**stmt, false);
      const int64_t seq = item.seq;
      by_seq.emplace(seq, std::move(item));
    }
    if (auto status = (*stmt)->last_status(); !status) return std::move(status).error();
  }
  items.reserve(by_seq.size());
  for (int64_t seq : seqs) {
    auto it = by_seq.find(seq);
    if (it == by_seq.end()) continue;
    items.push_back(std::move(it->second));
    by_seq.erase(it);
  }
  return items;
}

Result<ListPage> SqliteItemStore::list(const ListRequest& request) {
  ListPage page;
  auto reader = readers_->acquire();
  auto scope = scope_id(*reader, request.tenant, request.name_space, false);
  if (!scope) return std::move(scope).error();
  if (*scope == 0) return page;
  auto stmt = reader->statement("SELECT " HIRAG_ITEM_COLUMNS " FROM " HIRAG_ITEM_TABLES
                                " WHERE i.scope_id = ?1 AND i.seq > ?2 AND (?3 IS NULL OR i.level = ?3)"
                                " ORDER BY i.seq LIMIT ?4");
  if (!stmt) return std::move(stmt).error();
  (*stmt)->bind(1, *scope).bind(2, request.after_seq);
  if (request.level) {
    (*stmt)->bind(3, static_cast<int64_t>(*request.level));
  } else {
    (*stmt)->bind_null(3);
  }
  (*stmt)->bind(4, static_cast<int64_t>(request.limit + 1));
  while ((*stmt)->step()) page.items.push_back(read_item(**stmt, false));
  if (auto status = (*stmt)->last_status(); !status) return std::move(status).error();
  if (page.items.size() > request.limit) {
    page.items.pop_back();
    page.next_after_seq = page.items.back().seq;
  }
  return page;
}

Result<MemoryItem> SqliteItemStore::update(const std::string& tenant, const std::string& id, const ItemPatch& patch) {
  WriteSession session(write_mutex_, *writer_);
  // One transaction: an update whose row cannot be read back is not kept (the
  // caller re-indexes only what it is given).
  Transaction tx(writer_->db());
  if (!tx.begin_status()) return tx.begin_status().error();
  auto stmt = writer_->statement(
      "UPDATE memory_items SET text = COALESCE(?1, text), token_count = COALESCE(?2, token_count),"
      " embedding = COALESCE(?3, embedding), metadata = COALESCE(?4, metadata), updated_at = ?5"
      " WHERE id = ?6 AND tenant = ?7");
  if (!stmt) return std::move(stmt).error();
  Statement& s = **stmt;
  if (patch.text) s.bind(1, *patch.text);
  bind_optional(s, 2, patch.token_count);
  if (patch.embedding) bind_embedding(s, 3, *patch.embedding);
  if (patch.metadata_json) s.bind(4, *patch.metadata_json);
  s.bind(5, now_unix_ms()).bind(6, id).bind(7, tenant);
  if (auto status = s.run(); !status) return std::move(status).error();
  if (writer_->db().changes() == 0) return Error::not_found(fmt::format("context '{}' not found", id));
  // Read back on the writer, which holds the write lock: the row as this update left it.
  auto updated = read_by_id(*writer_, tenant, id);
  if (!updated) return std::move(updated).error();
  if (!*updated) return Error::not_found(fmt::format("context '{}' not found", id));
  if (auto status = tx.commit(); !status) return std::move(status).error();
  return std::move(**updated);
}

Result<std::optional<ItemKey>> SqliteItemStore::remove(const std::string& tenant, const std::string& id) {
  WriteSession session(write_mutex_, *writer_);
  auto stmt = writer_->statement(
      "DELETE FROM memory_items WHERE id = ? AND tenant = ? RETURNING seq, tenant, namespace");
  if (!stmt) return std::move(stmt).error();
  (*stmt)->bind(1, id).bind(2, tenant);
  auto keys = collect_keys(**stmt);
  if (!keys) return std::move(keys).error();
  if (keys->empty()) return std::optional<ItemKey>();
  return std::optional<ItemKey>(keys->front());
}

Result<std::vector<ItemKey>> SqliteItemStore::clear(const std::string& tenant, const std::string& name_space,
                                                    std::optional<Level> level) {
  WriteSession session(write_mutex_, *writer_);
  auto stmt = writer_->statement(
      "DELETE FROM memory_items WHERE tenant = ?1 AND namespace = ?2 AND (?3 IS NULL OR level = ?3)"
      " RETURNING seq, tenant, namespace");
  if (!stmt) return std::move(stmt).error();
  (*stmt)->bind(1, tenant).bind(2, name_space);
  if (level) (*stmt)->bind(3, static_cast<int64_t>(*level));
  return collect_keys(**stmt);
}

Result<std::vector<ItemKey>> SqliteItemStore::delete_expired(int64_t now_ms, size_t limit) {
  WriteSession session(write_mutex_, *writer_);
  auto stmt = writer_->statement(
      "DELETE FROM memory_items WHERE seq IN (SELECT seq FROM memory_items WHERE expires_at <= ?"
      " ORDER BY expires_at LIMIT ?) RETURNING seq, tenant, namespace");
  if (!stmt) return std::move(stmt).error();
  (*stmt)->bind(1, now_ms).bind(2, static_cast<int64_t>(limit));
  return collect_keys(**stmt);
}

Result<std::vector<LevelChange>> SqliteItemStore::record_access(const std::vector<AccessDelta>& deltas,
                                                                const PromotionPolicy& policy) {
  std::vector<LevelChange> promoted;
  if (deltas.empty()) return promoted;
  WriteSession session(write_mutex_, *writer_);
  // Retrieval counts may lose their last seconds (the tracker's are lost in a
  // crash anyway): no fsync of their own, where a flush of 130k counts in
  // transactions of 500 would otherwise sync 260 times.
  RelaxedSync relaxed(writer_->db());
  Transaction tx(writer_->db());
  if (!tx.begin_status()) return tx.begin_status().error();
  auto counts = add_access(*writer_, deltas);
  if (!counts) return std::move(counts).error();
  for (const auto& delta : deltas) {
    if (!delta.short_term || (*counts)[delta.seq] < policy.promote_after_hits) continue;
    auto changed = promote(*writer_, delta.seq, policy.long_term_expires_at_ms);
    if (!changed) return std::move(changed).error();
    if (*changed) promoted.push_back({delta.seq, Level::LongTerm, policy.long_term_expires_at_ms});
  }
  if (auto status = tx.commit(); !status) return std::move(status).error();
  return promoted;
}

Result<std::map<Level, int64_t>> SqliteItemStore::count_by_level() {
  auto reader = readers_->acquire();
  auto stmt = reader->statement("SELECT level, COUNT(*) FROM memory_items GROUP BY level");
  if (!stmt) return std::move(stmt).error();
  std::map<Level, int64_t> counts;
  for (Level level : kAllLevels) counts[level] = 0;
  while ((*stmt)->step()) counts[static_cast<Level>((*stmt)->column_int(0))] = (*stmt)->column_int(1);
  if (auto status = (*stmt)->last_status(); !status) return std::move(status).error();
  return counts;
}

Status SqliteItemStore::scan_embeddings(const EmbeddingVisitor& visit) {
  auto reader = readers_->acquire();
  auto stmt = reader->statement(
      "SELECT seq, tenant, namespace, embedding FROM memory_items WHERE embedding IS NOT NULL ORDER BY seq");
  if (!stmt) return std::move(stmt).error();
  ItemKey key;
  while ((*stmt)->step()) {
    key.seq = (*stmt)->column_int(0);
    key.tenant = (*stmt)->column_text(1);
    key.name_space = (*stmt)->column_text(2);
    const auto blob = (*stmt)->column_blob(3);
    // SQLite blobs are 8-byte aligned in practice; copy to be safe about alignment.
    std::vector<float> vector(blob.size() / sizeof(float));
    std::memcpy(vector.data(), blob.data(), vector.size() * sizeof(float));
    visit(key, vector);
  }
  return (*stmt)->last_status();
}

Status SqliteItemStore::scan_access_counts(const AccessCountVisitor& visit) {
  auto reader = readers_->acquire();
  auto stmt = reader->statement("SELECT seq, access_count FROM memory_access");
  if (!stmt) return std::move(stmt).error();
  while ((*stmt)->step()) visit((*stmt)->column_int(0), (*stmt)->column_int(1));
  return (*stmt)->last_status();
}

Result<std::vector<MemoryItem>> SqliteItemStore::scan_items(int64_t after_seq, size_t limit) {
  auto reader = readers_->acquire();
  auto stmt = reader->statement("SELECT " HIRAG_ITEM_COLUMNS " FROM " HIRAG_ITEM_TABLES " WHERE i.seq > ? ORDER BY i.seq LIMIT ?");
  if (!stmt) return std::move(stmt).error();
  (*stmt)->bind(1, after_seq).bind(2, static_cast<int64_t>(limit));
  std::vector<MemoryItem> items;
  while ((*stmt)->step()) items.push_back(read_item(**stmt, false));
  if (auto status = (*stmt)->last_status(); !status) return std::move(status).error();
  return items;
}

Status SqliteItemStore::set_embeddings(const std::vector<std::pair<int64_t, std::vector<float>>>& embeddings) {
  WriteSession session(write_mutex_, *writer_);
  Transaction tx(writer_->db());
  if (!tx.begin_status()) return tx.begin_status();
  for (const auto& [seq, embedding] : embeddings) {
    auto stmt = writer_->statement("UPDATE memory_items SET embedding = ? WHERE seq = ?");
    if (!stmt) return std::move(stmt).error();
    bind_embedding(**stmt, 1, embedding);
    if (auto status = (*stmt)->bind(2, seq).run(); !status) return status;
  }
  return tx.commit();
}

Result<int64_t> SqliteItemStore::last_change() {
  auto reader = readers_->acquire();
  // The AUTOINCREMENT counter, not MAX(id): the log may have been pruned empty.
  auto stmt = reader->statement(
      "SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'memory_changes'), 0)");
  if (!stmt) return std::move(stmt).error();
  if ((*stmt)->step()) return (*stmt)->column_int(0);
  if (auto status = (*stmt)->last_status(); !status) return std::move(status).error();
  return int64_t{0};
}

Result<std::optional<std::vector<ItemChange>>> SqliteItemStore::changes_since(int64_t after_change, size_t limit) {
  auto reader = readers_->acquire();
  // Each changed (item, namespace) once, at its latest change, with the
  // namespace's names (the row may be gone) and the item's current row, if any,
  // in the leading columns. A seq can come back in another namespace (SQLite
  // reuses the largest rowid after a delete), hence the pair.
  auto stmt = reader->statement(
      "SELECT " HIRAG_ITEM_COLUMNS ", c.item_seq, c.scope_tenant, c.scope_namespace FROM ("
      " SELECT m.item_seq, s.tenant AS scope_tenant, s.namespace AS scope_namespace, m.last FROM ("
      "  SELECT item_seq, scope_id, MAX(id) AS last FROM memory_changes WHERE id > ?1 GROUP BY item_seq, scope_id) m"
      " JOIN memory_scopes s ON s.id = m.scope_id ORDER BY m.last LIMIT ?2) c"
      " LEFT JOIN memory_items i ON i.seq = c.item_seq LEFT JOIN memory_access a ON a.seq = i.seq ORDER BY c.last");
  if (!stmt) return std::move(stmt).error();
  (*stmt)->bind(1, after_change).bind(2, static_cast<int64_t>(limit) + 1);
  std::vector<ItemChange> changes;
  while ((*stmt)->step()) {
    ItemChange change;
    change.key = ItemKey{(*stmt)->column_int(15), (*stmt)->column_text(16), (*stmt)->column_text(17)};
    if (!(*stmt)->column_is_null(0)) {
      auto row = read_item(**stmt, false);
      if (row.tenant == change.key.tenant && row.name_space == change.key.name_space) change.row = std::move(row);
    }
    changes.push_back(std::move(change));
  }
  if (auto status = (*stmt)->last_status(); !status) return std::move(status).error();
  if (changes.size() > limit) return std::optional<std::vector<ItemChange>>();
  return std::optional<std::vector<ItemChange>>(std::move(changes));
}

Status SqliteItemStore::forget_changes(int64_t through, const std::string& meta_key, const std::string& meta_value) {
  WriteSession session(write_mutex_, *writer_);
  Transaction tx(writer_->db());
  if (!tx.begin_status()) return tx.begin_status();
  auto meta = writer_->statement(kUpsertMeta);
  if (!meta) return std::move(meta).error();
  if (auto status = (*meta)->bind(1, meta_key).bind(2, meta_value).run(); !status) return status;
  auto prune = writer_->statement("DELETE FROM memory_changes WHERE id <= ?");
  if (!prune) return std::move(prune).error();
  if (auto status = (*prune)->bind(1, through).run(); !status) return status;
  return tx.commit();
}

Result<std::optional<std::string>> SqliteItemStore::get_meta(const std::string& key) {
  auto reader = readers_->acquire();
  auto stmt = reader->statement("SELECT value FROM meta WHERE key = ?");
  if (!stmt) return std::move(stmt).error();
  (*stmt)->bind(1, key);
  if ((*stmt)->step()) return std::optional<std::string>((*stmt)->column_text(0));
  if (auto status = (*stmt)->last_status(); !status) return std::move(status).error();
  return std::optional<std::string>();
}

Status SqliteItemStore::set_meta(const std::string& key, const std::string& value) {
  WriteSession session(write_mutex_, *writer_);
  auto stmt = writer_->statement(kUpsertMeta);
  if (!stmt) return std::move(stmt).error();
  return (*stmt)->bind(1, key).bind(2, value).run();
}

Status SqliteItemStore::ping() {
  auto reader = readers_->acquire();
  auto stmt = reader->statement("SELECT 1");
  if (!stmt) return std::move(stmt).error();
  (*stmt)->step();
  return (*stmt)->last_status();
}

}  // namespace hirag::store::sqlite
