#include "http/response.hpp"

#include "core/json_writer.hpp"

namespace hirag::http {

void Response::set_header(std::string name, std::string value) {
  for (auto& [existing, old] : headers) {
    if (existing == name) {
      old = std::move(value);
      return;
    }
  }
  headers.emplace_back(std::move(name), std::move(value));
}

Response json_response(int status, const boost::json::value& body) {
  Response response;
  response.status = status;
  response.body = to_json(body);
  return response;
}

boost::json::object error_envelope(const Error& error) {
  return {{"code", error_code_name(error.code)}, {"message", error.message}, {"details", error.details}};
}

Response error_response(const Error& error) {
  Response response = json_response(error_http_status(error.code), error_envelope(error));
  // Space comes back when an operator or the sweeper frees it: worth a retry later.
  if (error.code == ErrorCode::StorageFull) response.set_header("Retry-After", "30");
  return response;
}

Response error_response(ErrorCode code, std::string message, boost::json::object details) {
  return error_response(Error{code, std::move(message), std::move(details)});
}

}  // namespace hirag::http
