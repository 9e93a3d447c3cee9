// bench/locomo/locomo_eval: the LoCoMo retrieval evaluation (README protocol)
// run in-process against MemoryService, for fast iteration on retrieval quality.
// Usage: bench_locomo [--json PATH] [key=value ...] where keys set [retrieval]
// options: mode=hybrid|bm25|vector, weight_similarity=, weight_recency=,
// weight_level=, weight_frequency=, candidates=, bm25_k1=, bm25_b=,
// neighbour_weight=, neighbour_sources=, and top_k= (what each search asks for,
// default 50; with less, R@k for k above it counts only what was returned).
// Prints R@5/10/25/50 overall and per category. (locomo_eval.py runs the same protocol against a real server.)
#include <fmt/format.h>

#include <boost/json.hpp>
#include <filesystem>
#include <map>
#include <set>

#include "embed/local_embedder.hpp"
#include "locomo_data.hpp"
#include "memory/open_memory_service.hpp"

namespace {

using hirag::bench::Conversation;

constexpr size_t kKs[] = {5, 10, 25, 50};

struct Recall {
  double sum[4] = {0, 0, 0, 0};
  size_t questions = 0;
  void add(const std::vector<std::string>& ranked, const std::vector<std::string>& evidence) {
    for (size_t k = 0; k < 4; ++k) {
      std::set<std::string> top(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(std::min(kKs[k], ranked.size())));
      size_t found = 0;
      for (const auto& id : evidence) found += top.contains(id) ? 1 : 0;
      sum[k] += static_cast<double>(found) / static_cast<double>(evidence.size());
    }
    ++questions;
  }
  std::string row(const std::string& name) const {
    return fmt::format("| {:<10} | {:>4} | {:5.1f} | {:5.1f} | {:5.1f} | {:5.1f} |", name, questions,
                       100 * sum[0] / questions, 100 * sum[1] / questions, 100 * sum[2] / questions,
                       100 * sum[3] / questions);
  }
};

bool apply_option(hirag::Config& config, const std::string& key, const std::string& value) {
  auto& r = config.retrieval;
  if (key == "mode") r.mode = value;
  else if (key == "weight_similarity") r.weight_similarity = std::stod(value);
  else if (key == "weight_recency") r.weight_recency = std::stod(value);
  else if (key == "weight_level") r.weight_level = std::stod(value);
  else if (key == "weight_frequency") r.weight_frequency = std::stod(value);
  else if (key == "candidates") r.candidates = std::stoll(value);
  else if (key == "bm25_k1") r.bm25_k1 = std::stod(value);
  else if (key == "neighbour_weight") r.neighbour_weight = std::stod(value);
  else if (key == "neighbour_sources") r.neighbour_sources = std::stoll(value);
  else if (key == "bm25_b") r.bm25_b = std::stod(value);
  else if (key == "dimension") config.embedder.dimension = std::stoll(value);
  else return false;
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::string json_path = std::string(HIRAG_SHARED_DIR) + "/data/locomo-dev/locomo-dev.json";
  hirag::Config config;
  int64_t top_k = 50;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--json" && i + 1 < argc) {
      json_path = argv[++i];
      continue;
    }
    const auto eq = arg.find('=');
    if (eq != std::string::npos && arg.substr(0, eq) == "top_k") {
      top_k = std::stoll(arg.substr(eq + 1));
      continue;
    }
    if (eq == std::string::npos || !apply_option(config, arg.substr(0, eq), arg.substr(eq + 1))) {
      fmt::print(stderr, "unknown argument '{}'\n", arg);
      return 2;
    }
  }
  const auto dir = std::filesystem::temp_directory_path() / fmt::format("hirag-locomo-{}", ::getpid());
  std::filesystem::remove_all(dir);
  config.server.data_dir = dir.string();
  config.storage.synchronous = "normal";
  hirag::HealthRegistry health;
  auto opened = hirag::memory::open_memory_service(config, hirag::embed::make_local_embedder(config.embedder),
                                                   nullptr, health);
  if (!opened) {
    fmt::print(stderr, "{}\n", opened.error().message);
    return 1;
  }
  auto& service = **opened;
  if (auto loaded = service.load(); !loaded) {
    fmt::print(stderr, "{}\n", loaded.error().message);
    return 1;
  }
  const auto conversations = hirag::bench::load_locomo(json_path);
  Recall overall;
  std::map<int64_t, Recall> by_category;
  for (const Conversation& conversation : conversations) {
    std::vector<hirag::memory::NewItem> items;
    for (const auto& turn : conversation.turns) {
      hirag::memory::NewItem item;
      item.text = turn.text;
      item.level = hirag::store::Level::LongTerm;
      item.name_space = conversation.sample_id;
      item.created_at_ms = turn.created_at_ms;
      item.metadata = {{"dia_id", turn.dia_id}, {"session", turn.session}, {"speaker", turn.speaker}};
      items.push_back(std::move(item));
    }
    if (auto ids = service.add_batch("default", std::move(items)); !ids) {
      fmt::print(stderr, "ingest failed: {}\n", ids.error().message);
      return 1;
    }
    for (const auto& question : conversation.questions) {
      hirag::memory::SearchRequest request;
      request.query = question.question;
      request.name_space = conversation.sample_id;
      request.top_k = top_k;
      auto result = service.search("default", request);
      if (!result) {
        fmt::print(stderr, "search failed: {}\n", result.error().message);
        return 1;
      }
      std::vector<std::string> ranked;
      for (const auto& scored : result->items) {
        ranked.push_back(std::string(boost::json::parse(scored.item.metadata_json).at("dia_id").as_string()));
      }
      overall.add(ranked, question.evidence);
      by_category[question.category].add(ranked, question.evidence);
    }
  }
  fmt::print("mode={} sim={} rec={} lvl={} freq={}\n", config.retrieval.mode, config.retrieval.weight_similarity,
             config.retrieval.weight_recency, config.retrieval.weight_level, config.retrieval.weight_frequency);
  fmt::print("| category   |    n |   R@5 |  R@10 |  R@25 |  R@50 |\n|---|---|---|---|---|---|\n");
  fmt::print("{}\n", overall.row("all"));
  for (const auto& [category, recall] : by_category) fmt::print("{}\n", recall.row(fmt::format("cat {}", category)));
  service.shutdown();
  opened->reset();
  std::filesystem::remove_all(dir);
  return 0;
}
