#include "mcp/tool_result.hpp"

#include "core/json_writer.hpp"
#include "http/response.hpp"

namespace hirag::mcp {
namespace {

boost::json::value result_of(boost::json::object structured, bool is_error) {
  boost::json::array content{boost::json::object{{"type", "text"}, {"text", to_json(structured)}}};
  return boost::json::object{
      {"content", std::move(content)}, {"structuredContent", std::move(structured)}, {"isError", is_error}};
}

}  // namespace

RpcOutcome tool_result(Result<boost::json::object> outcome) {
  if (outcome) return result_of(std::move(outcome).value(), false);
  const Error& error = outcome.error();
  if (error.code == ErrorCode::Validation) return rpc_error_from(error);
  return result_of(http::error_envelope(error), true);
}

}  // namespace hirag::mcp
