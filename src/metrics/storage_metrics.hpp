// metrics/storage_metrics: the data dir's filesystem as an operator watches it:
// storage_free_bytes (alert before it reaches storage_min_free_bytes, the
// configured [storage] min_free_bytes) and
// storage_errors_total{kind} (SQLite's "full" and "io" errors, and "reserve":
// writes refused because free space was below the reserve).
#pragma once

#include "metrics/registry.hpp"

namespace hirag::metrics {

struct StorageMetrics {
  prometheus::Gauge& free_bytes;        // storage_free_bytes
  prometheus::Gauge& min_free_bytes;    // storage_min_free_bytes: the configured reserve
  prometheus::Counter& full_errors;     // storage_errors_total{kind="full"}
  prometheus::Counter& io_errors;       // storage_errors_total{kind="io"}
  prometheus::Counter& reserve_errors;  // storage_errors_total{kind="reserve"}
};

StorageMetrics& storage_metrics();

}  // namespace hirag::metrics
