// core/logging: process-wide spdlog set-up. Lines are logfmt-style key=value so a
// log shipper can parse them; everything goes to stderr through one batching sink
// (core/batched_fd_sink), so lines never interleave.
//   * the default logger (spdlog::info, ...) writes each line at once;
//   * the access logger holds its lines until flush_access_log(), which the HTTP
//     server calls once per turn of its event loop: one write(2) per batch of
//     requests, and no line waits longer than the turn it was logged in.
#pragma once

#include <spdlog/logger.h>

#include <string>

#include "core/result.hpp"

namespace hirag {

// Sets the level of both loggers ("trace" ... "off") and their pattern.
Status init_logging(const std::string& level);
// Writes what is held and releases the loggers; call before exit.
void shutdown_logging();

// The access logger (the default logger until init_logging has run).
spdlog::logger& access_logger();
void flush_access_log();

}  // namespace hirag
