// bench/core/json_writer_bench: core/json_writer against Boost.JSON's serializer
// (the reference it replaced, for its number format) on the body of a search
// response with 10 results, as the server writes one per search.
#include <benchmark/benchmark.h>

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <string>

#include "core/json_writer.hpp"

namespace {

boost::json::value search_response() {
  boost::json::array contexts;
  for (int i = 0; i < 10; ++i) {
    contexts.push_back(boost::json::object{
        {"id", "01a23de5-4051-78d0-a5fb-9db221feda6c"},
        {"text", "w5630x54 w1222x7 w8369x25 w125x87 w281x59 w15417x16 w475x59 w7179x62 w18234x70 w180x5 "
                 "w13824x93 w2475x93 w75x91 w396x11 w10096x11 w9388x56 w42x1 w7x3 w99x4 \"quoted\"\n"},
        {"level", "LongTerm"},
        {"relevance_score", 0.8399999737739563 - i * 0.013},
        {"token_count", 41 + i},
        {"timestamp", 1796334764 + i},
        {"metadata", boost::json::object{{"source", "chat"}, {"turn", i}, {"weight", 0.5}}}});
  }
  return boost::json::object{
      {"contexts", std::move(contexts)},
      {"total_tokens", 455},
      {"retrieval_time_ms", 0.41760899896326},
      {"metadata", boost::json::object{{"level_distribution", boost::json::object{{"LongTerm", 10}}},
                                       {"avg_relevance", 0.7814999737739563},
                                       {"cache_hits", 0},
                                       {"total_searched", 30}}}};
}

void BM_SearchResponse_JsonWriter(benchmark::State& state) {
  const auto body = search_response();
  size_t bytes = 0;
  for (auto _ : state) {
    std::string text = hirag::to_json(body);
    bytes = text.size();
    benchmark::DoNotOptimize(text);
  }
  state.counters["bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_SearchResponse_JsonWriter);

void BM_SearchResponse_BoostJsonSerialize(benchmark::State& state) {
  const auto body = search_response();
  size_t bytes = 0;
  for (auto _ : state) {
    std::string text = boost::json::serialize(body);
    bytes = text.size();
    benchmark::DoNotOptimize(text);
  }
  state.counters["bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_SearchResponse_BoostJsonSerialize);

}  // namespace

BENCHMARK_MAIN();
