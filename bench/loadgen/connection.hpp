// bench/loadgen/connection: one keep-alive TCP connection to the server under
// test with at most one request in flight (as wrk and wrk2 do). It knows when
// its request was due, so that latency counts from the schedule, not from the
// moment a late connection got round to sending (coordinated omission).
#pragma once

#include <netinet/in.h>

#include <cstdint>
#include <string>

#include "response_parser.hpp"

namespace hirag::loadgen {

class Connection {
 public:
  // Connects (blocking) and registers with `epoll_fd` under `index`. Throws
  // std::system_error when the server cannot be reached.
  Connection(int epoll_fd, const sockaddr_in& server, uint32_t index);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  bool busy() const { return busy_; }
  int64_t due_ns() const { return due_ns_; }

  // Sends `request` (the caller keeps it alive until it is written), due at `due_ns`.
  // False on a socket error.
  bool send(const std::string& request, int64_t due_ns);
  // Continues a write the socket could not take whole. False on a socket error.
  bool resume_write();
  // Reads what has arrived. Complete: `response` is framed and the connection is
  // free for the next request (unless the answer said "Connection: close" or
  // peer_closed() tells that the server closed it after the answer). Closed: the server closed it with nothing in flight.
  // Failed: it closed or broke with a request in flight, or sent what cannot be framed.
  enum class ReadState { Complete, Pending, Closed, Failed };
  ReadState read(ParsedResponse& response);
  bool peer_closed() const { return peer_closed_; }
  // A new socket, nothing in flight. Throws as the constructor does.
  void reconnect();

 private:
  void open();
  void watch_writable(bool on);

  int epoll_fd_;
  sockaddr_in server_;
  uint32_t index_;
  int fd_ = -1;
  bool busy_ = false;
  bool peer_closed_ = false;
  int64_t due_ns_ = 0;
  const std::string* request_ = nullptr;
  size_t written_ = 0;
  std::string input_;
};

}  // namespace hirag::loadgen
