// cli/config_loading: the configuration flags every data-dir command shares
// (--config, --data-dir ...) and loading them or exiting with code 2.
#pragma once

#include <CLI/CLI.hpp>

#include "core/config.hpp"

namespace hirag::cli {

// Loads defaults < file < environment < flags; prints the error and throws
// ExitCode{2} when the configuration is invalid.
Config load_config_or_exit(const ConfigFlags& flags);

}  // namespace hirag::cli
