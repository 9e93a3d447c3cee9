// bench/memory/memory_bench: MemoryService in-process with the local embedder and
// SQLite (synchronous=full, as served): search latency (p50/p99) at 100k items in
// one namespace, per retrieval mode, ingest throughput through the batch path and
// memory per item. Two configurations: the default (bm25: full-text index only)
// and hybrid (the vector index is kept too).
#include <benchmark/benchmark.h>

#include <fmt/format.h>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <stdexcept>

#include "core/clock.hpp"
#include "embed/local_embedder.hpp"
#include "memory/open_memory_service.hpp"
#include "support/percentiles.hpp"
#include "support/synthetic_corpus.hpp"

namespace {

constexpr size_t kItems = 100'000;
// Resident set size of this process, in bytes.
double resident_bytes() {
  long pages = 0;
  long resident = 0;
  if (FILE* statm = std::fopen("/proc/self/statm", "r")) {
    if (std::fscanf(statm, "%ld %ld", &pages, &resident) != 2) resident = 0;
    std::fclose(statm);
  }
  return static_cast<double>(resident) * static_cast<double>(::sysconf(_SC_PAGESIZE));
}

struct Fixture {
  explicit Fixture(const std::string& mode) {
    dir = std::filesystem::temp_directory_path() / fmt::format("hirag-membench-{}-{}", ::getpid(), mode);
    std::filesystem::remove_all(dir);
    config.server.data_dir = dir.string();
    config.retrieval.mode = mode;
    const double resident_before = resident_bytes();
    service = std::move(hirag::memory::open_memory_service(config, hirag::embed::make_local_embedder(config.embedder),
                                                           nullptr, health)
                            .value());
    if (auto loaded = service->load(); !loaded) throw std::runtime_error(loaded.error().message);
    const double start = hirag::monotonic_seconds();
    for (size_t done = 0; done < kItems; done += 1000) {
      std::vector<hirag::memory::NewItem> items(1000);
      for (auto& item : items) {
        item.text = corpus.sentence(20);
        item.level = hirag::store::Level::LongTerm;
        item.name_space = "big";
      }
      (void)service->add_batch("bench", std::move(items)).value();
    }
    ingest_seconds = hirag::monotonic_seconds() - start;
    service->index().wait_for_graphs();
    resident_per_item = (resident_bytes() - resident_before) / kItems;
  }
  ~Fixture() {
    service.reset();
    std::filesystem::remove_all(dir);
  }
  std::filesystem::path dir;
  hirag::Config config;
  hirag::HealthRegistry health;
  hirag::bench::SyntheticCorpus corpus;
  std::unique_ptr<hirag::memory::MemoryService> service;
  double ingest_seconds = 0;
  double resident_per_item = 0;
};

// One fixture alive at a time, so that the resident-size figures are its own.
// Released before exit: its shutdown records metrics, whose statics must still exist.
std::unique_ptr<Fixture> instance;

Fixture& fixture(const std::string& mode) {
  if (!instance || instance->config.retrieval.mode != mode) {
    instance.reset();
    instance = std::make_unique<Fixture>(mode);
  }
  return *instance;
}

void BM_Search100k(benchmark::State& state, const char* configured, const char* mode) {
  auto& f = fixture(configured);
  std::vector<double> samples;
  for (auto _ : state) {
    hirag::memory::SearchRequest request;
    request.query = f.corpus.sentence(4);
    request.name_space = "big";
    request.top_k = 10;
    request.mode = mode;
    const double start = hirag::monotonic_seconds();
    auto result = f.service->search("bench", request);
    samples.push_back(hirag::monotonic_seconds() - start);
    benchmark::DoNotOptimize(result);
  }
  hirag::bench::report_percentiles(state, samples);
  state.counters["initial_ingest_items_per_s"] = kItems / f.ingest_seconds;
  state.counters["resident_bytes_per_item"] = f.resident_per_item;
  state.counters["text_index_bytes_per_item"] =
      static_cast<double>(f.service->text_index_stats().memory_bytes) / static_cast<double>(kItems);
}
BENCHMARK_CAPTURE(BM_Search100k, default_bm25, "bm25", "bm25")->Unit(benchmark::kMicrosecond)->Iterations(5000);

// Start-up work after a restart: the full-text index and item catalog (and, in
// hybrid mode, the vectors) rebuilt from the 100k rows of the fixture.
void BM_Reload100k(benchmark::State& state, const char* configured) {
  auto& f = fixture(configured);
  for (auto _ : state) {
    if (auto loaded = f.service->load(); !loaded) state.SkipWithError(loaded.error().message.c_str());
  }
  state.counters["items_per_s"] = benchmark::Counter(static_cast<double>(kItems), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK_CAPTURE(BM_Reload100k, default_bm25, "bm25")->Unit(benchmark::kMillisecond)->Iterations(3);

// The same start-up once an index snapshot exists: the catalog and full-text
// index are read back from the file instead of being rebuilt from the rows.
void BM_ReloadFromSnapshot100k(benchmark::State& state) {
  auto& f = fixture("bm25");
  if (auto written = f.service->write_snapshot(); !written) state.SkipWithError(written.error().message.c_str());
  for (auto _ : state) {
    if (auto loaded = f.service->load(); !loaded) state.SkipWithError(loaded.error().message.c_str());
  }
  state.counters["items_per_s"] = benchmark::Counter(static_cast<double>(kItems), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_ReloadFromSnapshot100k)->Unit(benchmark::kMillisecond)->Iterations(3);

// The periodic flush of retrieval counts: chunks of 500 deltas (as the service
// writes them) over the 100k rows; after the first pass every delta adds to a
// row that has a count, as under a steady search load. The argument is the seq
// stride within a chunk: 1 for chunks of neighbouring rows (the tracker drains in
// seq order), 7919 for chunks scattered over the table (drain order before).
void BM_RecordAccess100k(benchmark::State& state) {
  auto& f = fixture("bm25");
  constexpr int64_t kChunk = 500;
  const int64_t stride = state.range(0);
  const hirag::store::PromotionPolicy policy;
  int64_t next = 0;
  for (auto _ : state) {
    std::vector<hirag::store::AccessDelta> chunk(kChunk);
    for (auto& delta : chunk) {
      next = (next + stride) % static_cast<int64_t>(kItems);  // coprime: every row once per pass
      delta = {next + 1, 1, hirag::now_unix_ms(), false};
    }
    std::ranges::sort(chunk, {}, &hirag::store::AccessDelta::seq);
    if (auto written = f.service->item_store().record_access(chunk, policy); !written) {
      state.SkipWithError(written.error().message.c_str());
    }
  }
  state.SetItemsProcessed(state.iterations() * kChunk);
}
BENCHMARK(BM_RecordAccess100k)->Arg(1)->Arg(7919)->Unit(benchmark::kMicrosecond)->Iterations(400);

// Batches into the one large namespace of the fixture (its indexes grow as it goes).
void BM_IngestBatch(benchmark::State& state, const char* configured) {
  auto& f = fixture(configured);
  const auto batch = static_cast<size_t>(state.range(0));
  for (auto _ : state) {
    std::vector<hirag::memory::NewItem> items(batch);
    for (auto& item : items) {
      item.text = f.corpus.sentence(20);
      item.level = hirag::store::Level::LongTerm;
      item.name_space = "big";
    }
    benchmark::DoNotOptimize(f.service->add_batch("bench", std::move(items)));
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * batch));
}
BENCHMARK_CAPTURE(BM_IngestBatch, default_bm25, "bm25")->Arg(100)->Arg(1000)->Unit(benchmark::kMillisecond);

BENCHMARK_CAPTURE(BM_Search100k, hybrid_hybrid, "hybrid", "hybrid")->Unit(benchmark::kMicrosecond)->Iterations(2000);
BENCHMARK_CAPTURE(BM_Search100k, hybrid_vector, "hybrid", "vector")->Unit(benchmark::kMicrosecond)->Iterations(2000);
BENCHMARK_CAPTURE(BM_IngestBatch, hybrid, "hybrid")->Arg(1000)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  instance.reset();
  benchmark::Shutdown();
  return 0;
}
