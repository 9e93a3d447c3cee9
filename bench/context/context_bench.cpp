// bench/context/context_bench: POST /context/build's work in-process, no LLM — an
// 8k window, a session of 50 turns (SQLite session store, as served) and retrieval
// from a namespace of 100k items (MemoryService, local embedder, hybrid search,
// through the adapter `hirag serve` uses, cli/memory_ports).
// Reports p50/p99 per build: steady state (the brief already covers the old turns)
// and the worst case of 50 explicit turns folded by the extractive summarizer on
// every build.
#include <benchmark/benchmark.h>

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <stdexcept>

#include "context/context_service.hpp"
#include "cli/memory_ports.hpp"
#include "core/clock.hpp"
#include "embed/local_embedder.hpp"
#include "llm/extractive_summarizer.hpp"
#include "memory/open_memory_service.hpp"
#include "store/sqlite/sqlite_session_store.hpp"
#include "tokenize/tokenizer.hpp"
#include "support/percentiles.hpp"

namespace {

using namespace hirag;

constexpr size_t kItems = 100'000;
constexpr size_t kTurns = 50;
constexpr size_t kVocabulary = 5'000;

class Corpus {
 public:
  Corpus() : rng_(7) {
    for (size_t i = 0; i < kVocabulary; ++i) words_.push_back(fmt::format("w{}", i));
  }
  std::string sentence(size_t words) {
    std::uniform_int_distribution<size_t> pick(0, kVocabulary - 1);
    std::string text;
    for (size_t i = 0; i < words; ++i) text += (i ? " " : "") + words_[pick(rng_)];
    return text;
  }

 private:
  std::mt19937 rng_;
  std::vector<std::string> words_;
};

class PrefetchedRetriever final : public context::Retriever {
 public:
  explicit PrefetchedRetriever(std::vector<context::RetrievedSnippet> snippets) : snippets_(std::move(snippets)) {}
  Result<std::vector<context::RetrievedSnippet>> retrieve(const context::RetrievalQuery&) override { return snippets_; }

 private:
  std::vector<context::RetrievedSnippet> snippets_;
};

struct Fixture {
  Fixture() {
    dir = std::filesystem::temp_directory_path() / fmt::format("hirag-ctxbench-{}", ::getpid());
    std::filesystem::remove_all(dir);
    config.server.data_dir = dir.string();
    const context::CountTokens count = context::exact_token_counter();
    auto opened = memory::open_memory_service(
        config, embed::make_local_embedder(config.embedder),
        [count](std::string_view text) { return count(text, tokenize::kDefaultEncoding); }, health);
    if (!opened) throw std::runtime_error(opened.error().message);
    memory = std::move(opened).value();
    if (auto loaded = memory->load(); !loaded) throw std::runtime_error(loaded.error().message);
    for (size_t done = 0; done < kItems; done += 1000) {
      std::vector<memory::NewItem> items(1000);
      for (auto& item : items) {
        item.text = corpus.sentence(40);
        item.level = store::Level::LongTerm;
      }
      (void)memory->add_batch("bench", std::move(items)).value();
    }
    memory->index().wait_for_graphs();

    auto summarizer = std::make_shared<llm::ExtractiveSummarizer>(
        [count](std::string_view text) { return count(text, tokenize::kDefaultEncoding); });
    service = context::make_context_service(
        config, std::move(store::sqlite::SqliteSessionStore::open((dir / "sessions.db").string(), {}).value()),
        std::make_shared<cli::MemoryRetriever>(*memory), nullptr,
        [summarizer](const std::vector<std::string>& texts, size_t target) {
          return summarizer->summarize(texts, target);
        },
        count);
    for (size_t i = 0; i < kTurns; ++i) {
      const std::string role = i % 2 == 0 ? "user" : "assistant";
      const std::string content = corpus.sentence(i % 2 == 0 ? 30 : 80);
      turns.push_back({role, content, std::nullopt, 0, std::nullopt, std::nullopt});
      (void)service->append_turn({{"bench", "default", "s50"}, role, content, std::nullopt, "{}"}).value();
    }
    (void)service->build(session_request()).value();  // the first build folds the old turns

    // The same session and store, with the snippets of one search served from memory.
    std::vector<context::RetrievedSnippet> snippets =
        cli::MemoryRetriever(*memory).retrieve({"bench", "default", turns.back().content, 5000, 20}).value();
    assembly = context::make_context_service(
        config, std::move(store::sqlite::SqliteSessionStore::open((dir / "sessions.db").string(), {}).value()),
        std::make_shared<PrefetchedRetriever>(std::move(snippets)), nullptr, nullptr, count);
  }
  ~Fixture() {
    service.reset();
    memory.reset();
    std::filesystem::remove_all(dir);
  }

  context::BuildRequest session_request() const {
    context::BuildRequest request;
    request.tenant = "bench";
    request.session_id = "s50";
    request.system_prompt = "You are a helpful assistant. Answer from the context; say when it is missing.";
    request.budget.window = 8000;
    return request;
  }

  std::filesystem::path dir;
  Config config;
  HealthRegistry health;
  Corpus corpus;
  std::unique_ptr<memory::MemoryService> memory;
  std::unique_ptr<context::ContextService> service;
  std::unique_ptr<context::ContextService> assembly;  // no search: prefetched snippets
  std::vector<context::Turn> turns;
};

Fixture& fixture() {
  static Fixture instance;
  return instance;
}

void run(benchmark::State& state, const context::BuildRequest& request, bool with_search = true) {
  auto& f = fixture();
  std::vector<double> samples;
  size_t tokens = 0;
  for (auto _ : state) {
    const double start = monotonic_seconds();
    auto built = (with_search ? f.service : f.assembly)->build(request);
    samples.push_back(monotonic_seconds() - start);
    if (!built) state.SkipWithError(built.error().message.c_str());
    else tokens = built->context.total_tokens;
  }
  hirag::bench::report_percentiles(state, samples);
  state.counters["prompt_tokens"] = static_cast<double>(tokens);
}

void BM_BuildSession8k(benchmark::State& state) { run(state, fixture().session_request()); }
BENCHMARK(BM_BuildSession8k)->Unit(benchmark::kMicrosecond)->Iterations(2000);

// Session build without the search (snippets prefetched): the cost of context/ itself.
void BM_AssemblyOnlySession8k(benchmark::State& state) { run(state, fixture().session_request(), false); }
BENCHMARK(BM_AssemblyOnlySession8k)->Unit(benchmark::kMicrosecond)->Iterations(2000);

void BM_BuildExplicitTurnsWithFold8k(benchmark::State& state) {
  auto request = fixture().session_request();
  request.session_id.reset();
  request.turns = fixture().turns;
  run(state, request);
}
BENCHMARK(BM_BuildExplicitTurnsWithFold8k)->Unit(benchmark::kMicrosecond)->Iterations(500);

// The retrieval part alone (memory's hybrid search with the request a build makes),
// to tell the cost of assembly from the cost of search.
void BM_RetrievalOnly8k(benchmark::State& state) {
  auto& f = fixture();
  memory::SearchRequest request;
  request.query = f.turns.back().content;
  request.top_k = 20;
  request.max_tokens = 5000;
  std::vector<double> samples;
  for (auto _ : state) {
    const double start = monotonic_seconds();
    auto found = f.memory->search("bench", request);
    samples.push_back(monotonic_seconds() - start);
    benchmark::DoNotOptimize(found);
  }
  hirag::bench::report_percentiles(state, samples);
}
BENCHMARK(BM_RetrievalOnly8k)->Unit(benchmark::kMicrosecond)->Iterations(500);

}  // namespace

BENCHMARK_MAIN();
