// The HTTP layer seen from a client: envelopes, limits, content types, request ids,
// keep-alive and timeouts, against the real `hirag serve`.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <thread>

#include "support/server_process.hpp"

namespace hirag::testing {
namespace {

void expect_envelope(const HttpResult& r, long status, const std::string& code) {
  EXPECT_EQ(r.status, status) << r.body;
  auto body = r.json().as_object();
  EXPECT_EQ(body.at("code").as_string(), code) << r.body;
  EXPECT_TRUE(body.at("message").is_string());
  EXPECT_TRUE(body.at("details").is_object());
  EXPECT_FALSE(r.header("x-request-id").empty());
}

class HttpServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new ServerProcess(ServerOptions{.env = {{"HIRAG_SERVER__MAX_BODY_BYTES", "4096"},
                                                      {"HIRAG_SERVER__READ_TIMEOUT_MS", "700"},
                                                      {"HIRAG_RATE_LIMIT__ENABLED", "false"}}});
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static ServerProcess* server_;
};
ServerProcess* HttpServerTest::server_ = nullptr;

TEST_F(HttpServerTest, BannerAndLiveness) {
  auto http = server_->client();
  auto banner = http.get("/");
  EXPECT_EQ(banner.status, 200);
  EXPECT_EQ(banner.json().at("service").as_string(), "hirag");
  auto live = http.get("/health/live");
  EXPECT_EQ(live.status, 200);
  EXPECT_EQ(live.json().at("status").as_string(), "alive");
}

TEST_F(HttpServerTest, HealthReportsComponentsWithTimings) {
  auto r = server_->client().get("/health");
  ASSERT_EQ(r.status, 200) << r.body;
  auto body = r.json().as_object();
  EXPECT_EQ(body.at("status").as_string(), "healthy");
  ASSERT_FALSE(body.at("components").as_array().empty());
  for (const auto& c : body.at("components").as_array()) {
    EXPECT_TRUE(c.as_object().contains("name"));
    EXPECT_TRUE(c.as_object().contains("status"));
    EXPECT_TRUE(c.as_object().contains("response_time_ms"));
  }
  EXPECT_EQ(server_->client().get("/health/ready").status, 200);
}

TEST_F(HttpServerTest, UnknownRouteIs404Envelope) {
  expect_envelope(server_->client().get("/api/v1/nothing-here"), 404, "NOT_FOUND");
}

TEST_F(HttpServerTest, WrongMethodIs405WithAllow) {
  auto r = server_->client().request("DELETE", "/health", "", {});
  expect_envelope(r, 405, "METHOD_NOT_ALLOWED");
  EXPECT_EQ(r.header("allow"), "GET");
  auto r2 = server_->client().get("/api/v1/tokens/count");
  expect_envelope(r2, 405, "METHOD_NOT_ALLOWED");
  EXPECT_EQ(r2.header("allow"), "POST");
}

TEST_F(HttpServerTest, MalformedJsonIs400SayingWhere) {
  auto r = server_->client().post("/api/v1/tokens/count", R"({"text": "abc",,})");
  expect_envelope(r, 400, "VALIDATION_ERROR");
  auto details = r.json().at("details").as_object();
  EXPECT_EQ(details.at("offset").as_int64(), 15);
}

TEST_F(HttpServerTest, WrongTypeNamesTheField) {
  auto r = server_->client().post("/api/v1/tokens/count", R"({"text": 42})");
  expect_envelope(r, 400, "VALIDATION_ERROR");
  EXPECT_EQ(r.json().at("details").at("field").as_string(), "text");
}

TEST_F(HttpServerTest, UnknownFieldNamesTheField) {
  auto r = server_->client().post("/api/v1/tokens/count", R"({"text": "hi", "encodng": "o200k_base"})");
  expect_envelope(r, 400, "VALIDATION_ERROR");
  EXPECT_EQ(r.json().at("details").at("field").as_string(), "encodng");
}

TEST_F(HttpServerTest, MissingFieldIsNamed) {
  auto r = server_->client().post("/api/v1/tokens/count", R"({"encoding": "o200k_base"})");
  expect_envelope(r, 400, "VALIDATION_ERROR");
  EXPECT_EQ(r.json().at("details").at("field").as_string(), "text");
}

TEST_F(HttpServerTest, NonJsonContentTypeIs415) {
  auto r = server_->client().post("/api/v1/tokens/count", "text=hi", {"Content-Type: application/x-www-form-urlencoded"});
  expect_envelope(r, 415, "UNSUPPORTED_MEDIA_TYPE");
  auto r2 = server_->client().post("/api/v1/tokens/count", R"({"text":"hi"})",
                                   {"Content-Type: application/json; charset=utf-8"});
  EXPECT_EQ(r2.status, 200) << r2.body;
}

TEST_F(HttpServerTest, OversizeBodyIs413AndServerStaysUp) {
  std::string big = R"({"text": ")" + std::string(8000, 'a') + R"("})";
  auto r = server_->client().post("/api/v1/tokens/count", big);
  expect_envelope(r, 413, "PAYLOAD_TOO_LARGE");
  EXPECT_EQ(server_->client().get("/health/live").status, 200);
}

TEST_F(HttpServerTest, NonUtf8InJsonStringIs400) {
  std::string body = "{\"text\": \"bad \xC3\x28 bytes\"}";
  expect_envelope(server_->client().post("/api/v1/tokens/count", body), 400, "VALIDATION_ERROR");
}

TEST_F(HttpServerTest, RequestIdIsEchoedWhenSaneAndGeneratedOtherwise) {
  auto http = server_->client();
  EXPECT_EQ(http.get("/health/live", {"X-Request-Id: trace-abc-123"}).header("x-request-id"), "trace-abc-123");
  const std::string too_long(300, 'x');
  auto r = http.get("/health/live", {"X-Request-Id: " + too_long});
  EXPECT_FALSE(r.header("x-request-id").empty());
  EXPECT_NE(r.header("x-request-id"), too_long);
  auto r2 = http.get("/health/live", {"X-Request-Id: has space"});
  EXPECT_NE(r2.header("x-request-id"), "has space");
  EXPECT_NE(http.get("/").header("x-request-id"), http.get("/").header("x-request-id"));
}

TEST_F(HttpServerTest, AccessLogHasOneStructuredLinePerRequest) {
  server_->client().get("/health/live", {"X-Request-Id: access-log-probe"});
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  const std::string log = server_->log();
  const auto pos = log.find("request_id=access-log-probe");
  ASSERT_NE(pos, std::string::npos) << log;
  const std::string line = log.substr(log.rfind('\n', pos) + 1, log.find('\n', pos) - log.rfind('\n', pos) - 1);
  for (const char* field : {"event=access", "tenant=", "method=GET", "route=/health/live", "status=200", "duration_ms="}) {
    EXPECT_NE(line.find(field), std::string::npos) << field << " missing in: " << line;
  }
}

TEST_F(HttpServerTest, TokenCountMatchesTheCli) {
  const std::string text = "Hello, world! Tokenizers count subwords: unbelievably 12345.";
  auto r = server_->client().post_json("/api/v1/tokens/count", {{"text", text}, {"encoding", "o200k_base"}});
  ASSERT_EQ(r.status, 200) << r.body;
  auto cli = run_hirag({"tokenize", "--encoding", "o200k_base", "--count"}, text);
  ASSERT_EQ(cli.exit_code, 0) << cli.err;
  EXPECT_EQ(std::to_string(r.json().at("count").as_int64()), cli.out.substr(0, cli.out.find('\n')));
  auto many = server_->client().post_json("/api/v1/tokens/count", {{"texts", {"a b", "", text}}});
  ASSERT_EQ(many.status, 200) << many.body;
  auto counts = many.json().at("counts").as_array();
  ASSERT_EQ(counts.size(), 3u);
  EXPECT_EQ(counts[1].as_int64(), 0);
  EXPECT_EQ(many.json().at("total").as_int64(), counts[0].as_int64() + counts[2].as_int64());
}

TEST_F(HttpServerTest, BadEncodingListsValidNames) {
  auto r = server_->client().post_json("/api/v1/tokens/count", {{"text", "x"}, {"encoding", "gpt2"}});
  expect_envelope(r, 400, "VALIDATION_ERROR");
  EXPECT_NE(r.json().at("message").as_string().find("cl100k_base"), std::string::npos);
  EXPECT_NE(r.json().at("message").as_string().find("o200k_base"), std::string::npos);
  auto list = server_->client().get("/api/v1/tokens/encodings");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.json().at("encodings").as_array().size(), 2u);
}

TEST_F(HttpServerTest, ClientSendingHeadersSlowlyIsDisconnected) {
  const int fd = connect_loopback(server_->port());
  ASSERT_GE(fd, 0);
  const std::string partial = "GET /health/live HTTP/1.1\r\nHost: x\r\n";
  ASSERT_EQ(::send(fd, partial.data(), partial.size(), 0), static_cast<ssize_t>(partial.size()));
  // Never finish the headers: the server must close the connection by itself
  // (read timeout 700 ms here); recv returns 0 (closed) rather than timing out.
  char buf[256];
  const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
  EXPECT_EQ(n, 0) << "connection was not closed by the server";
  ::close(fd);
  EXPECT_EQ(server_->client().get("/health/live").status, 200);
}

TEST_F(HttpServerTest, KeepAliveServesSeveralRequestsOnOneConnection) {
  const int fd = connect_loopback(server_->port());
  ASSERT_GE(fd, 0);
  const std::string two = "GET /health/live HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n";
  ASSERT_EQ(::send(fd, two.data(), two.size(), 0), static_cast<ssize_t>(two.size()));
  std::string received;
  char buf[4096];
  while (received.find("running") == std::string::npos) {
    const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    received.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  EXPECT_NE(received.find("alive"), std::string::npos);
  EXPECT_NE(received.find("running"), std::string::npos);
}

TEST_F(HttpServerTest, GarbageRequestLineIs400) {
  const int fd = connect_loopback(server_->port());
  ASSERT_GE(fd, 0);
  const std::string garbage = "THIS IS NOT HTTP\r\n\r\n";
  ::send(fd, garbage.data(), garbage.size(), 0);
  char buf[4096];
  const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
  ::close(fd);
  ASSERT_GT(n, 0);
  EXPECT_NE(std::string(buf, static_cast<size_t>(n)).find("400"), std::string::npos);
}

}  // namespace
}  // namespace hirag::testing
