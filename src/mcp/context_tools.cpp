// mcp/context_tools: session_append_turn, context_build and tokens_count — the
// same decoders (http/handlers/session_json, tokens_json), ContextService calls
// and encoders as POST /api/v1/sessions/{id}/turns, /api/v1/context/build and
// /api/v1/tokens/count.
#include <fmt/format.h>

#include "context/context_service.hpp"
#include "http/handlers/session_json.hpp"
#include "http/handlers/tokens_json.hpp"
#include "http/services.hpp"
#include "mcp/json_schema.hpp"
#include "mcp/tool.hpp"
#include "store/disk_reserve.hpp"

namespace hirag::mcp {
namespace {

constexpr std::string_view kTurnsSchema = R"json({"type": "array", "items": {"type": "object", "properties": {
  "role": {"type": "string"}, "content": {"type": "string"}, "name": {"type": "string"}},
  "required": ["role", "content"], "additionalProperties": false}})json";

// REST takes the session id from the path; here it is an argument like the others,
// taken out before the body decoder (which refuses fields it does not know).
Result<std::string> take_session_id(boost::json::object& arguments) {
  const auto it = arguments.find("session_id");
  if (it == arguments.end() || !it->value().is_string()) {
    return Error::field("session_id", "'session_id' is required and must be a string");
  }
  std::string id(it->value().get_string());
  arguments.erase(it);
  return id;
}

Tool append_turn_tool(context::ContextService* service, const Config* config, const store::DiskReserve* disk) {
  return {"session_append_turn",
          "Append one conversation turn to a session (created on first use); old turns are folded into a "
          "running brief as the session grows.",
          schema(R"json({"type": "object", "properties": {
            "session_id": {"type": "string"},
            "role": {"type": "string", "enum": ["system", "user", "assistant", "tool"]},
            "content": {"type": "string"},
            "name": {"type": "string"},
            "namespace": {"type": "string"},
            "metadata": {"type": "object"}},
            "required": ["session_id", "role", "content"], "additionalProperties": false})json"),
          schema(R"json({"type": "object", "properties": {
            "session_id": {"type": "string"}, "namespace": {"type": "string"}, "seq": {"type": "integer"},
            "role": {"type": "string"}, "content": {"type": "string"}, "metadata": {"type": "object"},
            "tokens": {"type": "object"}, "folded": {"type": "boolean"}, "created_at": {"type": "string"},
            "memory_id": {"type": ["string", "null"]}}, "required": ["session_id", "seq"]})json"),
          [service, config, disk](const std::string& tenant,
                                  const boost::json::object& arguments) -> Result<boost::json::object> {
            boost::json::object body = arguments;
            auto session_id = take_session_id(body);
            if (!session_id) return std::move(session_id).error();
            auto decoded = http::decode_append_turn(body, *config);
            if (!decoded) return std::move(decoded).error();
            if (auto room = disk->check_room_for_writes(); !room) return std::move(room).error();
            decoded->key.tenant = tenant;
            decoded->key.session_id = std::move(session_id).value();
            auto turn = service->append_turn(*decoded);
            if (!turn) return std::move(turn).error();
            return http::encode_turn(*turn, decoded->key);
          }};
}

Tool build_tool(context::ContextService* service, const Config* config) {
  return {"context_build",
          "Assemble the prompt for the next model call within a token budget: system prompt, the session's "
          "running brief and recent turns, and retrieved memory, with exact token counts.",
          schema(fmt::format(R"json({{"type": "object", "properties": {{
            "session_id": {{"type": "string"}},
            "turns": {},
            "namespace": {{"type": "string"}},
            "query": {{"type": "string", "description": "What to retrieve memory for (default: the last user turn)"}},
            "system_prompt": {{"type": "string"}},
            "max_tokens": {{"type": "integer", "minimum": 1, "description": "The model's context window"}},
            "completion_tokens": {{"type": "integer", "minimum": 0}},
            "slots": {{"type": "object", "properties": {{"system": {{"type": "integer"}}, "brief": {{"type": "integer"}},
              "turns": {{"type": "integer"}}, "retrieved": {{"type": "integer"}}}}, "additionalProperties": false}},
            "include_facts": {{"type": "boolean"}},
            "encoding": {{"type": "string", "enum": ["cl100k_base", "o200k_base"]}}}},
            "additionalProperties": false}})json",
                             kTurnsSchema)),
          schema(R"json({"type": "object", "properties": {
            "messages": {"type": "array", "items": {"type": "object", "properties": {
              "role": {"type": "string"}, "content": {"type": "string"}, "name": {"type": "string"}},
              "required": ["role", "content"]}},
            "slots": {"type": "object"}, "framing": {"type": "object"},
            "total_tokens": {"type": "integer"}, "remaining": {"type": "integer"},
            "max_tokens": {"type": "integer"}, "completion_tokens": {"type": "integer"},
            "encoding": {"type": "string"}, "summarized": {"type": "boolean"}, "metadata": {"type": "object"},
            "session_id": {"type": "string"}, "namespace": {"type": "string"}},
            "required": ["messages", "total_tokens", "max_tokens"]})json"),
          [service, config](const std::string& tenant, const boost::json::object& arguments) -> Result<boost::json::object> {
            auto decoded = http::decode_build(arguments, *config);
            if (!decoded) return std::move(decoded).error();
            decoded->tenant = tenant;
            auto built = service->build(*decoded);
            if (!built) return std::move(built).error();
            return http::encode_build(*built, *decoded);
          }};
}

Tool tokens_tool(const tokenize::TokenCounter* counter) {
  return {"tokens_count",
          "Count the exact tokens of a text (or of several texts) for an OpenAI encoding.",
          schema(R"json({"type": "object", "properties": {
            "text": {"type": "string"},
            "texts": {"type": "array", "items": {"type": "string"}},
            "encoding": {"type": "string", "enum": ["cl100k_base", "o200k_base"]}},
            "additionalProperties": false})json"),
          schema(R"json({"type": "object", "properties": {
            "encoding": {"type": "string"}, "count": {"type": "integer"},
            "counts": {"type": "array", "items": {"type": "integer"}}, "total": {"type": "integer"}},
            "required": ["encoding"]})json"),
          [counter](const std::string&, const boost::json::object& arguments) {
            return http::count_tokens(arguments, *counter);
          }};
}

}  // namespace

void add_context_tools(std::vector<Tool>& tools, const http::Services& services) {
  tools.push_back(append_turn_tool(services.context, services.config, services.disk));
  tools.push_back(build_tool(services.context, services.config));
  tools.push_back(tokens_tool(services.tokens));
}

}  // namespace hirag::mcp
