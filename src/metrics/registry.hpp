// metrics/registry: the process-wide Prometheus registry (prometheus-cpp core).
// Each area declares its families in its own file here (http_metrics, memory_metrics,
// ...), as a struct built once by a function-local static that registers them in
// registry(). `register_all_metrics()` touches every area so /metrics lists all
// families from the first scrape.
#pragma once

#include <prometheus/counter.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include <string>

namespace hirag::metrics {

prometheus::Registry& registry();
// Registers every area's families (idempotent).
void register_all_metrics();
// The text exposition format of everything registered.
std::string serialize_metrics();

// Bucket boundaries in seconds for request latencies (0.5 ms .. 10 s).
const prometheus::Histogram::BucketBoundaries& latency_buckets();

}  // namespace hirag::metrics
