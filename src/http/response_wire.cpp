#include "http/response_wire.hpp"

#include <boost/beast/http/status.hpp>
#include <charconv>

namespace hirag::http {
namespace {

void append_header(std::string& out, std::string_view name, std::string_view value) {
  out.append(name).append(": ").append(value).append("\r\n");
}

void append_number(std::string& out, uint64_t value) {
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  out.append(digits, end);
}

}  // namespace

std::string serialize_response(const Response& response, unsigned version, bool keep_alive) {
  const auto reason = boost::beast::http::obsolete_reason(boost::beast::http::int_to_status(response.status));
  std::string out;
  size_t headers_size = 0;
  for (const auto& [name, value] : response.headers) headers_size += name.size() + value.size() + 4;
  out.reserve(128 + response.content_type.size() + headers_size + response.body.size());
  out.append(version == 10 ? "HTTP/1.0 " : "HTTP/1.1 ");
  append_number(out, static_cast<uint64_t>(response.status));
  out.append(" ").append(reason.data(), reason.size()).append("\r\n");
  append_header(out, "Content-Type", response.content_type);
  for (const auto& [name, value] : response.headers) append_header(out, name, value);
  if (version == 10 && keep_alive) append_header(out, "Connection", "keep-alive");
  if (version != 10 && !keep_alive) append_header(out, "Connection", "close");
  out.append("Content-Length: ");
  append_number(out, response.body.size());
  out.append("\r\n\r\n").append(response.body);
  return out;
}

}  // namespace hirag::http
