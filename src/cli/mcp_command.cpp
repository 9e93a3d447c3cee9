#include "cli/mcp_command.hpp"

#include <spdlog/spdlog.h>

#include <iostream>

#include "cli/config_loading.hpp"
#include "cli/exit_code.hpp"
#include "cli/service_startup.hpp"
#include "cli/service_set.hpp"
#include "mcp/mcp_server.hpp"
#include "mcp/stdio_transport.hpp"

namespace hirag::cli {
namespace {

struct McpOptions {
  ConfigFlags flags;
  std::string tenant = "default";
};

void run_mcp(const McpOptions& options) {
  const Config config = load_config_or_exit(options.flags);
  // Logs go to stderr (core/logging): stdout carries only JSON-RPC.
  auto services = open_services_or_exit(config);
  auto& set = *services;
  if (auto status = set.finish_startup(); !status) {
    spdlog::error("event=startup_failed error=\"{}\"", status.error().message);
    throw ExitCode{1};
  }
  spdlog::info("event=mcp_stdio_ready tenant={} data_dir={}", options.tenant, config.server.data_dir);
  const mcp::McpServer server(set.services());
  mcp::serve_stdio(server, options.tenant, std::cin, std::cout);
  set.shutdown();
}

}  // namespace

void add_mcp_command(CLI::App& app) {
  auto options = std::make_shared<McpOptions>();
  auto* cmd = app.add_subcommand("mcp", "Serve MCP over stdio (newline-delimited JSON-RPC) for one tenant");
  cmd->add_option("--config", options->flags.config_path, "TOML configuration file (default ./hirag.toml)");
  cmd->add_option("--data-dir", options->flags.data_dir, "Data directory (default ./data)");
  cmd->add_option("--tenant", options->tenant, "Tenant whose memory the tools use (default \"default\")");
  cmd->callback([options] { run_mcp(*options); });
}

}  // namespace hirag::cli
