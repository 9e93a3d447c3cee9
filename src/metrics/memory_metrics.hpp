// metrics/memory_metrics: the families of the memory service: the seed's
// context_storage_total / context_retrievals_total (exact names, no labels),
// items per level, store and embedding latency, sweeper and promotion counts.
// Built once and registered in registry(); only memory/ records into them.
#pragma once

#include "metrics/registry.hpp"

namespace hirag::metrics {

struct MemoryMetrics {
  prometheus::Counter& storage_total;     // context_storage_total: items stored
  prometheus::Counter& retrievals_total;  // context_retrievals_total: searches answered
  prometheus::Family<prometheus::Gauge>& items;  // memory_items{level}
  prometheus::Gauge& items_immediate;
  prometheus::Gauge& items_short_term;
  prometheus::Gauge& items_long_term;
  prometheus::Family<prometheus::Histogram>& store_duration;  // memory_store_duration_seconds{op}
  prometheus::Histogram& embed_duration;  // memory_embed_duration_seconds: one embed() call
  prometheus::Counter& embed_requests;    // memory_embed_requests_total
  prometheus::Counter& embed_errors;      // memory_embed_errors_total
  prometheus::Counter& sweeper_runs;      // memory_sweeper_runs_total
  prometheus::Counter& sweeper_deleted;   // memory_sweeper_deleted_total: expired items removed
  prometheus::Counter& sweeper_errors;    // memory_sweeper_errors_total
  prometheus::Counter& access_flushes;    // memory_access_flushes_total: access-count batches written
  prometheus::Counter& snapshots;         // memory_snapshots_total: index snapshots written
  prometheus::Counter& snapshot_errors;   // memory_snapshot_errors_total
  prometheus::Gauge& snapshot_duration;   // memory_snapshot_duration_seconds: the last one
  prometheus::Gauge& load_duration;       // memory_load_duration_seconds: the last start-up
  prometheus::Gauge& load_replayed;       // memory_load_replayed_changes: -1 after a rebuild from rows
  prometheus::Counter& row_cache_hits;    // memory_row_cache_hits_total: search results served from memory
  prometheus::Counter& row_cache_misses;  // memory_row_cache_misses_total: search results read from the store
};

MemoryMetrics& memory_metrics();
// The store latency histogram of one operation ("insert", "search", ...).
prometheus::Histogram& store_duration(const std::string& op);

}  // namespace hirag::metrics
