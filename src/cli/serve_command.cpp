#include "cli/serve_command.hpp"

#include <spdlog/spdlog.h>

#include <filesystem>
#include <iostream>
#include <thread>

#include "cli/config_loading.hpp"
#include "cli/exit_code.hpp"
#include "cli/service_startup.hpp"
#include "cli/service_set.hpp"
#include "http/server.hpp"

namespace hirag::cli {
namespace {

struct ServeOptions {
  ConfigFlags flags;
  bool print_config = false;
};

http::ServerOptions server_options(const Config& config) {
  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const auto& s = config.server;
  http::ServerOptions o;
  o.host = s.host;
  o.port = static_cast<uint16_t>(s.port);
  o.io_threads = s.io_threads > 0 ? static_cast<int>(s.io_threads) : cores;
  o.worker_threads = s.worker_threads > 0 ? static_cast<int>(s.worker_threads) : 2 * cores;
  o.max_body_bytes = static_cast<uint64_t>(s.max_body_bytes);
  o.max_header_bytes = static_cast<uint32_t>(s.max_header_bytes);
  o.read_timeout_ms = s.read_timeout_ms;
  o.idle_timeout_ms = s.idle_timeout_ms;
  return o;
}

void serve(const ServeOptions& options) {
  const Config config = load_config_or_exit(options.flags);
  if (options.print_config) {
    std::cout << render_config(config);
    return;
  }
  auto services = open_services_or_exit(config);
  auto& set = *services;
  if (!set.key_ring().has_keys()) {
    if (!http::is_loopback_host(config.server.host)) {
      spdlog::error("event=startup_refused reason=\"no API keys exist, so hirag would serve {} without "
                    "authentication; create one with `hirag keys create --tenant NAME --data-dir {}` or bind a "
                    "loopback address\"",
                    config.server.host, config.server.data_dir);
      throw ExitCode{2};
    }
    spdlog::warn("event=single_tenant_mode reason=\"no API keys exist: serving tenant 'default' without "
                 "authentication on loopback {} only\"",
                 config.server.host);
  }
  http::Server server(server_options(config), set.pipeline());
  if (auto status = server.start(); !status) {
    spdlog::error("event=startup_failed error=\"{}\"", status.error().message);
    throw ExitCode{1};
  }
  spdlog::info("event=listening host={} port={} data_dir={}", config.server.host, server.port(),
               config.server.data_dir);
  if (auto status = set.finish_startup(); !status) {
    spdlog::error("event=startup_failed error=\"{}\"", status.error().message);
    throw ExitCode{1};
  }
  server.run_until_signal(config.server.shutdown_grace_ms);
  set.shutdown();
  spdlog::info("event=shutdown_complete");
}

}  // namespace

void add_serve_command(CLI::App& app) {
  auto options = std::make_shared<ServeOptions>();
  auto* serve_cmd = app.add_subcommand("serve", "Run the HTTP server");
  serve_cmd->add_option("--config", options->flags.config_path, "TOML configuration file (default ./hirag.toml)");
  serve_cmd->add_option("--host", options->flags.host, "Listen address (default 127.0.0.1)");
  serve_cmd->add_option("--port", options->flags.port, "Listen port (default 8081)");
  serve_cmd->add_option("--data-dir", options->flags.data_dir, "Data directory (default ./data)");
  serve_cmd->add_flag("--print-config", options->print_config,
                      "Print the effective configuration (secrets redacted) and exit");
  serve_cmd->callback([options] { serve(*options); });

  auto* config_cmd = app.add_subcommand("config", "Configuration helpers");
  config_cmd->require_subcommand(1);
  config_cmd->add_subcommand("example", "Print a documented configuration file with every key and its default")
      ->callback([] { std::cout << render_config_reference(); });
}

}  // namespace hirag::cli
