// cli/mcp_command: `hirag mcp` — the MCP server over stdio for desktop clients
// that launch a local process: opens the same services as `hirag serve` on
// --data-dir and answers one tenant (--tenant, default "default") without HTTP.
#pragma once

#include <CLI/CLI.hpp>

namespace hirag::cli {

void add_mcp_command(CLI::App& app);

}  // namespace hirag::cli
