// bench/store/text_bench: the full-text index alone (store/text/NamespaceText):
// top-k search over one namespace of synthetic 20-word texts (bench/support/
// synthetic_corpus) with four-word queries, at k = 100 (the default candidate
// count a search asks the text index for) and k = 10. No HTTP, no SQLite: what
// the index costs per query, to compare scoring strategies.
#include <benchmark/benchmark.h>

#include <map>
#include <memory>

#include "retrieval/text_terms.hpp"
#include "store/text/namespace_text.hpp"
#include "support/percentiles.hpp"
#include "support/synthetic_corpus.hpp"

namespace {

using hirag::store::text::NamespaceText;

constexpr size_t kQueries = 4096;

struct Fixture {
  // The served defaults: retrieval.bm25_k1, bm25_b, max_query_terms.
  explicit Fixture(size_t documents) : index(hirag::store::text::TextScoring{1.2, 0.2, 16}) {
    hirag::bench::SyntheticCorpus corpus;
    for (size_t label = 1; label <= documents; ++label) {
      index.add(static_cast<int64_t>(label), hirag::retrieval::document_terms(corpus.sentence(20)));
    }
    hirag::bench::SyntheticCorpus queries(7);
    for (size_t i = 0; i < kQueries; ++i) query_terms.push_back(hirag::retrieval::query_terms(queries.sentence(4)));
  }
  NamespaceText index;
  std::vector<std::vector<std::string>> query_terms;
};

Fixture& fixture(size_t documents) {
  static std::map<size_t, std::unique_ptr<Fixture>> fixtures;
  auto& slot = fixtures[documents];
  if (!slot) slot = std::make_unique<Fixture>(documents);
  return *slot;
}

void BM_TextSearch(benchmark::State& state) {
  auto& f = fixture(static_cast<size_t>(state.range(0)));
  const auto k = static_cast<size_t>(state.range(1));
  std::vector<double> samples;
  size_t next = 0;
  for (auto _ : state) {
    const auto& terms = f.query_terms[next++ % kQueries];
    const auto start = std::chrono::steady_clock::now();
    auto hits = f.index.search(terms, k);
    samples.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    benchmark::DoNotOptimize(hits);
  }
  hirag::bench::report_percentiles(state, samples);
  state.counters["index_bytes_per_doc"] =
      static_cast<double>(f.index.memory_bytes()) / static_cast<double>(state.range(0));
}
BENCHMARK(BM_TextSearch)
    ->ArgNames({"docs", "k"})
    ->Args({100'000, 100})
    ->Args({100'000, 10})
    ->Args({1'000'000, 100})
    ->Unit(benchmark::kMicrosecond)
    ->Iterations(20'000);

}  // namespace

BENCHMARK_MAIN();
