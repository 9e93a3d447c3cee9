#include "context/memory_adapters.hpp"

#include <boost/json.hpp>

namespace hirag::context {

Result<std::vector<RetrievedSnippet>> MemoryRetriever::retrieve(const RetrievalQuery& query) {
  memory::SearchRequest request;
  request.query = query.query;
  request.name_space = query.name_space;
  request.top_k = static_cast<int64_t>(query.top_k);
  request.max_tokens = static_cast<int64_t>(query.max_tokens);
  auto found = memory_.search(query.tenant, request);
  if (!found) return std::move(found).error();
  std::vector<RetrievedSnippet> snippets;
  snippets.reserve(found->items.size());
  for (auto& scored : found->items) {
    snippets.push_back({std::move(scored.item.id), std::move(scored.item.text), scored.score});
  }
  return snippets;
}

Result<std::string> MemoryTurnSink::store_turn(const TurnMemory& turn) {
  memory::NewItem item;
  item.text = turn.content;
  item.name_space = turn.name_space;
  boost::system::error_code ec;
  auto metadata = boost::json::parse(turn.metadata_json, ec);
  if (!ec && metadata.is_object()) item.metadata = std::move(metadata.get_object());
  if (!item.metadata.contains("role")) item.metadata["role"] = turn.role;
  item.created_at_ms = turn.created_at_ms;
  item.session_id = turn.session_id;
  item.source = "turn";
  return memory_.add(turn.tenant, std::move(item));
}

}  // namespace hirag::context
