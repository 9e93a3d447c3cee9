#include "cli/reindex_command.hpp"

#include <fmt/format.h>

#include <iostream>

#include "cli/config_loading.hpp"
#include "cli/configured_embedder.hpp"
#include "cli/exit_code.hpp"
#include "memory/reindex.hpp"

namespace hirag::cli {
namespace {

void reindex(const ConfigFlags& flags) {
  const Config config = load_config_or_exit(flags);
  auto embedder = make_configured_embedder(config.embedder, nullptr);
  if (!embedder) {
    std::cerr << "error: " << embedder.error().message << "\n";
    throw ExitCode{1};
  }
  auto report = memory::reindex(config, **embedder, [](size_t done) { std::cerr << "re-embedded " << done << "\n"; });
  if (!report) {
    std::cerr << "error: " << report.error().message << "\n";
    throw ExitCode{1};
  }
  std::cout << fmt::format("re-embedded {} items: {} -> {}\n", report->items,
                           report->previous_model.empty() ? "(none)" : report->previous_model, report->model);
}

}  // namespace

void add_reindex_command(CLI::App& app) {
  auto flags = std::make_shared<ConfigFlags>();
  auto* cmd = app.add_subcommand("reindex", "Re-embed every item with the configured embedder (server stopped)");
  cmd->add_option("--config", flags->config_path, "TOML configuration file (default ./hirag.toml)");
  cmd->add_option("--data-dir", flags->data_dir, "Data directory (default ./data)");
  cmd->callback([flags] { reindex(*flags); });
}

}  // namespace hirag::cli
