// cli/keys_command: `hirag keys create --tenant NAME`, `keys list`, `keys revoke ID`,
// working directly on the data dir's database (server running or not).
#pragma once

#include <CLI/CLI.hpp>

namespace hirag::cli {

void add_keys_command(CLI::App& app);

}  // namespace hirag::cli
