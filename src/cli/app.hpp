// cli/app: the command line: `hirag serve`, `hirag keys ...`, `hirag tokenize`, ...
// Exit codes: 0 success, 1 runtime failure, 2 bad usage or configuration.
#pragma once

namespace hirag::cli {

int run(int argc, char** argv);

}  // namespace hirag::cli
