#include "core/logging.hpp"

#include <unistd.h>

#include <spdlog/spdlog.h>

#include "core/batched_fd_sink.hpp"

namespace hirag {
namespace {

// Set once by init_logging, before the server's threads start.
std::shared_ptr<spdlog::logger>& access_logger_slot() {
  static std::shared_ptr<spdlog::logger> logger;
  return logger;
}

std::shared_ptr<spdlog::logger> make_logger(std::string name, std::shared_ptr<BatchedFdSink> sink,
                                            spdlog::level::level_enum level, spdlog::level::level_enum flush_level) {
  auto logger = std::make_shared<spdlog::logger>(std::move(name), std::move(sink));
  logger->set_pattern("ts=%Y-%m-%dT%H:%M:%S.%eZ level=%l %v", spdlog::pattern_time_type::utc);
  logger->set_level(level);
  logger->flush_on(flush_level);
  return logger;
}

}  // namespace

Status init_logging(const std::string& level) {
  auto parsed = spdlog::level::from_str(level);
  if (parsed == spdlog::level::off && level != "off") {
    return Error::validation("unknown log level '" + level + "'");
  }
  auto sink = std::make_shared<BatchedFdSink>(STDERR_FILENO);
  spdlog::set_default_logger(make_logger("hirag", sink, parsed, spdlog::level::trace));
  access_logger_slot() = make_logger("access", sink, parsed, spdlog::level::off);
  return ok_status();
}

void shutdown_logging() {
  flush_access_log();
  access_logger_slot().reset();
  spdlog::shutdown();
}

spdlog::logger& access_logger() {
  const auto& logger = access_logger_slot();
  return logger ? *logger : *spdlog::default_logger_raw();
}

void flush_access_log() { access_logger().flush(); }

}  // namespace hirag
