#include "connection.hpp"

#include <fcntl.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

namespace hirag::loadgen {
namespace {

[[noreturn]] void fail(const char* what) { throw std::system_error(errno, std::generic_category(), what); }

}  // namespace

Connection::Connection(int epoll_fd, const sockaddr_in& server, uint32_t index)
    : epoll_fd_(epoll_fd), server_(server), index_(index) {
  open();
}

Connection::~Connection() {
  if (fd_ >= 0) ::close(fd_);
}

void Connection::open() {
  fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd_ < 0) fail("socket");
  if (::connect(fd_, reinterpret_cast<const sockaddr*>(&server_), sizeof(server_)) != 0) fail("connect");
  const int one = 1;
  ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
  ::fcntl(fd_, F_SETFL, ::fcntl(fd_, F_GETFL) | O_NONBLOCK);
  epoll_event event{.events = EPOLLIN, .data = {.u32 = index_}};
  if (::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, fd_, &event) != 0) fail("epoll_ctl");
}

void Connection::reconnect() {
  ::close(fd_);  // also leaves the epoll set
  fd_ = -1;
  busy_ = false;
  peer_closed_ = false;
  request_ = nullptr;
  input_.clear();
  open();
}

void Connection::watch_writable(bool on) {
  epoll_event event{.events = on ? EPOLLIN | EPOLLOUT : EPOLLIN, .data = {.u32 = index_}};
  ::epoll_ctl(epoll_fd_, EPOLL_CTL_MOD, fd_, &event);
}

bool Connection::send(const std::string& request, int64_t due_ns) {
  busy_ = true;
  due_ns_ = due_ns;
  request_ = &request;
  written_ = 0;
  return resume_write();
}

bool Connection::resume_write() {
  const bool was_partial = written_ > 0;
  while (written_ < request_->size()) {
    const ssize_t n = ::send(fd_, request_->data() + written_, request_->size() - written_, MSG_NOSIGNAL);
    if (n < 0 && errno == EAGAIN) {
      if (!was_partial) watch_writable(true);
      return true;
    }
    if (n <= 0) return false;
    written_ += static_cast<size_t>(n);
  }
  if (was_partial) watch_writable(false);
  return true;
}

Connection::ReadState Connection::read(ParsedResponse& response) {
  char chunk[64 * 1024];
  for (;;) {
    const ssize_t n = ::recv(fd_, chunk, sizeof(chunk), 0);
    if (n > 0) {
      input_.append(chunk, static_cast<size_t>(n));
      if (static_cast<size_t>(n) < sizeof(chunk)) break;
      continue;
    }
    if (n < 0 && errno == EAGAIN) break;
    peer_closed_ = true;  // closed by the peer, or a socket error
    break;
  }
  if (!busy_) return peer_closed_ ? ReadState::Closed : ReadState::Pending;
  switch (frame_response(input_, response)) {
    case Framing::NeedMore:
      return peer_closed_ ? ReadState::Failed : ReadState::Pending;
    case Framing::Malformed:
      return ReadState::Failed;
    case Framing::Complete:
      break;
  }
  // One request in flight: anything after the response is a protocol error.
  if (input_.size() != response.size) return ReadState::Failed;
  input_.clear();
  busy_ = false;
  return ReadState::Complete;
}

}  // namespace hirag::loadgen
