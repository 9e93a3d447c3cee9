#include "service_fixture.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>

#include "core/logging.hpp"
#include "metrics/registry.hpp"

namespace hirag::fuzz {
namespace {

// Constructed before remove_data_dir is registered, so destroyed after it runs.
const std::string& data_dir() {
  static const std::string dir =
      (std::filesystem::temp_directory_path() / ("hirag-fuzz-" + std::to_string(::getpid()))).string();
  return dir;
}

void remove_data_dir() {
  std::error_code ignored;
  std::filesystem::remove_all(data_dir(), ignored);
}

Config fuzz_config() {
  Config config;
  config.server.data_dir = data_dir();
  config.rate_limit.enabled = false;    // every input reaches its handler
  config.logging.access_log = false;
  config.storage.synchronous = "normal";
  config.storage.min_free_bytes = 0;
  return config;
}

cli::ServiceSet* open_services() {
  (void)init_logging("off");
  metrics::register_all_metrics();
  const Config config = fuzz_config();  // names the data dir before the exit handler can need it
  std::atexit(remove_data_dir);
  auto opened = cli::ServiceSet::open(config);
  if (!opened || !(*opened)->finish_startup()) std::abort();
  return opened->release();  // lives as long as the process
}

}  // namespace

cli::ServiceSet& fuzz_services() {
  static cli::ServiceSet* services = open_services();
  return *services;
}

}  // namespace hirag::fuzz
