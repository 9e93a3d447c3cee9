// cli/serve_command: `hirag serve` — load configuration, open storage, build the
// services and routes, listen, and drain on SIGTERM/SIGINT. Also
// `hirag config example` (the documented reference of every key).
#pragma once

#include <CLI/CLI.hpp>

namespace hirag::cli {

void add_serve_command(CLI::App& app);

}  // namespace hirag::cli
