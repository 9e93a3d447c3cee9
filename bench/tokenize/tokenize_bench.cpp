// bench/tokenize: single-thread throughput of encode and count for both encodings on
// the parity texts (../shared/data/tokenizer-parity), the vocabulary load time, and
// the first-load time and resident-memory growth of each encoder (printed as context).
// Throughput uses wall-clock time, like tiktoken_bench.mjs.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <string>

#include "tokenize/tokenizer.hpp"
#include "tokenize/vocab/embedded_vocab.hpp"
#include "tokenize/vocab/vocab_loader.hpp"

namespace {

using hirag::tokenize::Encoding;

const char* const kTexts[] = {"doc_en", "code_py", "i18n_text", "crlf_text"};

std::string gunzip(const std::string& path) {
  std::string out;
  if (FILE* pipe = popen(("gzip -dc '" + path + "'").c_str(), "r")) {
    char buf[1 << 16];
    for (size_t n; (n = fread(buf, 1, sizeof buf, pipe)) > 0;) out.append(buf, n);
    pclose(pipe);
  }
  return out;
}

const std::string& text(const std::string& name) {
  static std::map<std::string, std::string> cache;
  auto [it, fresh] = cache.try_emplace(name);
  if (fresh) it->second = gunzip(std::string(HIRAG_SHARED_DIR) + "/data/tokenizer-parity/" + name + ".txt.gz");
  return it->second;
}

long rss_kb() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  }
  return 0;
}

void encode(benchmark::State& state, Encoding e, const std::string& name) {
  const auto& tok = hirag::tokenize::tokenizer(e);
  const std::string& t = text(name);
  for (auto _ : state) benchmark::DoNotOptimize(tok.encode(t));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * t.size()));
}

void count(benchmark::State& state, Encoding e, const std::string& name) {
  const auto& tok = hirag::tokenize::tokenizer(e);
  const std::string& t = text(name);
  for (auto _ : state) benchmark::DoNotOptimize(tok.count(t));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * t.size()));
}

void load(benchmark::State& state, Encoding e) {
  const auto embedded = hirag::tokenize::embedded_vocab(e);
  for (auto _ : state) benchmark::DoNotOptimize(hirag::tokenize::load_vocabulary(embedded.bytes, embedded.sha256_hex));
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  for (Encoding e : {Encoding::cl100k_base, Encoding::o200k_base}) {
    const std::string enc(hirag::tokenize::encoding_name(e));
    // First use: verify, parse and index the embedded vocabulary.
    const long rss_before = rss_kb();
    const auto start = std::chrono::steady_clock::now();
    const auto& tok = hirag::tokenize::tokenizer(e);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    benchmark::AddCustomContext(enc + "_first_load_ms", std::to_string(ms));
    benchmark::AddCustomContext(enc + "_rss_growth_kb", std::to_string(rss_kb() - rss_before));
    benchmark::AddCustomContext(enc + "_table_kb", std::to_string(tok.vocabulary().memory_bytes() / 1024));
    benchmark::RegisterBenchmark(("load/" + enc).c_str(), load, e)->Unit(benchmark::kMillisecond);
    for (const char* name : kTexts) {
      benchmark::RegisterBenchmark(("encode/" + enc + "/" + name).c_str(), encode, e, std::string(name))
          ->Unit(benchmark::kMillisecond)
          ->UseRealTime();
      benchmark::RegisterBenchmark(("count/" + enc + "/" + name).c_str(), count, e, std::string(name))
          ->Unit(benchmark::kMillisecond)
          ->UseRealTime();
    }
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
