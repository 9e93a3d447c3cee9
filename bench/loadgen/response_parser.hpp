// bench/loadgen/response_parser: frames HTTP/1.1 responses on a keep-alive
// connection (status line, headers, Content-Length body). The server under test
// always sends Content-Length; anything else is reported as a protocol error.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace hirag::loadgen {

struct ParsedResponse {
  int status = 0;
  size_t size = 0;     // bytes of the whole response, head and body
  bool close = false;  // "Connection: close": the server closes the connection after it
};

enum class Framing { Complete, NeedMore, Malformed };

// Looks at the start of `buffer`: Complete fills `out` with the first whole
// response; NeedMore when it has not all arrived; Malformed when it cannot be framed.
Framing frame_response(std::string_view buffer, ParsedResponse& out);

}  // namespace hirag::loadgen
