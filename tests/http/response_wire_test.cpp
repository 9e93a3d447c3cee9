#include "http/response_wire.hpp"

#include <gtest/gtest.h>

namespace hirag::http {
namespace {

Response json_ok(std::string body) {
  Response response;
  response.body = std::move(body);
  return response;
}

TEST(ResponseWireTest, Http11KeepAliveHasStatusHeadersLengthAndBody) {
  Response response = json_ok(R"({"status":"alive"})");
  response.set_header("X-Request-Id", "abc");
  EXPECT_EQ(serialize_response(response, 11, true),
            "HTTP/1.1 200 OK\r\n"
            "Content-Type: application/json\r\n"
            "X-Request-Id: abc\r\n"
            "Content-Length: 18\r\n"
            "\r\n"
            R"({"status":"alive"})");
}

TEST(ResponseWireTest, Http11WithoutKeepAliveSaysConnectionClose) {
  Response response = json_ok("{}");
  response.status = 404;
  const std::string wire = serialize_response(response, 11, false);
  EXPECT_EQ(wire.rfind("HTTP/1.1 404 Not Found\r\n", 0), 0u) << wire;
  EXPECT_NE(wire.find("\r\nConnection: close\r\n"), std::string::npos) << wire;
}

TEST(ResponseWireTest, Http10KeepsTheConnectionOnlyWhenAsked) {
  const std::string kept = serialize_response(json_ok("{}"), 10, true);
  EXPECT_EQ(kept.rfind("HTTP/1.0 200 OK\r\n", 0), 0u) << kept;
  EXPECT_NE(kept.find("\r\nConnection: keep-alive\r\n"), std::string::npos) << kept;
  const std::string closed = serialize_response(json_ok("{}"), 10, false);
  EXPECT_EQ(closed.find("Connection:"), std::string::npos) << closed;
}

TEST(ResponseWireTest, EmptyBodyAndOtherContentTypeAndStatus) {
  Response response;
  response.status = 429;
  response.content_type = "text/plain; version=0.0.4";
  response.set_header("Retry-After", "7");
  EXPECT_EQ(serialize_response(response, 11, true),
            "HTTP/1.1 429 Too Many Requests\r\n"
            "Content-Type: text/plain; version=0.0.4\r\n"
            "Retry-After: 7\r\n"
            "Content-Length: 0\r\n"
            "\r\n");
}

}  // namespace
}  // namespace hirag::http
