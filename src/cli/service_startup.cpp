#include "cli/service_startup.hpp"

#include <spdlog/spdlog.h>

#include <iostream>

#include "cli/exit_code.hpp"
#include "core/logging.hpp"
#include "metrics/registry.hpp"

namespace hirag::cli {

std::unique_ptr<ServiceSet> open_services_or_exit(const Config& config) {
  if (auto status = init_logging(config.logging.level); !status) {
    std::cerr << "error: " << status.error().message << "\n";
    throw ExitCode{2};
  }
  metrics::register_all_metrics();
  auto services = ServiceSet::open(config);
  if (!services) {
    spdlog::error("event=startup_failed error=\"{}\"", services.error().message);
    throw ExitCode{services.error().code == ErrorCode::Validation ? 2 : 1};
  }
  return std::move(services).value();
}

}  // namespace hirag::cli
