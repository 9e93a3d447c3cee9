#include "driver.hpp"

#include <sys/epoll.h>
#include <unistd.h>

#include <algorithm>
#include <ctime>
#include <memory>
#include <system_error>

#include "connection.hpp"

namespace hirag::loadgen {
namespace {

int64_t now_ns() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1'000'000'000LL + ts.tv_nsec;
}

// After the window, answers to requests due inside it are awaited this long.
constexpr int64_t kDrainNs = 5'000'000'000LL;

class Run {
 public:
  Run(const LoadPlan& plan, const std::vector<std::string>& requests)
      : plan_(plan), requests_(requests), epoll_fd_(::epoll_create1(EPOLL_CLOEXEC)) {
    if (epoll_fd_ < 0) throw std::system_error(errno, std::generic_category(), "epoll_create1");
    for (uint32_t i = 0; i < plan.connections; ++i) {
      connections_.push_back(std::make_unique<Connection>(epoll_fd_, plan.server, i));
    }
    sent_.assign(plan.connections, 0);
    start_ = now_ns();
    window_begin_ = start_ + plan.warmup_ns;
    window_end_ = window_begin_ + plan.duration_ns;
    result_.seconds = static_cast<double>(plan.duration_ns) / 1e9;
    result_.window_start_ns = window_begin_;
    result_.latencies_ns.reserve(plan.rate > 0 ? static_cast<size_t>(plan.rate * result_.seconds * 1.01) : 1 << 20);
  }
  ~Run() { ::close(epoll_fd_); }

  RunResult execute() {
    for (;;) {
      const int64_t now = now_ns();
      const bool sending = now < window_end_;
      if (!sending && (now >= window_end_ + kDrainNs || !awaiting_window_answers())) break;
      if (sending) send_due(now);
      wait_and_read(sending ? next_due(now) : window_end_ + kDrainNs);
    }
    return std::move(result_);
  }

 private:
  // When connection `index`'s next request is due (closed loop: now).
  int64_t due_at(uint32_t index, int64_t now) const {
    if (plan_.rate <= 0) return now;
    const double position = static_cast<double>(sent_[index]) * plan_.connections + index;
    return start_ + static_cast<int64_t>(position * 1e9 / plan_.rate);
  }

  void send_due(int64_t now) {
    for (uint32_t i = 0; i < connections_.size(); ++i) {
      auto& connection = *connections_[i];
      if (connection.busy()) continue;
      const int64_t due = due_at(i, now);
      if (due > now || due >= window_end_) continue;
      ++sent_[i];
      if (!connection.send(requests_[next_request_++ % requests_.size()], due)) lose(i);
    }
  }

  int64_t next_due(int64_t now) const {
    if (plan_.rate <= 0) return window_end_;
    int64_t earliest = window_end_;
    for (uint32_t i = 0; i < connections_.size(); ++i) {
      if (!connections_[i]->busy()) earliest = std::min(earliest, due_at(i, now));
    }
    return earliest;
  }

  bool awaiting_window_answers() const {
    return std::any_of(connections_.begin(), connections_.end(),
                       [](const auto& connection) { return connection->busy(); });
  }

  void wait_and_read(int64_t until_ns) {
    const int64_t wait = std::max<int64_t>(0, until_ns - now_ns());
    const timespec timeout{.tv_sec = wait / 1'000'000'000, .tv_nsec = wait % 1'000'000'000};
    epoll_event events[256];
    const int ready = ::epoll_pwait2(epoll_fd_, events, 256, &timeout, nullptr);
    if (ready < 0 && errno != EINTR) throw std::system_error(errno, std::generic_category(), "epoll_pwait2");
    for (int e = 0; e < ready; ++e) handle(events[e].data.u32, events[e].events);
  }

  void handle(uint32_t index, uint32_t events) {
    auto& connection = *connections_[index];
    if ((events & EPOLLOUT) && connection.busy() && !connection.resume_write()) return lose(index);
    if (!(events & (EPOLLIN | EPOLLERR | EPOLLHUP))) return;
    ParsedResponse response;
    switch (connection.read(response)) {
      case Connection::ReadState::Pending:
        return;
      case Connection::ReadState::Closed:
        return connection.reconnect();  // an idle keep-alive connection the server let go
      case Connection::ReadState::Failed:
        return lose(index);
      case Connection::ReadState::Complete:
        record(connection.due_ns(), response.status);
        if (response.close || connection.peer_closed()) connection.reconnect();  // it answered and closes
    }
  }

  void record(int64_t due_ns, int status) {
    ++result_.answered;
    if (due_ns < window_begin_ || due_ns >= window_end_) return;
    result_.latencies_ns.push_back(now_ns() - due_ns);
    result_.due_offsets_ns.push_back(due_ns - window_begin_);
    if (status < 200 || status > 299) ++result_.non_2xx;
  }

  // A request in flight on a connection that broke is lost (and counted, when
  // it was due inside the window); the connection is opened again.
  void lose(uint32_t index) {
    auto& connection = *connections_[index];
    if (connection.busy() && connection.due_ns() >= window_begin_) ++result_.socket_errors;
    connection.reconnect();
  }

  const LoadPlan& plan_;
  const std::vector<std::string>& requests_;
  int epoll_fd_;
  std::vector<std::unique_ptr<Connection>> connections_;
  std::vector<uint64_t> sent_;  // per connection: requests sent so far
  size_t next_request_ = 0;
  int64_t start_ = 0;
  int64_t window_begin_ = 0;
  int64_t window_end_ = 0;
  RunResult result_;
};

}  // namespace

RunResult run_load(const LoadPlan& plan, const std::vector<std::string>& requests) {
  return Run(plan, requests).execute();
}

}  // namespace hirag::loadgen
