#include "cli/config_loading.hpp"

#include <iostream>

#include "cli/exit_code.hpp"

namespace hirag::cli {

Config load_config_or_exit(const ConfigFlags& flags) {
  auto config = load_config(flags, process_environment());
  if (!config) {
    std::cerr << "error: " << config.error().message << "\n";
    throw ExitCode{2};
  }
  return std::move(config).value();
}

}  // namespace hirag::cli
