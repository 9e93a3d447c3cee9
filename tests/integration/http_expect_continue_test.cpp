// `Expect: 100-continue` (RFC 9110 §10.1.1) against the real server, over a raw
// socket so that the order of bytes on the wire is what is checked: the interim
// 100 comes only after the head passed authentication and the size limit, and a
// refused head gets its final answer instead, before any body is sent.
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <string>

#include "support/server_process.hpp"

namespace hirag::testing {
namespace {

constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";

void send_all(int fd, const std::string& bytes) {
  ASSERT_EQ(::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL), static_cast<ssize_t>(bytes.size()));
}

// Reads until `marker` has arrived or the peer closes (or 15 s pass).
std::string receive_until(int fd, std::string_view marker) {
  std::string received;
  char buf[4096];
  while (received.find(marker) == std::string::npos) {
    const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    received.append(buf, static_cast<size_t>(n));
  }
  return received;
}

// Whether the server closed the connection (recv sees end of stream).
bool closed_by_server(int fd) {
  char buf[256];
  return ::recv(fd, buf, sizeof buf, 0) == 0;
}

std::string count_head(size_t body_bytes, const std::string& key) {
  std::string head = "POST /api/v1/tokens/count HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n";
  if (!key.empty()) head += "Authorization: Bearer " + key + "\r\n";
  return head + "Expect: 100-Continue\r\nContent-Length: " + std::to_string(body_bytes) + "\r\n\r\n";
}

std::string count_body(size_t text_bytes) { return R"({"text":")" + std::string(text_bytes, 'a') + R"("})"; }

class ExpectContinueTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    key_ = create_api_key(dir_->path() + "/data", "acme");
    server_ = new ServerProcess(ServerOptions{.env = {{"HIRAG_SERVER__MAX_BODY_BYTES", "8192"},
                                                      {"HIRAG_SERVER__READ_TIMEOUT_MS", "5000"},
                                                      {"HIRAG_RATE_LIMIT__ENABLED", "false"}},
                                              .data_dir = dir_->path() + "/data"});
  }
  static void TearDownTestSuite() {
    delete server_;
    delete dir_;
  }
  static TempDir* dir_;
  static ServerProcess* server_;
  static std::string key_;
};
TempDir* ExpectContinueTest::dir_ = nullptr;
ServerProcess* ExpectContinueTest::server_ = nullptr;
std::string ExpectContinueTest::key_;

TEST_F(ExpectContinueTest, AnAdmittedHeadGets100BeforeTheBodyIsSent) {
  const std::string body = count_body(3000);
  auto http = server_->client();
  http.set_bearer(key_);
  const auto plain = http.post("/api/v1/tokens/count", body);  // the same request without Expect
  ASSERT_EQ(plain.status, 200) << plain.body;
  const int64_t count = plain.json().at("count").as_int64();
  const int fd = connect_loopback(server_->port());
  ASSERT_GE(fd, 0);
  send_all(fd, count_head(body.size(), key_));
  // Nothing of the body has been sent: without the interim answer this waits
  // until the server's read timeout closes the connection.
  const std::string interim = receive_until(fd, kContinue);
  ASSERT_EQ(interim, kContinue);
  send_all(fd, body);
  const std::string final_answer = receive_until(fd, "\"count\"");
  ::close(fd);
  EXPECT_EQ(final_answer.rfind("HTTP/1.1 200", 0), 0u) << final_answer;
  EXPECT_NE(final_answer.find("\"count\":" + std::to_string(count)), std::string::npos) << final_answer;
}

TEST_F(ExpectContinueTest, AnUnauthenticatedHeadGets401InsteadOf100AndTheConnectionCloses) {
  const int fd = connect_loopback(server_->port());
  ASSERT_GE(fd, 0);
  send_all(fd, count_head(3000, ""));
  const std::string answer = receive_until(fd, "UNAUTHORIZED");
  EXPECT_EQ(answer.rfind("HTTP/1.1 401", 0), 0u) << answer;
  EXPECT_EQ(answer.find("100 Continue"), std::string::npos) << answer;
  EXPECT_NE(answer.find("Connection: close"), std::string::npos) << answer;
  EXPECT_TRUE(closed_by_server(fd));
  ::close(fd);
}

TEST_F(ExpectContinueTest, AnOversizeHeadGets413InsteadOf100) {
  const int fd = connect_loopback(server_->port());
  ASSERT_GE(fd, 0);
  send_all(fd, count_head(9000, key_));
  const std::string answer = receive_until(fd, "PAYLOAD_TOO_LARGE");
  ::close(fd);
  EXPECT_EQ(answer.rfind("HTTP/1.1 413", 0), 0u) << answer;
  EXPECT_EQ(answer.find("100 Continue"), std::string::npos) << answer;
}

TEST_F(ExpectContinueTest, ARefusedRequestWithoutExpectKeepsItsConnection) {
  // The body of a refused request is read and dropped, so the next request on
  // the same connection is answered (and the 401 is not lost to a reset).
  const int fd = connect_loopback(server_->port());
  ASSERT_GE(fd, 0);
  const std::string body = count_body(3000);
  send_all(fd, "POST /api/v1/tokens/count HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " +
                   std::to_string(body.size()) + "\r\n\r\n" + body + "GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n");
  const std::string answers = receive_until(fd, "alive");
  ::close(fd);
  EXPECT_EQ(answers.rfind("HTTP/1.1 401", 0), 0u) << answers;
  EXPECT_NE(answers.find("\"alive\""), std::string::npos) << answers;
}

}  // namespace
}  // namespace hirag::testing
