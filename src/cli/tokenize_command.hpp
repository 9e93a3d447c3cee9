// cli/tokenize_command: `hirag tokenize` — tiktoken-exact token ids of stdin, as JSON.
// The command-line contract is fixed (other tools parse it):
//   (default)  {"n":N,"ids":[...]} for the whole input
//   --lines    {"i":I,"n":N,"ids":[...]} per input line (split after each '\n')
//   --jsonl    each input line is a JSON string; {"i":I,"n":N,"ids":[...]} per string
//   --count    the number of tokens of the whole input
//   --decode   reads a JSON array of ids, prints the text
// Invalid UTF-8, a bad encoding name or malformed input: a message on stderr, exit 2,
// nothing on stdout.
#pragma once

#include <iosfwd>
#include <string>

namespace CLI {
class App;
}

namespace hirag::cli {

struct TokenizeOptions {
  std::string encoding = "cl100k_base";
  bool lines = false;
  bool jsonl = false;
  bool count = false;
  bool decode = false;
};

// Runs the command on `in`; returns the process exit code (0, or 2 for bad input).
int run_tokenize(const TokenizeOptions& options, std::istream& in, std::ostream& out, std::ostream& err);

// Registers the `tokenize` subcommand; on failure its callback throws
// CLI::RuntimeError(exit code), which CLI11_PARSE / App::exit turn into that code.
void add_tokenize_command(CLI::App& app);

}  // namespace hirag::cli
