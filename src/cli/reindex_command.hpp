// cli/reindex_command: `hirag reindex` — re-embeds every item of a data dir with
// the configured embedder (after changing [embedder]). Run with the server stopped.
#pragma once

#include <CLI/CLI.hpp>

namespace hirag::cli {

void add_reindex_command(CLI::App& app);

}  // namespace hirag::cli
