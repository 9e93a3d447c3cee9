#include "response_parser.hpp"

#include <charconv>
#include <strings.h>

namespace hirag::loadgen {
namespace {

constexpr std::string_view kHeadEnd = "\r\n\r\n";

// The value of header `name` ("content-length:", lower case with the colon) in a
// response head, without leading spaces; header names match in any case.
std::optional<std::string_view> header_value(std::string_view head, std::string_view name) {
  size_t line = head.find("\r\n");
  while (line != std::string_view::npos && line + 2 < head.size()) {
    const size_t start = line + 2;
    const size_t end = head.find("\r\n", start);
    std::string_view header = head.substr(start, end == std::string_view::npos ? head.npos : end - start);
    if (header.size() >= name.size() && strncasecmp(header.data(), name.data(), name.size()) == 0) {
      header.remove_prefix(name.size());
      while (!header.empty() && header.front() == ' ') header.remove_prefix(1);
      return header;
    }
    line = end;
  }
  return std::nullopt;
}

std::optional<size_t> content_length(std::string_view head) {
  const auto value = header_value(head, "content-length:");
  if (!value) return std::nullopt;
  size_t length = 0;
  const auto parsed = std::from_chars(value->data(), value->data() + value->size(), length);
  if (parsed.ec != std::errc() || parsed.ptr != value->data() + value->size()) return std::nullopt;
  return length;
}

bool closes(std::string_view head) {
  const auto value = header_value(head, "connection:");
  return value && value->size() == 5 && strncasecmp(value->data(), "close", 5) == 0;
}

}  // namespace

Framing frame_response(std::string_view buffer, ParsedResponse& out) {
  const size_t head_end = buffer.find(kHeadEnd);
  if (head_end == std::string_view::npos) return Framing::NeedMore;
  const std::string_view head = buffer.substr(0, head_end);
  // "HTTP/1.1 200 OK": the status is the three digits after the first space.
  if (head.size() < 12 || head.substr(0, 5) != "HTTP/") return Framing::Malformed;
  int status = 0;
  const auto parsed = std::from_chars(head.data() + 9, head.data() + 12, status);
  if (parsed.ec != std::errc() || parsed.ptr != head.data() + 12) return Framing::Malformed;
  const auto length = content_length(head);
  if (!length) return Framing::Malformed;
  const size_t size = head_end + kHeadEnd.size() + *length;
  if (buffer.size() < size) return Framing::NeedMore;
  out = ParsedResponse{status, size, closes(head)};
  return Framing::Complete;
}

}  // namespace hirag::loadgen
