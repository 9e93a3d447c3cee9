// tests/fuzz/fuzz_http_request: libFuzzer target for a whole request as the
// server meets it: the bytes go through Beast's parser (head and body, chunked
// or not), our conversion (target, query, headers), the pipeline (routing,
// auth, limits, content type) and the handler, against real services on a
// temporary data dir. Any 500 is a crash: a handler threw or failed in a way
// that input alone must never cause. 503 (not ready) and 507 (disk below its
// reserve) are operational states, not bugs.
#include <boost/asio/buffer.hpp>
#include <boost/beast/http.hpp>
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "http/request_conversion.hpp"
#include "service_fixture.hpp"

namespace {

namespace bhttp = boost::beast::http;
using hirag::http::Exchange;
using hirag::http::Pipeline;

// Parses `bytes` as one complete request; false if it is not one (Beast's own
// refusals are answered 400 by the server and are not the subject here).
bool parse(const uint8_t* data, size_t size, bhttp::request_parser<bhttp::string_body>& parser) {
  parser.eager(true);
  parser.header_limit(16 * 1024);
  parser.body_limit(1024 * 1024);
  boost::system::error_code ec;
  boost::asio::const_buffer input(data, size);
  while (input.size() > 0 && !parser.is_done()) {
    const size_t used = parser.put(input, ec);
    if (ec == bhttp::error::need_more) break;
    if (ec) return false;
    input += used;
  }
  if (!parser.is_done()) parser.put_eof(ec);
  return !ec && parser.is_done();
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)hirag::fuzz::fuzz_services();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  bhttp::request_parser<bhttp::string_body> parser;
  if (!parse(data, size, parser)) return 0;
  Exchange exchange;
  exchange.request.peer_address = "127.0.0.1";  // single-tenant loopback mode: no key needed
  if (!hirag::http::convert_header(parser.get().base(), exchange.request)) return 0;
  Pipeline& pipeline = hirag::fuzz::fuzz_services().pipeline();
  auto response = pipeline.admit(exchange);
  if (!response) {
    exchange.request.body = std::move(parser.get().body());
    response = Pipeline::invoke(exchange);
  }
  pipeline.finish(exchange, *response);
  if (response->status >= 500 && response->status != 503 && response->status != 507) std::abort();
  return 0;
}
