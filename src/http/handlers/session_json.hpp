// http/handlers/session_json: the JSON shapes of /api/v1/sessions* and
// /api/v1/context/build — strict decoding of the requests (unknown fields and bad
// types are VALIDATION_ERRORs naming the field) and encoding of the results.
// No business rules: those live in context::ContextService.
#pragma once

#include <boost/json/object.hpp>
#include <string>

#include "context/requests.hpp"
#include "core/config.hpp"
#include "core/result.hpp"

namespace hirag::http {

// The body of POST /api/v1/sessions/{id}/turns (the session id and tenant are
// filled in by the caller). Each decoder also reads an already parsed object
// (an MCP tool's arguments, mcp/) with the same rules.
Result<context::AppendTurnRequest> decode_append_turn(const std::string& body, const Config& config);
Result<context::AppendTurnRequest> decode_append_turn(const boost::json::object& object, const Config& config);
// The body of POST /api/v1/context/build (tenant is filled in by the handler).
Result<context::BuildRequest> decode_build(const std::string& body, const Config& config);
Result<context::BuildRequest> decode_build(const boost::json::object& object, const Config& config);

boost::json::object encode_turn(const store::SessionTurn& turn, const store::SessionKey& key);
boost::json::object encode_session(const context::SessionView& view);
boost::json::object encode_build(const context::BuildResult& result, const context::BuildRequest& request);

}  // namespace hirag::http
