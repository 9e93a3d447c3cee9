// mcp/memory_tools: memory_store, memory_search, memory_get, memory_delete —
// the same decoders (http/handlers/contexts_json), MemoryService calls and
// encoders as POST /api/v1/contexts, /contexts/search, GET and DELETE /contexts/{id}.
#include "http/handlers/contexts_json.hpp"
#include "http/services.hpp"
#include "mcp/json_schema.hpp"
#include "mcp/tool.hpp"
#include "memory/memory_service.hpp"
#include "store/disk_reserve.hpp"

namespace hirag::mcp {
namespace {

constexpr std::string_view kItemSchema = R"json({"type": "object", "properties": {
  "id": {"type": "string"}, "text": {"type": "string"}, "level": {"type": "string"},
  "namespace": {"type": "string"}, "metadata": {"type": "object"}, "token_count": {"type": "integer"},
  "timestamp": {"type": "integer"}, "created_at": {"type": "string"}, "updated_at": {"type": "string"},
  "access_count": {"type": "integer"}, "last_accessed_at": {"type": ["string", "null"]},
  "expires_at": {"type": ["string", "null"]}, "session_id": {"type": ["string", "null"]},
  "source": {"type": "string"}}, "required": ["id", "text", "level", "namespace"]})json";

constexpr std::string_view kIdInput = R"json({"type": "object", "properties": {
  "id": {"type": "string", "description": "The item's id"}}, "required": ["id"], "additionalProperties": false})json";

Tool store_tool(memory::MemoryService* memory, const store::DiskReserve* disk) {
  return {"memory_store",
          "Store one memory item (a fact, note or message) for later search. Long texts can be split with "
          "split_long_text.",
          schema(R"json({"type": "object", "properties": {
            "text": {"type": "string", "description": "The text to remember"},
            "level": {"type": "string", "enum": ["Immediate", "ShortTerm", "LongTerm"],
                      "description": "Retention level (default ShortTerm)"},
            "namespace": {"type": "string", "description": "Namespace (default \"default\")"},
            "metadata": {"type": "object", "description": "Free-form JSON metadata, usable in search filters"},
            "created_at": {"type": ["string", "number"], "description": "RFC 3339 time or unix seconds"},
            "session_id": {"type": "string"},
            "split_long_text": {"type": "boolean", "description": "Split a text longer than one item into parts"}},
            "required": ["text"], "additionalProperties": false})json"),
          schema(R"json({"type": "object", "properties": {"id": {"type": "string"},
            "parts": {"type": "array", "items": {"type": "string"}}}, "required": ["id"]})json"),
          [memory, disk](const std::string& tenant, const boost::json::object& arguments) -> Result<boost::json::object> {
            auto item = http::decode_new_item(arguments);
            if (!item) return std::move(item).error();
            if (auto room = disk->check_room_for_writes(); !room) return std::move(room).error();
            std::vector<memory::NewItem> items;
            items.push_back(std::move(item).value());
            auto stored = memory->store_items(tenant, std::move(items), false);
            if (!stored) return std::move(stored).error();
            return http::encode_stored_item(stored->front());
          }};
}

Tool search_tool(memory::MemoryService* memory) {
  return {"memory_search",
          "Search stored memory by meaning and keywords; returns the best items, ranked, within a token budget.",
          schema(R"json({"type": "object", "properties": {
            "query": {"type": "string"},
            "namespace": {"type": "string"},
            "top_k": {"type": "integer", "minimum": 1},
            "max_tokens": {"type": "integer", "minimum": 1, "description": "Token budget of the returned texts"},
            "levels": {"type": "array", "items": {"type": "string", "enum": ["Immediate", "ShortTerm", "LongTerm"]}},
            "filters": {"type": "object", "description": "Metadata filters, as in POST /api/v1/contexts/search"},
            "session_id": {"type": "string"},
            "created_after": {"type": ["string", "number"]},
            "created_before": {"type": ["string", "number"]},
            "priority": {"type": "string", "enum": ["Low", "Normal", "High", "Critical"]},
            "explain": {"type": "boolean"},
            "record_access": {"type": "boolean"}},
            "required": ["query"], "additionalProperties": false})json"),
          schema(R"json({"type": "object", "properties": {
            "contexts": {"type": "array", "items": {"type": "object", "properties": {
              "id": {"type": "string"}, "text": {"type": "string"}, "level": {"type": "string"},
              "relevance_score": {"type": "number"}, "token_count": {"type": "integer"},
              "timestamp": {"type": "integer"}, "metadata": {"type": "object"}}}},
            "total_tokens": {"type": "integer"}, "retrieval_time_ms": {"type": "number"},
            "metadata": {"type": "object"}}, "required": ["contexts", "total_tokens"]})json"),
          [memory](const std::string& tenant, const boost::json::object& arguments) -> Result<boost::json::object> {
            auto search = http::decode_search(arguments);
            if (!search) return std::move(search).error();
            auto result = memory->search(tenant, *search);
            if (!result) return std::move(result).error();
            return http::encode_search(*result, search->explain);
          }};
}

Tool get_tool(memory::MemoryService* memory) {
  return {"memory_get", "Read one memory item by id.", schema(kIdInput), schema(kItemSchema),
          [memory](const std::string& tenant, const boost::json::object& arguments) -> Result<boost::json::object> {
            auto id = http::decode_item_id(arguments);
            if (!id) return std::move(id).error();
            auto item = memory->get(tenant, *id);
            if (!item) return std::move(item).error();
            return http::encode_item(*item);
          }};
}

Tool delete_tool(memory::MemoryService* memory) {
  return {"memory_delete", "Delete one memory item by id.", schema(kIdInput),
          schema(R"json({"type": "object", "properties": {"id": {"type": "string"}, "deleted": {"type": "boolean"}},
            "required": ["id", "deleted"]})json"),
          [memory](const std::string& tenant, const boost::json::object& arguments) -> Result<boost::json::object> {
            auto id = http::decode_item_id(arguments);
            if (!id) return std::move(id).error();
            if (auto status = memory->remove(tenant, *id); !status) return std::move(status).error();
            return http::encode_deleted_item(*id);
          }};
}

}  // namespace

void add_memory_tools(std::vector<Tool>& tools, const http::Services& services) {
  tools.push_back(store_tool(services.memory, services.disk));
  tools.push_back(search_tool(services.memory));
  tools.push_back(get_tool(services.memory));
  tools.push_back(delete_tool(services.memory));
}

}  // namespace hirag::mcp
