#include "metrics/memory_metrics.hpp"

namespace hirag::metrics {
namespace {

prometheus::Counter& counter(const std::string& name, const std::string& help) {
  return prometheus::BuildCounter().Name(name).Help(help).Register(registry()).Add({});
}

prometheus::Gauge& gauge(const std::string& name, const std::string& help) {
  return prometheus::BuildGauge().Name(name).Help(help).Register(registry()).Add({});
}

}  // namespace

MemoryMetrics& memory_metrics() {
  static auto& items = prometheus::BuildGauge().Name("memory_items").Help("Memory items by level").Register(registry());
  static MemoryMetrics instance{
      counter("context_storage_total", "Contexts stored"),
      counter("context_retrievals_total", "Context searches answered"),
      items,
      items.Add({{"level", "Immediate"}}),
      items.Add({{"level", "ShortTerm"}}),
      items.Add({{"level", "LongTerm"}}),
      prometheus::BuildHistogram()
          .Name("memory_store_duration_seconds")
          .Help("Latency of item store operations by operation")
          .Register(registry()),
      prometheus::BuildHistogram()
          .Name("memory_embed_duration_seconds")
          .Help("Latency of one embedder call made by the memory service")
          .Register(registry())
          .Add({}, latency_buckets()),
      counter("memory_embed_requests_total", "Embedder calls made by the memory service"),
      counter("memory_embed_errors_total", "Embedder calls that failed"),
      counter("memory_sweeper_runs_total", "Expiry sweeps run"),
      counter("memory_sweeper_deleted_total", "Expired items removed by the sweeper"),
      counter("memory_sweeper_errors_total", "Expiry sweeps that failed"),
      counter("memory_access_flushes_total", "Batches of access counts written"),
      counter("memory_snapshots_total", "Index snapshots written"),
      counter("memory_snapshot_errors_total", "Index snapshots that could not be written"),
      gauge("memory_snapshot_duration_seconds", "Time the last index snapshot took to write"),
      gauge("memory_load_duration_seconds", "Time the last start-up took to fill the indexes and catalog"),
      gauge("memory_load_replayed_changes", "Items replayed from the change log after loading the index snapshot "
                                            "at the last start-up (-1: rebuilt from every row)"),
      counter("memory_row_cache_hits_total", "Search results served from the row cache"),
      counter("memory_row_cache_misses_total", "Search results read from the store (then cached)"),
  };
  return instance;
}

prometheus::Histogram& store_duration(const std::string& op) {
  return memory_metrics().store_duration.Add({{"op", op}}, latency_buckets());
}

}  // namespace hirag::metrics
