// tests/support/stdio_process: `build/hirag ARGS...` with its stdin and stdout
// on pipes, for line protocols (hirag mcp): write a line, read the reply line,
// as an MCP desktop client does. stderr goes to a file readable with log().
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

#include "support/server_process.hpp"

namespace hirag::testing {

class StdioProcess {
 public:
  explicit StdioProcess(const std::vector<std::string>& args);
  ~StdioProcess();  // closes stdin, waits (bounded), then SIGKILL
  StdioProcess(const StdioProcess&) = delete;
  StdioProcess& operator=(const StdioProcess&) = delete;

  void write_line(const std::string& line);
  // The next stdout line, or nothing after `timeout_ms` or at end of output.
  std::optional<std::string> read_line(int timeout_ms = 30000);
  // Closes stdin and waits for the exit status (-1 on timeout).
  int finish(int timeout_ms = 20000);
  std::string log() const;

 private:
  TempDir dir_;
  pid_t pid_ = -1;
  int in_fd_ = -1;
  int out_fd_ = -1;
  std::string buffered_;
};

}  // namespace hirag::testing
