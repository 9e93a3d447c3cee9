#include "cli/tokenize_command.hpp"

#include <CLI/CLI.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <charconv>
#include <iostream>
#include <memory>
#include <optional>
#include <vector>

#include "core/utf8.hpp"
#include "tokenize/tokenizer.hpp"

namespace hirag::cli {

namespace {

using tokenize::TokenId;

constexpr int kBadInput = 2;

std::string read_all(std::istream& in) {
  std::string data;
  std::streambuf* buf = in.rdbuf();
  for (size_t chunk = 1 << 20;; chunk = std::min<size_t>(chunk * 2, 1 << 26)) {
    const size_t used = data.size();
    data.resize(used + chunk);
    const std::streamsize got = buf->sgetn(data.data() + used, static_cast<std::streamsize>(chunk));
    data.resize(used + static_cast<size_t>(std::max<std::streamsize>(got, 0)));
    if (got < static_cast<std::streamsize>(chunk)) return data;
  }
}

void append_number(std::string& out, uint64_t value) {
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  out.append(digits, end);
}

// {"i":I,"n":N,"ids":[...]} (without "i" when index is nullopt), and a newline.
void append_ids_json(std::string& out, std::optional<size_t> index, const std::vector<TokenId>& ids) {
  if (index) {
    out += "{\"i\":";
    append_number(out, *index);
    out += ",\"n\":";
  } else {
    out += "{\"n\":";
  }
  append_number(out, ids.size());
  out += ",\"ids\":[";
  for (size_t k = 0; k < ids.size(); ++k) {
    if (k) out += ',';
    append_number(out, ids[k]);
  }
  out += "]}\n";
}

// Calls fn(index, line) for each line of `data`, split after each '\n'.
template <typename Fn>
bool for_each_line(std::string_view data, Fn&& fn) {
  size_t index = 0;
  for (size_t pos = 0; pos < data.size(); ++index) {
    size_t end = data.find('\n', pos);
    end = end == std::string_view::npos ? data.size() : end + 1;
    if (!fn(index, data.substr(pos, end - pos))) return false;
    pos = end;
  }
  return true;
}

class Command {
 public:
  Command(const tokenize::Tokenizer& tok, std::ostream& err) : tok_(tok), err_(err) {}

  bool decode(std::string_view input, std::string& out) {
    boost::system::error_code ec;
    const boost::json::value doc = boost::json::parse(input, ec);
    if (ec || !doc.is_array()) return fail("--decode expects a JSON array of token ids");
    std::vector<TokenId> ids;
    for (const boost::json::value& v : doc.as_array()) {
      if (v.is_int64() && v.as_int64() >= 0 && v.as_int64() <= UINT32_MAX) {
        ids.push_back(static_cast<TokenId>(v.as_int64()));
      } else {
        return fail("--decode: token ids must be integers in [0, 4294967295]");
      }
    }
    Result<std::string> text = tok_.decode(ids);
    if (!text) return fail(text.error().message);
    out = std::move(text).value();
    return true;
  }

  bool jsonl(std::string_view input, std::string& out) {
    std::vector<TokenId> ids;
    return for_each_line(input, [&](size_t i, std::string_view line) {
      boost::system::error_code ec;
      const boost::json::value v = boost::json::parse(line, ec);
      if (ec || !v.is_string()) return fail("--jsonl: line " + std::to_string(i) + " is not a JSON string");
      const std::string_view text = v.as_string();
      if (auto bad = first_invalid_utf8(text)) {
        return fail("--jsonl: line " + std::to_string(i) + " decodes to invalid UTF-8 at byte offset " +
                    std::to_string(*bad));
      }
      ids.clear();
      tok_.encode_into(text, ids);
      append_ids_json(out, i, ids);
      return true;
    });
  }

  void lines(std::string_view input, std::string& out) {
    std::vector<TokenId> ids;
    for_each_line(input, [&](size_t i, std::string_view line) {
      ids.clear();
      tok_.encode_into(line, ids);
      append_ids_json(out, i, ids);
      return true;
    });
  }

  bool fail(const std::string& message) {
    err_ << "hirag tokenize: " << message << '\n';
    return false;
  }

 private:
  const tokenize::Tokenizer& tok_;
  std::ostream& err_;
};

}  // namespace

int run_tokenize(const TokenizeOptions& options, std::istream& in, std::ostream& out, std::ostream& err) {
  const auto encoding = tokenize::parse_encoding(options.encoding);
  if (!encoding) {
    std::string valid;
    for (const auto name : tokenize::encoding_names()) valid += (valid.empty() ? "" : ", ") + std::string(name);
    err << "hirag tokenize: unknown encoding '" << options.encoding << "'; valid encodings: " << valid << '\n';
    return kBadInput;
  }
  if (options.lines + options.jsonl + options.count + options.decode > 1) {
    err << "hirag tokenize: --lines, --jsonl, --count and --decode are mutually exclusive\n";
    return kBadInput;
  }
  const std::string input = read_all(in);
  if (!options.decode) {
    if (auto bad = first_invalid_utf8(input)) {
      err << "hirag tokenize: invalid UTF-8 on stdin at byte offset " << *bad << '\n';
      return kBadInput;
    }
  }
  Command command(tokenize::tokenizer(*encoding), err);
  std::string output;
  if (options.decode) {
    if (!command.decode(input, output)) return kBadInput;
  } else if (options.jsonl) {
    if (!command.jsonl(input, output)) return kBadInput;
  } else if (options.lines) {
    command.lines(input, output);
  } else if (options.count) {
    append_number(output, tokenize::tokenizer(*encoding).count(input));
    output += '\n';
  } else {
    append_ids_json(output, std::nullopt, tokenize::tokenizer(*encoding).encode(input));
  }
  out.write(output.data(), static_cast<std::streamsize>(output.size()));
  out.flush();
  return 0;
}

void add_tokenize_command(CLI::App& app) {
  auto options = std::make_shared<TokenizeOptions>();
  CLI::App* cmd = app.add_subcommand("tokenize", "Print the tiktoken-exact token ids of UTF-8 text on stdin as JSON");
  cmd->add_option("--encoding", options->encoding, "cl100k_base (default) or o200k_base");
  cmd->add_flag("--lines", options->lines, "One {\"i\",\"n\",\"ids\"} object per input line");
  cmd->add_flag("--jsonl", options->jsonl, "Each input line is a JSON string; one object per string");
  cmd->add_flag("--count", options->count, "Print only the number of tokens of the whole input");
  cmd->add_flag("--decode", options->decode, "Read a JSON array of ids and print the text");
  cmd->callback([options] {
    const int code = run_tokenize(*options, std::cin, std::cout, std::cerr);
    if (code != 0) throw CLI::RuntimeError(code);
  });
}

}  // namespace hirag::cli
