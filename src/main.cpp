// hirag: memory and context server for LLM agents. Subcommands live in src/cli/.
#include "cli/app.hpp"

int main(int argc, char** argv) { return hirag::cli::run(argc, argv); }
