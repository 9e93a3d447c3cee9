// tests/support/fake_openai: runs tests/support/fake_openai_server.py (a stand-in
// for a remote model API speaking the real OpenAI protocol) as a child process on
// a free loopback port, tells it how to misbehave (/control), reads what it
// received (/requests), and kills it on destruction.
#pragma once

#include <sys/types.h>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <string>

namespace hirag::testing {

struct FakeOpenAiOptions {
  size_t dimension = 8;  // of the vectors /v1/embeddings returns
  std::string api_key;   // required bearer key; empty = none
};

class FakeOpenAi {
 public:
  explicit FakeOpenAi(FakeOpenAiOptions options = {});
  ~FakeOpenAi();
  FakeOpenAi(const FakeOpenAi&) = delete;
  FakeOpenAi& operator=(const FakeOpenAi&) = delete;

  // "http://127.0.0.1:<port>/v1": what goes into embedder.base_url / summarizer.base_url.
  std::string base_url() const;
  // The next `times` model requests (all when times <= 0) behave as `mode`
  // ("ok", "timeout", "429", "500", "503", "400", "401", "overlong",
  // "wrong_dimension", "short", "malformed"); `retry_after` (whole seconds) is sent on 429/503
  // when >= 0.
  void set_mode(const std::string& mode, int times = 0, int retry_after = -1);
  // Any other /control fields (e.g. {"content": "..."} or {"sleep": 2}).
  void control(const boost::json::object& fields);
  // Model requests received since start or reset().
  size_t request_count() const;
  // Their JSON bodies (the last 50) and arrival times (monotonic seconds).
  boost::json::array request_bodies() const;
  boost::json::array request_times() const;
  void reset();

 private:
  boost::json::object requests() const;

  int port_ = 0;
  pid_t pid_ = -1;
};

}  // namespace hirag::testing
