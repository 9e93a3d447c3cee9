// context/ports: what context/ needs from the rest of the system, as narrow
// interfaces the composition root (cli/service_set) adapts the real services to:
// retrieval of memory snippets and of facts, storing a turn as a memory item, and
// summarizing. context/ never includes memory/, facts/ or llm/ headers directly.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace hirag::context {

struct RetrievalQuery {
  std::string tenant;
  std::string name_space;
  std::string query;
  size_t max_tokens = 0;  // the retrieval slot; the retriever may return more, context/ trims
  size_t top_k = 0;
};

struct RetrievedSnippet {
  std::string id;    // memory item id
  std::string text;
  double score = 0;  // higher = more relevant
};

class Retriever {
 public:
  virtual ~Retriever() = default;
  // The best snippets for the query, in any order.
  virtual Result<std::vector<RetrievedSnippet>> retrieve(const RetrievalQuery& query) = 0;
};

// A current fact relevant to the build's query.
struct RelevantFact {
  std::string id;
  std::string subject;
  std::string predicate;
  std::string object;
  std::optional<int64_t> valid_from_ms;
  std::optional<int64_t> valid_to_ms;
  double score = 0;  // higher = more relevant
};

class FactSource {
 public:
  virtual ~FactSource() = default;
  // Up to `top_k` current facts of the namespace matching the query, best first.
  virtual Result<std::vector<RelevantFact>> relevant(const std::string& tenant, const std::string& name_space,
                                                     const std::string& query, size_t top_k) = 0;
};

struct TurnMemory {
  std::string tenant;
  std::string name_space;
  std::string session_id;
  std::string role;
  std::string content;
  std::string metadata_json = "{}";  // the turn's metadata object
  int64_t created_at_ms = 0;
};

class TurnSink {
 public:
  virtual ~TurnSink() = default;
  // Stores the turn as a memory item carrying the session id (source "turn");
  // returns the item id.
  virtual Result<std::string> store_turn(const TurnMemory& turn) = 0;
  // Deletes the memory items of a deleted session's turns (ids from store_turn);
  // ids already gone are not an error.
  virtual Status forget_turns(const std::string& tenant, const std::vector<std::string>& item_ids) = 0;
};

// Condenses `texts` into at most `target_tokens` tokens (llm::Summarizer::summarize).
using Summarize = std::function<Result<std::string>(const std::vector<std::string>& texts, size_t target_tokens)>;

}  // namespace hirag::context
