#include "metrics/storage_metrics.hpp"

namespace hirag::metrics {
namespace {

StorageMetrics build() {
  auto& reg = registry();
  auto& free_bytes = prometheus::BuildGauge()
                         .Name("storage_free_bytes")
                         .Help("Free bytes on the data dir's filesystem, as of the last write or scrape")
                         .Register(reg);
  auto& min_free_bytes = prometheus::BuildGauge()
                             .Name("storage_min_free_bytes")
                             .Help("The reserve (storage.min_free_bytes): below it, writes of new data get 507")
                             .Register(reg);
  auto& errors = prometheus::BuildCounter()
                     .Name("storage_errors_total")
                     .Help("Storage failures by kind: full (SQLITE_FULL), io (SQLITE_IOERR), reserve (writes "
                           "refused below storage.min_free_bytes)")
                     .Register(reg);
  return StorageMetrics{free_bytes.Add({}), min_free_bytes.Add({}), errors.Add({{"kind", "full"}}), errors.Add({{"kind", "io"}}),
                        errors.Add({{"kind", "reserve"}})};
}

}  // namespace

StorageMetrics& storage_metrics() {
  static StorageMetrics metrics = build();
  return metrics;
}

}  // namespace hirag::metrics
