// http/handlers/tokens_json: the shape of POST /api/v1/tokens/count — reads
// {"text"} or {"texts"} (+ "encoding") and answers the exact counts. Shared by
// the REST handler and MCP's tokens_count tool so both count the same way.
#pragma once

#include <boost/json/object.hpp>

#include "core/result.hpp"

namespace hirag::tokenize {
class TokenCounter;
}

namespace hirag::http {

// {"encoding", "count"} for "text"; {"encoding", "counts", "total"} for "texts".
Result<boost::json::object> count_tokens(const boost::json::object& request, const tokenize::TokenCounter& counter);

}  // namespace hirag::http
