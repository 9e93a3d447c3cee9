// http/response: what a handler returns, and the helpers every handler uses to
// build JSON answers and the one error envelope {code, message, details}.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <string>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "core/result.hpp"

namespace hirag::http {

struct Response {
  int status = 200;
  std::string body;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;

  void set_header(std::string name, std::string value);
};

Response json_response(int status, const boost::json::value& body);
// The envelope {code, message, details} of an error (also MCP's error data, mcp/).
boost::json::object error_envelope(const Error& error);
Response error_response(const Error& error);
// An error envelope for `status` with the given code (e.g. 404 for unknown routes).
Response error_response(ErrorCode code, std::string message, boost::json::object details = {});

}  // namespace hirag::http
