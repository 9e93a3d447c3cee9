#include "context/context_service.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "core/clock.hpp"
#include "metrics/context_metrics.hpp"

namespace hirag::context {
namespace {

constexpr int kFoldAttempts = 3;          // a build re-reads the session when another build folded first
constexpr size_t kTokensPerSnippet = 250;  // sizes top_k to the retrieval slot
constexpr size_t kTokensPerFact = 12;      // sizes the facts asked for to the facts slot
constexpr size_t kMaxFacts = 100;

Status validate_turn(std::string_view field, const Turn& turn, size_t max_bytes) {
  if (!is_valid_role(turn.role)) {
    return Error::field(fmt::format("{}role", field),
                        fmt::format("role must be one of {}, got '{}'", valid_roles(), turn.role));
  }
  if (turn.content.empty() || turn.content.size() > max_bytes) {
    return Error::field(fmt::format("{}content", field),
                        fmt::format("content must be 1 to {} bytes (memory.max_text_bytes), got {}", max_bytes,
                                    turn.content.size()));
  }
  return validate_name(fmt::format("{}name", field), turn.name);
}

Status validate_build(const BuildRequest& request, const ContextConfig& config, size_t max_bytes) {
  if (request.session_id.has_value() == request.turns.has_value()) {
    return Error::field("session_id", "give exactly one of session_id and turns");
  }
  if (request.session_id) return validate_session_id(*request.session_id);
  const auto& turns = *request.turns;
  if (turns.size() > static_cast<size_t>(config.max_turns)) {
    return Error::field("turns", fmt::format("at most {} turns (context.max_turns), got {}", config.max_turns,
                                             turns.size()));
  }
  for (size_t i = 0; i < turns.size(); ++i) {
    if (auto status = validate_turn(fmt::format("turns[{}].", i), turns[i], max_bytes); !status) return status;
  }
  return ok_status();
}

std::string default_query(const BuildRequest& request, const std::vector<Turn>& turns) {
  if (request.query) return *request.query;
  const auto last_user = std::find_if(turns.rbegin(), turns.rend(), [](const Turn& t) { return t.role == "user"; });
  return last_user == turns.rend() ? std::string() : last_user->content;
}

Turn to_turn(const store::SessionTurn& stored, tokenize::Encoding encoding) {
  Turn turn{stored.role, stored.content, stored.name, stored.seq, stored.memory_id, std::nullopt};
  const auto known = stored.token_counts.find(std::string(tokenize::encoding_name(encoding)));
  if (known != stored.token_counts.end()) turn.text_tokens = static_cast<size_t>(known->second);
  return turn;
}

// text_tokens() of a turn for every encoding whose count is not in `counts` yet.
void count_turn_tokens(std::map<std::string, int64_t>& counts, const std::string& content,
                       const std::optional<std::string>& name, const CountTokens& count) {
  for (const auto encoding_name : tokenize::encoding_names()) {
    const std::string key(encoding_name);
    if (counts.contains(key)) continue;
    counts[key] = static_cast<int64_t>(text_tokens(content, name, *tokenize::parse_encoding(encoding_name), count));
  }
}

}  // namespace

ContextService::ContextService(const Config& config, ContextDeps deps)
    : config_(config.context),
      retrieval_(config.retrieval),
      max_text_bytes_(static_cast<size_t>(config.memory.max_text_bytes)),
      deps_(std::move(deps)),
      builder_(BriefFolder(deps_.summarize, deps_.count), deps_.count) {}

Result<store::SessionTurn> ContextService::append_turn(const AppendTurnRequest& request) {
  if (auto status = validate_session_id(request.key.session_id); !status) return std::move(status).error();
  if (auto status = validate_turn("", Turn{request.role, request.content, request.name, 0, {}, {}}, max_text_bytes_);
      !status) {
    return std::move(status).error();
  }
  store::NewSessionTurn turn;
  turn.role = request.role;
  turn.content = request.content;
  turn.name = request.name;
  turn.metadata_json = request.metadata_json;
  turn.created_at_ms = now_unix_ms();
  count_turn_tokens(turn.token_counts, request.content, request.name, deps_.count);
  if (deps_.turn_sink) {
    auto stored = deps_.turn_sink->store_turn(TurnMemory{request.key.tenant, request.key.name_space,
                                                         request.key.session_id, request.role, request.content,
                                                         request.metadata_json, turn.created_at_ms});
    if (!stored) return std::move(stored).error();
    turn.memory_id = std::move(stored).value();
  }
  auto appended = deps_.sessions->append_turn(request.key, turn, config_.max_turns);
  if (!appended && turn.memory_id) {
    // The session refused the turn (e.g. context.max_turns): its memory item must not
    // stay behind as a search result of a turn that does not exist.
    (void)deps_.turn_sink->forget_turns(request.key.tenant, {*turn.memory_id});
  }
  return appended;
}

Result<SessionView> ContextService::get_session(const store::SessionKey& key) {
  if (auto status = validate_session_id(key.session_id); !status) return std::move(status).error();
  auto record = deps_.sessions->get(key);
  if (!record) return std::move(record).error();
  if (!record->has_value()) return Error::not_found(fmt::format("no session '{}'", key.session_id));
  auto turns = deps_.sessions->turns(key, false);
  if (!turns) return std::move(turns).error();
  SessionView view{std::move(**record), std::move(turns).value(), {}};
  // Turns stored before names were counted have their counts cleared (migration 13).
  for (auto& turn : view.turns) count_turn_tokens(turn.token_counts, turn.content, turn.name, deps_.count);
  for (const auto name : tokenize::encoding_names()) {
    view.brief_tokens[std::string(name)] =
        static_cast<int64_t>(deps_.count(view.record.brief.text, *tokenize::parse_encoding(name)));
  }
  return view;
}

Status ContextService::delete_session(const store::SessionKey& key) {
  if (auto status = validate_session_id(key.session_id); !status) return status;
  auto turns = deps_.sessions->turns(key, false);
  if (!turns) return std::move(turns).error();
  auto removed = deps_.sessions->remove(key);
  if (!removed) return std::move(removed).error();
  if (!*removed) return Error::not_found(fmt::format("no session '{}'", key.session_id));
  // The turns' memory items go with the session, so a search no longer finds them.
  std::vector<std::string> item_ids;
  for (const auto& turn : *turns) {
    if (turn.memory_id) item_ids.push_back(*turn.memory_id);
  }
  if (deps_.turn_sink && !item_ids.empty()) return deps_.turn_sink->forget_turns(key.tenant, item_ids);
  return ok_status();
}

Result<BuildResult> ContextService::build(const BuildRequest& request) {
  auto result = [&]() -> Result<BuildResult> {
    if (auto status = validate_build(request, config_, max_text_bytes_); !status) return std::move(status).error();
    auto budget = make_budget(config_, request.budget);
    if (!budget) return std::move(budget).error();
    if (request.session_id) return build_session(request, *budget);
    BuildInput input{request.encoding, *budget, request.system_prompt, "", *request.turns};
    for (size_t i = 0; i < input.turns.size(); ++i) input.turns[i].seq = static_cast<int64_t>(i + 1);
    return build_once(request, std::move(input));
  }();
  record_metrics(result);
  return result;
}

Result<BuildResult> ContextService::build_session(const BuildRequest& request, const SlotBudget& budget) {
  const store::SessionKey key{request.tenant, request.name_space, *request.session_id};
  size_t discarded_calls = 0;
  for (int attempt = 1;; ++attempt) {
    auto record = deps_.sessions->get(key);
    if (!record) return std::move(record).error();
    if (!record->has_value()) return Error::not_found(fmt::format("no session '{}'", key.session_id));
    const store::SessionBrief brief = (*record)->brief;
    auto stored = deps_.sessions->turns(key, true);
    if (!stored) return std::move(stored).error();
    BuildInput input{request.encoding, budget, request.system_prompt, brief.text, {}};
    for (const auto& turn : *stored) input.turns.push_back(to_turn(turn, request.encoding));

    auto built = build_once(request, std::move(input));
    if (!built) return built;
    built->context.summarizer_calls += discarded_calls;
    built->brief_through_seq = brief.through_seq;
    if (!built->context.folded_through) return built;
    const store::SessionBrief folded{built->context.brief_text, *built->context.folded_through};
    auto saved = deps_.sessions->save_brief(key, brief.through_seq, folded);
    if (saved) {
      built->brief_through_seq = folded.through_seq;
      return built;
    }
    if (saved.error().code != ErrorCode::Conflict || attempt == kFoldAttempts) return std::move(saved).error();
    discarded_calls = built->context.summarizer_calls;
  }
}

Result<BuildResult> ContextService::build_once(const BuildRequest& request, BuildInput input) {
  const auto fetch = fetcher(request, input.turns);
  std::vector<std::string> notes;
  input.facts = relevant_facts(request, input, notes);
  input.now_ms = now_unix_ms();
  auto built = builder_.build(input, fetch);
  if (!built) return std::move(built).error();
  BuildResult result{std::move(built).value(), input.budget, request.encoding, std::nullopt};
  result.context.notes.insert(result.context.notes.end(), notes.begin(), notes.end());
  return result;
}

std::vector<RelevantFact> ContextService::relevant_facts(const BuildRequest& request, const BuildInput& input,
                                                         std::vector<std::string>& notes) const {
  const std::string query = default_query(request, input.turns);
  if (!request.include_facts || !deps_.facts || query.empty() || input.budget.facts == 0) return {};
  const size_t top_k = std::clamp<size_t>(input.budget.facts / kTokensPerFact, 1, kMaxFacts);
  auto facts = deps_.facts->relevant(request.tenant, request.name_space, query, top_k);
  if (facts) return std::move(facts).value();
  // Like retrieval, facts are an aid: the build goes on without them.
  notes.push_back(fmt::format("facts failed ({}); built without facts", facts.error().message));
  return {};
}

FetchSnippets ContextService::fetcher(const BuildRequest& request, const std::vector<Turn>& turns) const {
  std::string query = default_query(request, turns);
  if (!deps_.retriever || query.empty()) {
    return [](size_t) -> Result<std::vector<RetrievedSnippet>> { return std::vector<RetrievedSnippet>{}; };
  }
  return [this, &request, query = std::move(query)](size_t max_tokens) {
    const auto top_k = std::clamp<int64_t>(static_cast<int64_t>(max_tokens / kTokensPerSnippet),
                                           retrieval_.default_top_k, retrieval_.max_top_k);
    return deps_.retriever->retrieve(
        RetrievalQuery{request.tenant, request.name_space, query, max_tokens, static_cast<size_t>(top_k)});
  };
}

void ContextService::record_metrics(const Result<BuildResult>& result) const {
  auto& metrics = metrics::context_metrics();
  if (!result) {
    if (result.error().code == ErrorCode::Unprocessable) metrics.overflows.Increment();
    return;
  }
  const auto& context = result->context;
  metrics.used.Observe(static_cast<double>(context.total_tokens));
  metrics.remaining.Observe(static_cast<double>(context.remaining));
  if (context.overflowed) metrics.overflows.Increment();
  if (context.summarizer_calls > 0) metrics.summarizations.Increment(static_cast<double>(context.summarizer_calls));
}

std::unique_ptr<ContextService> make_context_service(const Config& config,
                                                     std::unique_ptr<store::SessionStore> sessions,
                                                     std::shared_ptr<Retriever> retriever,
                                                     std::shared_ptr<TurnSink> turn_sink, Summarize summarize,
                                                     CountTokens count, std::shared_ptr<FactSource> facts) {
  return std::make_unique<ContextService>(
      config, ContextDeps{std::move(sessions), std::move(retriever), std::move(turn_sink), std::move(summarize),
                          std::move(count), std::move(facts)});
}

}  // namespace hirag::context
