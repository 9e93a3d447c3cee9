// mcp/tool_result: a tool's outcome as tools/call answers it. Success: the
// object as structuredContent and, for clients that read only content, as JSON
// text. A bad argument (VALIDATION_ERROR) is a protocol error, -32602 naming the
// field; any other failure (not found, storage full, an upstream model down) is a
// result with isError true, so the model sees it — the spec's split — whose
// structuredContent is the REST error envelope {code, message, details}.
#pragma once

#include <boost/json/object.hpp>

#include "core/result.hpp"
#include "mcp/json_rpc.hpp"

namespace hirag::mcp {

RpcOutcome tool_result(Result<boost::json::object> outcome);

}  // namespace hirag::mcp
