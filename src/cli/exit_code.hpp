// cli/exit_code: subcommands report their exit status by throwing ExitCode from
// their CLI11 callback; cli::run returns it.
#pragma once

namespace hirag::cli {

struct ExitCode {
  int value;
};

}  // namespace hirag::cli
