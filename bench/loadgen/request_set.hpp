// bench/loadgen/request_set: the raw HTTP/1.1 requests a run sends, rendered
// once before it starts so that sending costs one write and nothing else. With a
// bodies file (one body per line) there is one request per line, sent in turn.
#pragma once

#include <string>
#include <vector>

namespace hirag::loadgen {

struct RequestSpec {
  std::string host;  // for the Host header
  std::string method = "GET";
  std::string path = "/";
  std::vector<std::string> headers;  // "Name: value"
  std::string bodies_file;           // empty: no body
};

// Throws std::runtime_error when the bodies file cannot be read or is empty.
std::vector<std::string> render_requests(const RequestSpec& spec);

}  // namespace hirag::loadgen
