// core/logging: process-wide spdlog set-up. Lines are logfmt-style key=value so a
// log shipper can parse them; everything goes to stderr through an asynchronous
// logger (one writer thread).
#pragma once

#include <string>

#include "core/result.hpp"

namespace hirag {

// Sets the global level ("trace" ... "off") and pattern.
Status init_logging(const std::string& level);
// Flushes queued lines and stops the writer thread; call before exit.
void shutdown_logging();

}  // namespace hirag
