// bench/loadgen against the real server (counts) and against a loopback server
// that answers slowly, fails or hangs up on demand (what the load generator must
// report when a server misbehaves).
#include "loadgen/driver.hpp"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <sstream>
#include <thread>

#include "loadgen/request_set.hpp"
#include "support/server_process.hpp"

namespace hirag::loadgen {
namespace {

using namespace std::chrono_literals;

sockaddr_in loopback(int port) {
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return address;
}

std::vector<std::string> get_requests(const std::string& path) {
  RequestSpec spec;
  spec.host = "127.0.0.1";
  spec.path = path;
  return render_requests(spec);
}

// Sum of http_requests_total for one route in a /metrics text.
double route_requests(const std::string& metrics, const std::string& route) {
  std::istringstream lines(metrics);
  double total = 0;
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("http_requests_total{", 0) == 0 && line.find("route=\"" + route + "\"") != std::string::npos) {
      total += std::stod(line.substr(line.rfind(' ') + 1));
    }
  }
  return total;
}

// When the scripted server closes a connection.
enum class HangUp { Never, AfterAnswer, InsteadOfAnswer };

// A loopback HTTP/1.1 server, a thread per connection: each request is answered
// after `delay` with `status`, and the connection closed as `hang_up` says.
class ScriptedServer {
 public:
  ScriptedServer(std::chrono::milliseconds delay, int status, HangUp hang_up = HangUp::Never)
      : delay_(delay), status_(status), hang_up_(hang_up) {
    listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address = loopback(0);
    const int one = 1;
    ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0 ||
        ::listen(listen_fd_, 64) != 0) {
      throw std::runtime_error("cannot listen");
    }
    socklen_t length = sizeof(address);
    ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin_port);
    acceptor_ = std::thread([this] { accept_loop(); });
  }
  ~ScriptedServer() {
    ::shutdown(listen_fd_, SHUT_RDWR);
    acceptor_.join();
    ::close(listen_fd_);
    std::lock_guard lock(mutex_);
    for (auto& connection : connections_) connection.join();
  }
  int port() const { return port_; }
  int answered() const { return answered_; }
  int requests() const { return requests_; }

 private:
  void accept_loop() {
    for (;;) {
      const int fd = ::accept(listen_fd_, nullptr, nullptr);
      if (fd < 0) return;
      std::lock_guard lock(mutex_);
      connections_.emplace_back([this, fd] { serve(fd); });
    }
  }
  void serve(int fd) {
    std::string input;
    char chunk[4096];
    bool open = true;
    while (open) {
      const ssize_t n = ::recv(fd, chunk, sizeof(chunk), 0);
      if (n <= 0) break;
      input.append(chunk, static_cast<size_t>(n));
      size_t end;
      while (open && (end = input.find("\r\n\r\n")) != std::string::npos) {  // GETs only: no body
        input.erase(0, end + 4);
        ++requests_;
        open = answer(fd);
      }
    }
    ::close(fd);
  }
  // Answers one request as scripted; false when the connection is to be closed.
  bool answer(int fd) {
    if (hang_up_ == HangUp::InsteadOfAnswer) return false;
    std::this_thread::sleep_for(delay_);
    const bool closing = hang_up_ == HangUp::AfterAnswer;
    const std::string answer = "HTTP/1.1 " + std::to_string(status_) + " X\r\nContent-Length: 2\r\n" +
                               (closing ? "Connection: close\r\n" : "") + "\r\nok";
    ++answered_;  // before the answer leaves: the generator may count it at once
    ::send(fd, answer.data(), answer.size(), MSG_NOSIGNAL);
    return !closing;
  }

  std::chrono::milliseconds delay_;
  int status_;
  HangUp hang_up_;
  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<int> answered_{0};
  std::atomic<int> requests_{0};
  std::thread acceptor_;
  std::mutex mutex_;
  std::vector<std::thread> connections_;
};

TEST(LoadgenTest, ClosedLoopCountsEveryAnswerTheServerGave) {
  testing::ServerProcess server(testing::without_rate_limit());
  const auto before = route_requests(server.client().get("/metrics").body, "/health/live");
  const LoadPlan plan{.server = loopback(server.port()), .connections = 4, .rate = 0,
                      .warmup_ns = 200'000'000, .duration_ns = 500'000'000};
  const auto result = run_load(plan, get_requests("/health/live"));
  const auto after = route_requests(server.client().get("/metrics").body, "/health/live");
  EXPECT_EQ(after - before, static_cast<double>(result.answered));
  EXPECT_GT(result.latencies_ns.size(), 0u);
  EXPECT_LT(result.latencies_ns.size(), result.answered);  // the warm-up's answers are not measured
  EXPECT_EQ(result.non_2xx, 0u);
  EXPECT_EQ(result.socket_errors, 0u);
}

TEST(LoadgenTest, OpenLoopSendsTheScheduledRequestsOfTheWindow) {
  testing::ServerProcess server(testing::without_rate_limit());
  const LoadPlan plan{.server = loopback(server.port()), .connections = 8, .rate = 400,
                      .warmup_ns = 100'000'000, .duration_ns = 500'000'000};
  const auto result = run_load(plan, get_requests("/health/live"));
  EXPECT_EQ(result.latencies_ns.size(), 200u);  // 400/s over 0.5 s, each answered
  EXPECT_EQ(result.due_offsets_ns.size(), 200u);
  EXPECT_LT(*std::max_element(result.due_offsets_ns.begin(), result.due_offsets_ns.end()), 500'000'000);
}

TEST(LoadgenTest, OpenLoopCountsLatencyFromWhenARequestWasDue) {
  // One connection, a request due every 5 ms, answers that take 20 ms: the
  // server falls behind, and the k-th answer comes (k + 1) x 20 ms after the
  // start although it was due at k x 5 ms. Measured from the send, every
  // latency would be ~20 ms (what a closed-loop generator reports).
  ScriptedServer server(20ms, 200);
  const LoadPlan plan{.server = loopback(server.port()), .connections = 1, .rate = 200,
                      .warmup_ns = 0, .duration_ns = 500'000'000};
  const auto result = run_load(plan, get_requests("/"));
  ASSERT_FALSE(result.latencies_ns.empty());
  EXPECT_LE(result.latencies_ns.size(), 26u);  // at most 0.5 s / 20 ms (+1 drained)
  // The 20th answer was due at 95 ms and came at >= 400 ms.
  EXPECT_GE(*std::max_element(result.latencies_ns.begin(), result.latencies_ns.end()), 300'000'000);
}

TEST(LoadgenTest, CountsErrorAnswers) {
  ScriptedServer failing(0ms, 503);
  const auto result = run_load(LoadPlan{.server = loopback(failing.port()), .connections = 2, .rate = 0,
                                        .warmup_ns = 0, .duration_ns = 200'000'000},
                               get_requests("/"));
  EXPECT_GT(result.latencies_ns.size(), 0u);
  EXPECT_EQ(result.non_2xx, result.latencies_ns.size());
  EXPECT_EQ(result.socket_errors, 0u);
}

TEST(LoadgenTest, AServerThatSaysItClosesAfterEachAnswerLosesNothing) {
  ScriptedServer closing(0ms, 200, HangUp::AfterAnswer);
  const auto result = run_load(LoadPlan{.server = loopback(closing.port()), .connections = 2, .rate = 0,
                                        .warmup_ns = 0, .duration_ns = 200'000'000},
                               get_requests("/"));
  EXPECT_GT(result.latencies_ns.size(), 2u);  // it reconnected to go on
  EXPECT_EQ(result.socket_errors, 0u);
  EXPECT_EQ(static_cast<uint64_t>(closing.answered()), result.answered);
}

TEST(LoadgenTest, RequestsLostToAHangUpAreCountedAndTheRunGoesOn) {
  ScriptedServer hanging_up(0ms, 200, HangUp::InsteadOfAnswer);
  const auto result = run_load(LoadPlan{.server = loopback(hanging_up.port()), .connections = 2, .rate = 0,
                                        .warmup_ns = 0, .duration_ns = 200'000'000},
                               get_requests("/"));
  EXPECT_TRUE(result.latencies_ns.empty());
  EXPECT_GT(result.socket_errors, 2u);  // one per request, on new connections each time
  EXPECT_GE(static_cast<uint64_t>(hanging_up.requests()), result.socket_errors);
}

}  // namespace
}  // namespace hirag::loadgen
