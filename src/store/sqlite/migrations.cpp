#include "store/sqlite/migrations.hpp"

namespace hirag::store::sqlite {

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> all = {
      {1, "api_keys", R"sql(
        CREATE TABLE api_keys (
          id          TEXT PRIMARY KEY,      -- public part of the key, shown by `keys list`
          tenant      TEXT NOT NULL,
          secret_hash BLOB NOT NULL,         -- SHA-256 of the whole key
          created_at  INTEGER NOT NULL,      -- unix ms
          revoked_at  INTEGER                -- unix ms, NULL while active
        ) STRICT;
        CREATE INDEX api_keys_tenant ON api_keys(tenant);
      )sql"},
      {2, "memory_items", R"sql(
        CREATE TABLE meta (
          key   TEXT PRIMARY KEY,
          value TEXT NOT NULL
        ) STRICT;
        -- One row per (tenant, namespace); its id is the FTS scope token "ns<id>".
        CREATE TABLE memory_scopes (
          id        INTEGER PRIMARY KEY,
          tenant    TEXT NOT NULL,
          namespace TEXT NOT NULL,
          UNIQUE (tenant, namespace)
        ) STRICT;
        CREATE TABLE memory_items (
          seq              INTEGER PRIMARY KEY,   -- label in the vector index
          id               TEXT NOT NULL UNIQUE,  -- UUIDv7
          scope_id         INTEGER NOT NULL REFERENCES memory_scopes(id),
          tenant           TEXT NOT NULL,
          namespace        TEXT NOT NULL,
          level            INTEGER NOT NULL,      -- 0 Immediate, 1 ShortTerm, 2 LongTerm
          text             TEXT NOT NULL,
          token_count      INTEGER NOT NULL,
          embedding        BLOB,                  -- float32 little-endian
          metadata         TEXT NOT NULL DEFAULT '{}',
          created_at       INTEGER NOT NULL,      -- unix ms
          updated_at       INTEGER NOT NULL,
          last_accessed_at INTEGER,              -- unused since schema 12 (memory_access)
          access_count     INTEGER NOT NULL DEFAULT 0,  -- unused since schema 12
          expires_at       INTEGER,
          session_id       TEXT,
          source           TEXT NOT NULL DEFAULT 'note'
        ) STRICT;
        CREATE INDEX memory_items_level ON memory_items(tenant, namespace, level, created_at);
        CREATE INDEX memory_items_scope ON memory_items(scope_id);
        CREATE INDEX memory_items_expiry ON memory_items(expires_at) WHERE expires_at IS NOT NULL;
        CREATE INDEX memory_items_session ON memory_items(tenant, session_id) WHERE session_id IS NOT NULL;
        -- Full text: the scope token column restricts a MATCH to one namespace; rank ignores it.
        CREATE VIRTUAL TABLE memory_fts USING fts5(scope, text, tokenize = 'porter unicode61 remove_diacritics 2');
        INSERT INTO memory_fts(memory_fts, rank) VALUES('rank', 'bm25(0.0, 1.0)');
        CREATE TRIGGER memory_items_fts_insert AFTER INSERT ON memory_items BEGIN
          INSERT INTO memory_fts(rowid, scope, text) VALUES (new.seq, 'ns' || new.scope_id, new.text);
        END;
        CREATE TRIGGER memory_items_fts_delete AFTER DELETE ON memory_items BEGIN
          DELETE FROM memory_fts WHERE rowid = old.seq;
        END;
        CREATE TRIGGER memory_items_fts_update AFTER UPDATE OF text ON memory_items BEGIN
          UPDATE memory_fts SET text = new.text WHERE rowid = new.seq;
        END;
      )sql"},
      {3, "memory_items_drop_fts", R"sql(
        -- Full text moved to an in-memory index (store/text) built from memory_items:
        -- FTS5 scored every document matching any term (44 ms per query at 100k
        -- items) and kept its statistics across tenants.
        DROP TRIGGER memory_items_fts_insert;
        DROP TRIGGER memory_items_fts_delete;
        DROP TRIGGER memory_items_fts_update;
        DROP TABLE memory_fts;
      )sql"},
      {10, "sessions", R"sql(
        -- Conversation sessions (context/): the running brief and its fold point.
        CREATE TABLE sessions (
          tenant        TEXT NOT NULL,
          namespace     TEXT NOT NULL,
          session_id    TEXT NOT NULL,
          brief         TEXT NOT NULL DEFAULT '',
          brief_through INTEGER NOT NULL DEFAULT 0,  -- seq of the last turn folded into the brief
          turn_count    INTEGER NOT NULL DEFAULT 0,  -- also the last seq handed out
          created_at    INTEGER NOT NULL,            -- unix ms
          updated_at    INTEGER NOT NULL,
          PRIMARY KEY (tenant, namespace, session_id)
        ) STRICT, WITHOUT ROWID;
        CREATE TABLE session_turns (
          tenant       TEXT NOT NULL,
          namespace    TEXT NOT NULL,
          session_id   TEXT NOT NULL,
          seq          INTEGER NOT NULL,
          role         TEXT NOT NULL,
          name         TEXT,
          content      TEXT NOT NULL,
          metadata     TEXT NOT NULL DEFAULT '{}',
          token_counts TEXT NOT NULL DEFAULT '{}',  -- {"cl100k_base": n, ...} of the content
          memory_id    TEXT,                        -- the memory item that also holds the turn
          created_at   INTEGER NOT NULL,
          folded       INTEGER NOT NULL DEFAULT 0,
          PRIMARY KEY (tenant, namespace, session_id, seq)
        ) STRICT, WITHOUT ROWID;
      )sql"},
      {11, "memory_changes", R"sql(
        -- The change log of memory_items: an index snapshot taken at change N is
        -- brought up to date by replaying the items changed after N (memory/index_snapshot).
        -- AUTOINCREMENT: ids never go back, even after the log is pruned.
        CREATE TABLE memory_changes (
          id       INTEGER PRIMARY KEY AUTOINCREMENT,
          item_seq INTEGER NOT NULL,
          scope_id INTEGER NOT NULL
        ) STRICT;
        CREATE TRIGGER memory_items_log_insert AFTER INSERT ON memory_items BEGIN
          INSERT INTO memory_changes(item_seq, scope_id) VALUES (new.seq, new.scope_id);
        END;
        -- Only what the snapshot holds: text, and the catalog's level, expiry, token
        -- count, creation time and session. Not the access counts, which every search
        -- bumps (the log would grow by every item retrieved).
        CREATE TRIGGER memory_items_log_update AFTER UPDATE ON memory_items
        WHEN old.text IS NOT new.text OR old.level IS NOT new.level OR old.expires_at IS NOT new.expires_at
          OR old.token_count IS NOT new.token_count OR old.created_at IS NOT new.created_at
          OR old.session_id IS NOT new.session_id BEGIN
          INSERT INTO memory_changes(item_seq, scope_id) VALUES (new.seq, new.scope_id);
        END;
        CREATE TRIGGER memory_items_log_delete AFTER DELETE ON memory_items BEGIN
          INSERT INTO memory_changes(item_seq, scope_id) VALUES (old.seq, old.scope_id);
        END;
      )sql"},
      {12, "memory_access", R"sql(
        -- Access counts move out of memory_items into a narrow table: the periodic
        -- flush updates up to one row per item retrieved since the last one, and
        -- rewriting whole item rows (text, metadata, ids) wrote ~15x more pages to
        -- the WAL. No row means never retrieved. memory_items keeps its columns
        -- access_count and last_accessed_at, no longer read or written: dropping
        -- them rewrites the table twice (38 s at 1M items, all of it downtime).
        CREATE TABLE memory_access (
          seq              INTEGER PRIMARY KEY,  -- memory_items.seq
          access_count     INTEGER NOT NULL,
          last_accessed_at INTEGER               -- unix ms
        ) STRICT;
        INSERT INTO memory_access(seq, access_count, last_accessed_at)
          SELECT seq, access_count, last_accessed_at FROM memory_items
          WHERE access_count > 0 OR last_accessed_at IS NOT NULL;
        CREATE TRIGGER memory_items_access_delete AFTER DELETE ON memory_items BEGIN
          DELETE FROM memory_access WHERE seq = old.seq;
        END;
      )sql"},
      {13, "session_turn_names", R"sql(
        -- A turn's name must be 1-64 characters of [A-Za-z0-9_-] (the OpenAI chat
        -- format's rule): before it was checked, any name was stored, and a model
        -- server refuses such a message, so one bad turn made every later build of
        -- its session fail (a 9 MB name could never fit). Such names are cleared.
        UPDATE session_turns SET name = NULL
          WHERE name IS NOT NULL AND (length(CAST(name AS BLOB)) NOT BETWEEN 1 AND 64
                                      OR name GLOB '*[^A-Za-z0-9_-]*'
                                      OR instr(CAST(name AS BLOB), x'00') > 0);
        -- token_counts now count a turn's name (its tokens + 1) with its content:
        -- the counts of named turns are cleared, and counted again on read.
        UPDATE session_turns SET token_counts = '{}' WHERE name IS NOT NULL;
      )sql"},
      {14, "facts", R"sql(
        -- Subject–predicate–object facts (facts/). A row is one version of a fact:
        -- a contradiction closes it (valid_to, invalidated_at) and inserts the next.
        CREATE TABLE facts (
          seq            INTEGER PRIMARY KEY,   -- query order, cursor and full-text label
          id             TEXT NOT NULL UNIQUE,  -- UUIDv7
          tenant         TEXT NOT NULL,
          namespace      TEXT NOT NULL,
          subject        TEXT NOT NULL,         -- as sent
          predicate      TEXT NOT NULL,
          object         TEXT NOT NULL,
          subject_key    TEXT NOT NULL,         -- normalized (NFC, case-folded, whitespace collapsed)
          predicate_key  TEXT NOT NULL,
          object_key     TEXT NOT NULL,
          datatype       TEXT NOT NULL,
          confidence     REAL NOT NULL,
          source_doc     TEXT,
          anchors        TEXT NOT NULL DEFAULT '[]',  -- JSON array of provenance anchors
          observed_at    INTEGER NOT NULL,      -- unix ms, the latest observation
          valid_from     INTEGER,
          valid_to       INTEGER,
          created_at     INTEGER NOT NULL,
          invalidated_at INTEGER,
          observations   INTEGER NOT NULL DEFAULT 1,
          hash           TEXT NOT NULL,         -- SHA-256 of the normalized subject|predicate|object
          key_hash       TEXT NOT NULL          -- SHA-256 of the normalized subject|predicate
        ) STRICT;
        -- At most one current fact per hash: dedup holds even under concurrent writers.
        CREATE UNIQUE INDEX facts_current_hash ON facts(tenant, namespace, hash) WHERE invalidated_at IS NULL;
        CREATE INDEX facts_key ON facts(tenant, namespace, key_hash, seq);
        CREATE INDEX facts_scope ON facts(tenant, namespace, seq);
        CREATE INDEX facts_subject ON facts(tenant, namespace, subject_key, seq);
        CREATE INDEX facts_predicate ON facts(tenant, namespace, predicate_key, seq);
        CREATE INDEX facts_object ON facts(tenant, namespace, object_key, seq);
        CREATE INDEX facts_source_doc ON facts(tenant, namespace, source_doc, seq) WHERE source_doc IS NOT NULL;
      )sql"},
  };
  return all;
}

}  // namespace hirag::store::sqlite
