// http/response_wire: a Response as the bytes of one HTTP/1.x message (status
// line, headers, body) in a single buffer, so that it leaves in one send.
// Hand-written because Beast's generic serializer walks a chain of buffer views
// per write and cost ~8% of a small request's CPU (bench/RESULTS.md, #3).
#pragma once

#include <string>

#include "http/response.hpp"

namespace hirag::http {

// `version` is 10 or 11. Content-Length is always sent. Without keep-alive an
// HTTP/1.1 response says `Connection: close`; with it an HTTP/1.0 response says
// `Connection: keep-alive` (each version's non-default).
std::string serialize_response(const Response& response, unsigned version, bool keep_alive);

}  // namespace hirag::http
