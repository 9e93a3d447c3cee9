#include "support/fake_openai.hpp"

#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json/serialize.hpp>
#include <chrono>
#include <stdexcept>
#include <thread>

#include "support/http_client.hpp"

namespace hirag::testing {
namespace {

// Reads the child's first stdout line ("PORT <n>"), waiting at most 15 s.
int read_port(int fd) {
  std::string line;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
  while (line.find('\n') == std::string::npos && std::chrono::steady_clock::now() < deadline) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 100) <= 0) continue;
    char buffer[64];
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n <= 0) break;
    line.append(buffer, static_cast<size_t>(n));
  }
  if (line.rfind("PORT ", 0) != 0) throw std::runtime_error("fake OpenAI server did not start: '" + line + "'");
  return std::stoi(line.substr(5));
}

}  // namespace

FakeOpenAi::FakeOpenAi(FakeOpenAiOptions options) {
  int out[2];
  if (::pipe(out) != 0) throw std::runtime_error("pipe failed");
  const std::string script = std::string(HIRAG_SOURCE_DIR) + "/tests/support/fake_openai_server.py";
  const std::string dimension = std::to_string(options.dimension);
  pid_ = ::fork();
  if (pid_ == 0) {
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);  // no orphaned server if the test process dies
    ::dup2(out[1], 1);
    ::close(out[0]);
    ::close(out[1]);
    ::execlp("python3", "python3", script.c_str(), "--port", "0", "--dimension", dimension.c_str(), "--api-key",
             options.api_key.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(out[1]);
  try {
    port_ = read_port(out[0]);
  } catch (...) {
    ::close(out[0]);
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    throw;
  }
  ::close(out[0]);
  // It listens before printing; still, wait until it answers.
  HttpClient http("http://127.0.0.1:" + std::to_string(port_));
  for (int i = 0; i < 200; ++i) {
    if (http.get("/requests").status == 200) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  throw std::runtime_error("fake OpenAI server does not answer");
}

FakeOpenAi::~FakeOpenAi() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
  }
}

std::string FakeOpenAi::base_url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/v1"; }

void FakeOpenAi::set_mode(const std::string& mode, int times, int retry_after) {
  boost::json::object fields{{"mode", mode}};
  fields["times"] = times > 0 ? boost::json::value(times) : boost::json::value(nullptr);
  fields["retry_after"] = retry_after >= 0 ? boost::json::value(retry_after) : boost::json::value(nullptr);
  control(fields);
}

void FakeOpenAi::control(const boost::json::object& fields) {
  HttpClient http("http://127.0.0.1:" + std::to_string(port_));
  const auto result = http.post("/control", boost::json::serialize(fields));
  if (result.status != 200) throw std::runtime_error("fake OpenAI /control failed: " + result.body);
}

boost::json::object FakeOpenAi::requests() const {
  HttpClient http("http://127.0.0.1:" + std::to_string(port_));
  return http.get("/requests").json().as_object();
}

size_t FakeOpenAi::request_count() const { return static_cast<size_t>(requests().at("count").as_int64()); }

boost::json::array FakeOpenAi::request_bodies() const { return requests().at("bodies").as_array(); }

boost::json::array FakeOpenAi::request_times() const { return requests().at("times").as_array(); }

void FakeOpenAi::reset() {
  HttpClient http("http://127.0.0.1:" + std::to_string(port_));
  http.post("/reset", "{}");
}

}  // namespace hirag::testing
