#include "support/server_process.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace hirag::testing {
namespace fs = std::filesystem;

TempDir::TempDir() {
  std::string templ = (fs::temp_directory_path() / "hirag-test-XXXXXX").string();
  if (mkdtemp(templ.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = templ;
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

int free_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  const int port = ntohs(addr.sin_port);
  ::close(fd);
  return port;
}

int connect_loopback(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return -1;
  }
  timeval tv{15, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  return fd;
}

std::string hirag_binary() { return HIRAG_BINARY; }

namespace {

// Child side of fork: wires stdio and execs the binary with the extra environment.
[[noreturn]] void exec_child(const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
                             int stdin_fd, int stdout_fd, int stderr_fd) {
  if (stdin_fd >= 0) dup2(stdin_fd, 0);
  if (stdout_fd >= 0) dup2(stdout_fd, 1);
  if (stderr_fd >= 0) dup2(stderr_fd, 2);
  for (const auto& [name, value] : env) setenv(name.c_str(), value.c_str(), 1);
  std::vector<char*> argv;
  std::string binary = hirag_binary();
  argv.push_back(binary.data());
  std::vector<std::string> copy = args;
  for (auto& a : copy) argv.push_back(a.data());
  argv.push_back(nullptr);
  execv(binary.c_str(), argv.data());
  _exit(127);
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

ServerOptions without_rate_limit(const std::string& data_dir) {
  ServerOptions options;
  options.env = {{"HIRAG_RATE_LIMIT__ENABLED", "false"}};
  options.data_dir = data_dir;
  return options;
}

ServerProcess::ServerProcess(ServerOptions options) : options_(std::move(options)) {
  if (options_.data_dir.empty()) {
    own_dir_ = std::make_unique<TempDir>();
    data_dir_ = own_dir_->path() + "/data";
  } else {
    data_dir_ = options_.data_dir;
  }
  start();
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) kill_hard();
}

std::string ServerProcess::base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }

void ServerProcess::start() {
  for (int attempt = 0; attempt < 5; ++attempt) {
    port_ = free_port();
    log_path_ = (fs::temp_directory_path() / ("hirag-server-" + std::to_string(port_) + ".log")).string();
    std::vector<std::string> args = {"serve", "--host", "127.0.0.1", "--port", std::to_string(port_), "--data-dir",
                                     data_dir_};
    args.insert(args.end(), options_.args.begin(), options_.args.end());
    const int log_fd = ::open(log_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    pid_ = fork();
    if (pid_ == 0) exec_child(args, options_.env, -1, log_fd, log_fd);
    ::close(log_fd);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    HttpClient http(base_url());
    while (std::chrono::steady_clock::now() < deadline) {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        break;  // exited (port taken?): try another port
      }
      auto probe = http.get(options_.wait_ready ? "/health/ready" : "/health/live");
      if (probe.error.empty() && probe.status == 200) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    if (pid_ > 0) throw std::runtime_error("hirag serve did not become ready; log:\n" + log());
  }
  throw std::runtime_error("hirag serve failed to start; log:\n" + log());
}

int ServerProcess::terminate(int timeout_ms) {
  if (pid_ <= 0) return -1;
  ::kill(pid_, SIGTERM);
  return wait_exit(timeout_ms);
}

int ServerProcess::wait_exit(int timeout_ms) {
  if (pid_ <= 0) return -1;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return -1;
}

void ServerProcess::kill_hard() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
}

std::string ServerProcess::log() const { return read_file(log_path_); }

CommandResult run_hirag(const std::vector<std::string>& args, const std::string& stdin_text,
                        const std::map<std::string, std::string>& env) {
  TempDir io;
  const std::string in_path = io.path() + "/in", out_path = io.path() + "/out", err_path = io.path() + "/err";
  { std::ofstream(in_path, std::ios::binary) << stdin_text; }
  const int in_fd = ::open(in_path.c_str(), O_RDONLY);
  const int out_fd = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  const int err_fd = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  const pid_t pid = fork();
  if (pid == 0) exec_child(args, env, in_fd, out_fd, err_fd);
  ::close(in_fd);
  ::close(out_fd);
  ::close(err_fd);
  int status = 0;
  waitpid(pid, &status, 0);
  CommandResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = read_file(out_path);
  result.err = read_file(err_path);
  return result;
}

std::string create_api_key(const std::string& data_dir, const std::string& tenant) {
  auto result = run_hirag({"keys", "create", "--tenant", tenant, "--data-dir", data_dir});
  if (result.exit_code != 0) throw std::runtime_error("keys create failed: " + result.err);
  std::string out = result.out;
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out.substr(out.find_last_of('\n') + 1);
}

}  // namespace hirag::testing
