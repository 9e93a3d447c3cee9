#include "cli/memory_ports.hpp"

#include "core/json_reader.hpp"

namespace hirag::cli {

Result<std::vector<context::RetrievedSnippet>> MemoryRetriever::retrieve(const context::RetrievalQuery& query) {
  memory::SearchRequest request;
  request.query = query.query;
  request.name_space = query.name_space;
  if (query.top_k > 0) request.top_k = static_cast<int64_t>(query.top_k);
  if (query.max_tokens > 0) request.max_tokens = static_cast<int64_t>(query.max_tokens);
  auto found = memory_.search(query.tenant, request);
  if (!found) return std::move(found).error();
  std::vector<context::RetrievedSnippet> snippets;
  snippets.reserve(found->items.size());
  for (const auto& scored : found->items) {
    snippets.push_back({scored.item.id, scored.item.text, scored.score});
  }
  return snippets;
}

Result<std::string> MemoryTurnSink::store_turn(const context::TurnMemory& turn) {
  memory::NewItem item;
  item.text = turn.content;
  // Conversation turns are kept until their session is deleted.
  item.level = memory::Level::LongTerm;
  item.name_space = turn.name_space;
  item.session_id = turn.session_id;
  item.source = "turn";
  item.created_at_ms = turn.created_at_ms;
  auto metadata = parse_json_object(turn.metadata_json);
  if (!metadata) return std::move(metadata).error();
  item.metadata = std::move(metadata).value();
  item.metadata["role"] = turn.role;
  return memory_.add(turn.tenant, std::move(item));
}

Status MemoryTurnSink::forget_turns(const std::string& tenant, const std::vector<std::string>& item_ids) {
  for (const auto& id : item_ids) {
    auto status = memory_.remove(tenant, id);
    if (!status && status.error().code != ErrorCode::NotFound) return status;
  }
  return ok_status();
}

}  // namespace hirag::cli
