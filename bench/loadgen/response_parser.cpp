#include "response_parser.hpp"

#include <charconv>
#include <strings.h>

namespace hirag::loadgen {
namespace {

constexpr std::string_view kHeadEnd = "\r\n\r\n";
constexpr std::string_view kContentLength = "content-length:";

std::optional<size_t> content_length(std::string_view head) {
  size_t line = head.find("\r\n");
  while (line != std::string_view::npos && line + 2 < head.size()) {
    const size_t start = line + 2;
    const size_t end = head.find("\r\n", start);
    const std::string_view header = head.substr(start, end == std::string_view::npos ? head.npos : end - start);
    if (header.size() > kContentLength.size() &&
        strncasecmp(header.data(), kContentLength.data(), kContentLength.size()) == 0) {
      std::string_view value = header.substr(kContentLength.size());
      while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
      size_t length = 0;
      const auto parsed = std::from_chars(value.data(), value.data() + value.size(), length);
      if (parsed.ec != std::errc()) return std::nullopt;
      return length;
    }
    line = end;
  }
  return std::nullopt;
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
  out = ParsedResponse{status, size};
  return Framing::Complete;
}

}  // namespace hirag::loadgen
