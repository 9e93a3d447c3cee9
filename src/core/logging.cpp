#include "core/logging.hpp"

#include <spdlog/async.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

namespace hirag {

Status init_logging(const std::string& level) {
  auto parsed = spdlog::level::from_str(level);
  if (parsed == spdlog::level::off && level != "off") {
    return Error::validation("unknown log level '" + level + "'");
  }
  // Lines are formatted by the caller but written by one background thread, so a
  // request never waits for a write(2) to stderr; a full queue blocks (no loss).
  spdlog::init_thread_pool(16384, 1);
  auto logger = spdlog::create_async<spdlog::sinks::stderr_sink_mt>("hirag");
  logger->set_pattern("ts=%Y-%m-%dT%H:%M:%S.%eZ level=%l %v", spdlog::pattern_time_type::utc);
  logger->set_level(parsed);
  spdlog::set_default_logger(logger);
  return ok_status();
}

void shutdown_logging() { spdlog::shutdown(); }

}  // namespace hirag
