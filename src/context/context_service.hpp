// context/context_service: sessions (turns and their running brief) and prompt
// assembly under a token budget — what /api/v1/sessions* and /api/v1/context/build
// call. Owns the SessionStore; reaches memory and the summarizer only through the
// ports (context/ports.hpp). Records the token_budget_* metrics. Thread-safe.
#pragma once

#include <memory>

#include "context/context_builder.hpp"
#include "context/ports.hpp"
#include "context/requests.hpp"
#include "core/config.hpp"
#include "store/session_store.hpp"

namespace hirag::context {

struct ContextDeps {
  std::unique_ptr<store::SessionStore> sessions;
  std::shared_ptr<Retriever> retriever;  // null: builds without retrieval
  std::shared_ptr<TurnSink> turn_sink;   // null: turns are not stored as memory items
  Summarize summarize;
  CountTokens count;
  std::shared_ptr<FactSource> facts = nullptr;  // null: builds without facts
};

class ContextService {
 public:
  ContextService(const Config& config, ContextDeps deps);

  // Appends a turn (stored first as a memory item through the TurnSink).
  Result<store::SessionTurn> append_turn(const AppendTurnRequest& request);
  // NOT_FOUND when the session does not exist.
  Result<SessionView> get_session(const store::SessionKey& key);
  // NOT_FOUND when the session does not exist.
  Status delete_session(const store::SessionKey& key);
  // Validation and budget errors are VALIDATION_ERROR; a context that cannot fit is
  // UNPROCESSABLE; an unknown session NOT_FOUND.
  Result<BuildResult> build(const BuildRequest& request);

 private:
  Result<BuildResult> build_session(const BuildRequest& request, const SlotBudget& budget);
  Result<BuildResult> build_once(const BuildRequest& request, BuildInput input);
  FetchSnippets fetcher(const BuildRequest& request, const std::vector<Turn>& turns) const;
  // The facts relevant to the build's query (none when not asked for or not available).
  std::vector<RelevantFact> relevant_facts(const BuildRequest& request, const BuildInput& input,
                                           std::vector<std::string>& notes) const;
  void record_metrics(const Result<BuildResult>& result) const;

  ContextConfig config_;
  RetrievalConfig retrieval_;
  size_t max_text_bytes_;
  ContextDeps deps_;
  ContextBuilder builder_;
};

std::unique_ptr<ContextService> make_context_service(const Config& config,
                                                     std::unique_ptr<store::SessionStore> sessions,
                                                     std::shared_ptr<Retriever> retriever,
                                                     std::shared_ptr<TurnSink> turn_sink, Summarize summarize,
                                                     CountTokens count, std::shared_ptr<FactSource> facts = nullptr);

}  // namespace hirag::context
