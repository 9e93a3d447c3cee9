// tests/context/context_fakes: stand-ins for the ports of context/ — a retriever
// and a fact source with fixed lists, a sink that records turns, and scripted
// summarizers.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "context/ports.hpp"

namespace hirag::context::testing {

class FixedRetriever final : public Retriever {
 public:
  explicit FixedRetriever(std::vector<RetrievedSnippet> snippets) : snippets_(std::move(snippets)) {}
  Result<std::vector<RetrievedSnippet>> retrieve(const RetrievalQuery& query) override {
    std::lock_guard lock(mutex_);
    queries_.push_back(query);
    return snippets_;
  }
  std::vector<RetrievalQuery> queries() {
    std::lock_guard lock(mutex_);
    return queries_;
  }

 private:
  std::mutex mutex_;
  std::vector<RetrievedSnippet> snippets_;
  std::vector<RetrievalQuery> queries_;
};

class FixedFacts final : public FactSource {
 public:
  explicit FixedFacts(std::vector<RelevantFact> facts) : facts_(std::move(facts)) {}
  Result<std::vector<RelevantFact>> relevant(const std::string&, const std::string&, const std::string& query,
                                             size_t) override {
    std::lock_guard lock(mutex_);
    queries_.push_back(query);
    return facts_;
  }
  std::vector<std::string> queries() {
    std::lock_guard lock(mutex_);
    return queries_;
  }

 private:
  std::mutex mutex_;
  std::vector<RelevantFact> facts_;
  std::vector<std::string> queries_;
};

class RecordingSink final : public TurnSink {
 public:
  Result<std::string> store_turn(const TurnMemory& turn) override {
    std::lock_guard lock(mutex_);
    turns.push_back(turn);
    return "mem-" + std::to_string(turns.size());
  }
  Status forget_turns(const std::string&, const std::vector<std::string>& item_ids) override {
    std::lock_guard lock(mutex_);
    forgotten.insert(forgotten.end(), item_ids.begin(), item_ids.end());
    return ok_status();
  }
  std::mutex mutex_;
  std::vector<TurnMemory> turns;
  std::vector<std::string> forgotten;
};

// A summarizer answering "summary#<call>: <first text head>", counting its calls.
struct CountingSummarizer {
  std::shared_ptr<std::atomic<int>> calls = std::make_shared<std::atomic<int>>(0);
  Summarize function() const {
    auto counter = calls;
    return [counter](const std::vector<std::string>& texts, size_t) -> Result<std::string> {
      const int call = ++*counter;
      return "summary#" + std::to_string(call) + " of " + std::to_string(texts.size()) + " texts";
    };
  }
};

// Ignores the target: returns everything joined (the prototype's defect).
inline Summarize overlong_summarizer() {
  return [](const std::vector<std::string>& texts, size_t) -> Result<std::string> {
    std::string joined;
    for (const auto& text : texts) joined += text + "\n";
    return joined;
  };
}

inline Summarize failing_summarizer() {
  return [](const std::vector<std::string>&, size_t) -> Result<std::string> {
    return Error{ErrorCode::UpstreamError, "model unavailable", {}};
  };
}

}  // namespace hirag::context::testing
