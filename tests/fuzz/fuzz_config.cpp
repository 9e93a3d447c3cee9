// tests/fuzz/fuzz_config: libFuzzer target for the configuration loader. The input
// is a hirag.toml followed, after a NUL byte, by environment lines KEY=VALUE. Any
// bytes: no crash, and either a configuration that passes validate_config() or a
// VALIDATION_ERROR (a bad key or value stops start-up with a message, never worse).
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "core/config.hpp"

namespace {

std::map<std::string, std::string> environment_lines(const std::string& text) {
  std::map<std::string, std::string> environment;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    const auto equals = line.find('=');
    if (equals != std::string::npos) environment[line.substr(0, equals)] = line.substr(equals + 1);
  }
  return environment;
}

// One file per fuzzing process, rewritten for each input (the loader reads a path).
const std::string& config_path() {
  static const std::string path = [] {
    const char* dir = std::getenv("TMPDIR");
    return std::string(dir != nullptr ? dir : "/tmp") + "/hirag-fuzz-config-" + std::to_string(getpid()) + ".toml";
  }();
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  const auto nul = input.find('\0');
  {
    std::ofstream file(config_path(), std::ios::binary | std::ios::trunc);
    file << input.substr(0, nul);
  }
  hirag::ConfigFlags flags;
  flags.config_path = config_path();
  const auto environment = nul == std::string::npos ? std::map<std::string, std::string>()
                                                    : environment_lines(input.substr(nul + 1));
  auto config = hirag::load_config(flags, environment);
  if (config.ok()) {
    if (!hirag::validate_config(*config).ok()) std::abort();
  } else if (config.error().code != hirag::ErrorCode::Validation) {
    std::abort();
  }
  return 0;
}
