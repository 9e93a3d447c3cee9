// tests/support/server_process: starts the real `build/hirag serve` on a free
// loopback port with a temporary data dir, waits until /health/live answers, and
// stops it by pid (SIGTERM, or SIGKILL for crash tests). Later features reuse it.
#pragma once

#include <sys/types.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "support/http_client.hpp"

namespace hirag::testing {

// A fresh directory under /tmp, removed on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

struct ServerOptions {
  std::map<std::string, std::string> env{};  // extra environment, e.g. HIRAG_RATE_LIMIT__ENABLED=false
  std::vector<std::string> args{};           // extra arguments after `serve`
  std::string data_dir{};                    // empty = a private temp dir
  bool wait_ready = true;                   // also wait for /health/ready = 200
};

// Options for tests that send many requests: rate limiting off, on `data_dir`
// (empty = a private temp dir).
ServerOptions without_rate_limit(const std::string& data_dir = "");

class ServerProcess {
 public:
  explicit ServerProcess(ServerOptions options = {});
  ~ServerProcess();  // SIGKILL if still running
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  int port() const { return port_; }
  std::string base_url() const;
  const std::string& data_dir() const { return data_dir_; }
  pid_t pid() const { return pid_; }
  HttpClient client() const { return HttpClient(base_url()); }

  // Sends SIGTERM and waits (bounded); returns the exit status or -1 on timeout.
  int terminate(int timeout_ms = 20000);
  // Waits (bounded) for the process to exit by itself; exit status or -1.
  int wait_exit(int timeout_ms = 20000);
  // SIGKILL, no cleanup: for durability tests.
  void kill_hard();
  // Everything the process wrote to stderr so far.
  std::string log() const;

 private:
  void start();
  ServerOptions options_;
  std::unique_ptr<TempDir> own_dir_;
  std::string data_dir_;
  std::string log_path_;
  int port_ = 0;
  pid_t pid_ = -1;
};

// A TCP port on 127.0.0.1 that was free a moment ago.
int free_port();
// A raw TCP connection to 127.0.0.1:port whose reads time out after 15 s (for
// tests that speak HTTP byte by byte); -1 if it cannot connect. Close it with ::close.
int connect_loopback(int port);
// Path of the built hirag binary.
std::string hirag_binary();
// Runs `hirag ARGS...` to completion; returns exit code, stdout, stderr.
struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};
CommandResult run_hirag(const std::vector<std::string>& args, const std::string& stdin_text = "",
                        const std::map<std::string, std::string>& env = {});
// `hirag keys create --tenant T --data-dir D`; returns the printed key.
std::string create_api_key(const std::string& data_dir, const std::string& tenant);

}  // namespace hirag::testing
