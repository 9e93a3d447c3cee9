// http/handlers/contexts_json: the JSON shapes of /api/v1/contexts* — strict
// decoding of requests (unknown fields and wrong types are VALIDATION_ERRORs
// naming the field, e.g. "items[2].level") and encoding of items and search
// results in the seed's shapes. Business limits are checked by MemoryService.
#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "memory/memory_types.hpp"

namespace hirag::http {

// Each decoder reads a request body, or an already parsed object (the arguments
// of an MCP tool call, mcp/), with the same rules.
Result<memory::NewItem> decode_new_item(const std::string& body);
Result<memory::NewItem> decode_new_item(const boost::json::object& object);
Result<std::vector<memory::NewItem>> decode_batch(const std::string& body);
Result<memory::SearchRequest> decode_search(const std::string& body);
Result<memory::SearchRequest> decode_search(const boost::json::object& object);
Result<memory::ItemUpdate> decode_update(const std::string& body);
// POST /api/v1/contexts/delete: {"id": ...}.
Result<std::string> decode_delete(const std::string& body);
// {"id": ...} alone (the delete body, and MCP's memory_get/memory_delete arguments).
Result<std::string> decode_item_id(const boost::json::object& object);

struct ClearRequest {
  memory::Level level = memory::Level::ShortTerm;
  std::string name_space = std::string(memory::kDefaultNamespace);
};
// POST /api/v1/contexts/clear: {"level", "namespace"?} or the seed's bare "Level" string.
Result<ClearRequest> decode_clear(const std::string& body);

// A level name, or a VALIDATION_ERROR on `field` listing the valid names.
Result<memory::Level> parse_level_field(const std::string& field, std::string_view name);

// 201 bodies of POST /contexts {"id"} and /contexts/batch {"ids"}: the id of each
// item (of its first part), plus "parts" with every part's id when a text was split.
boost::json::object encode_stored_item(const memory::StoredIds& ids);
boost::json::object encode_stored_batch(const std::vector<memory::StoredIds>& items);

// 200 body of DELETE /contexts/{id} (and MCP's memory_delete): {"id", "deleted": true}.
boost::json::object encode_deleted_item(const std::string& id);

// The full record (GET/PATCH/list).
boost::json::object encode_item(const memory::MemoryItem& item);
boost::json::object encode_search(const memory::SearchResult& result, bool explain);

}  // namespace hirag::http
