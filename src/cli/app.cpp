#include "cli/app.hpp"

#include <CLI/CLI.hpp>

#include "cli/exit_code.hpp"
#include "core/logging.hpp"
#include "cli/keys_command.hpp"
#include "cli/mcp_command.hpp"
#include "cli/reindex_command.hpp"
#include "cli/serve_command.hpp"
#include "cli/tokenize_command.hpp"

namespace hirag::cli {

namespace {

int parse_and_run(int argc, char** argv) {
  CLI::App app{"hirag: memory and context server for LLM agents"};
  app.require_subcommand(1);
  add_serve_command(app);
  add_keys_command(app);
  add_reindex_command(app);
  add_tokenize_command(app);
  add_mcp_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;
  } catch (const ExitCode& code) {
    return code.value;
  }
  return 0;
}

}  // namespace

int run(int argc, char** argv) {
  const int code = parse_and_run(argc, argv);
  shutdown_logging();  // writes the held access-log lines before the process exits
  return code;
}

}  // namespace hirag::cli
