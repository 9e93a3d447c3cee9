// cli/service_startup: what `hirag serve` and `hirag mcp` do first — logging at
// the configured level, the metric families, and the services on the data dir —
// or the process's exit: 2 for a configuration error, 1 for anything else.
#pragma once

#include <memory>

#include "cli/service_set.hpp"

namespace hirag::cli {

// Throws ExitCode (logged first) when the services cannot be opened.
std::unique_ptr<ServiceSet> open_services_or_exit(const Config& config);

}  // namespace hirag::cli
