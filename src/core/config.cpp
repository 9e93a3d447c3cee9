#include "core/config.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <toml++/toml.h>

#include "core/config_schema.hpp"

extern char** environ;

namespace hirag {
namespace {

const ConfigKey* find_key(std::string_view section, std::string_view name) {
  for (const auto& key : config_keys()) {
    if (key.section == section && key.name == name) return &key;
  }
  return nullptr;
}

Error unknown_key(const std::string& where, const std::string& name) {
  boost::json::object details;
  details["key"] = name;
  return Error::validation(fmt::format("{}: unknown configuration key '{}'", where, name), details);
}

Status apply_toml_file(Config& config, const std::string& path) {
  toml::table table;
  try {
    table = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    return Error::validation(fmt::format("{}:{}:{}: {}", path, e.source().begin.line, e.source().begin.column,
                                         e.description()));
  }
  for (const auto& [section_name, section_node] : table) {
    const std::string section(section_name.str());
    const auto* section_table = section_node.as_table();
    if (section_table == nullptr) return unknown_key(path, section);
    for (const auto& [key_name, value] : *section_table) {
      const std::string name(key_name.str());
      const ConfigKey* key = find_key(section, name);
      if (key == nullptr) return unknown_key(path, section + "." + name);
      if (auto status = key->from_toml(config, value); !status) return status;
    }
  }
  return ok_status();
}

// HIRAG_<SECTION>__<KEY>=value; other HIRAG_ variables (no "__") are not configuration.
Status apply_environment(Config& config, const std::map<std::string, std::string>& environment) {
  constexpr std::string_view kPrefix = "HIRAG_";
  for (const auto& [name, value] : environment) {
    if (!name.starts_with(kPrefix)) continue;
    const std::string rest = name.substr(kPrefix.size());
    const auto split = rest.find("__");
    if (split == std::string::npos) continue;
    std::string section = rest.substr(0, split);
    std::string key_name = rest.substr(split + 2);
    for (auto& c : section) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (auto& c : key_name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const ConfigKey* key = find_key(section, key_name);
    if (key == nullptr) return unknown_key("environment variable " + name, section + "." + key_name);
    if (auto status = key->from_string(config, value); !status) return status;
  }
  return ok_status();
}

std::string upper(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::string environment_name(const ConfigKey& key) {
  return "HIRAG_" + upper(key.section) + "__" + upper(key.name);
}

}  // namespace

std::map<std::string, std::string> process_environment() {
  std::map<std::string, std::string> env;
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
    std::string_view entry(*e);
    const auto eq = entry.find('=');
    if (eq == std::string_view::npos) continue;
    env.emplace(std::string(entry.substr(0, eq)), std::string(entry.substr(eq + 1)));
  }
  return env;
}

Result<Config> load_config(const ConfigFlags& flags, const std::map<std::string, std::string>& environment) {
  Config config;
  std::string path = flags.config_path;
  if (path.empty() && std::filesystem::exists("hirag.toml")) path = "hirag.toml";
  if (!path.empty()) {
    if (!std::filesystem::exists(path)) return Error::validation(fmt::format("config file '{}' does not exist", path));
    if (auto status = apply_toml_file(config, path); !status) return std::move(status).error();
  }
  if (auto status = apply_environment(config, environment); !status) return std::move(status).error();
  if (!flags.host.empty()) config.server.host = flags.host;
  if (flags.port >= 0) {
    if (flags.port > 65535) return Error::validation(fmt::format("--port {} is out of range [0, 65535]", flags.port));
    config.server.port = flags.port;
  }
  if (!flags.data_dir.empty()) config.server.data_dir = flags.data_dir;
  if (auto status = validate_config(config); !status) return std::move(status).error();
  return config;
}

Status validate_config(const Config& config) {
  const auto& ctx = config.context;
  const int64_t slots = ctx.system_tokens + ctx.running_brief + ctx.recent_turns + ctx.retrieved_context + ctx.completion;
  if (slots > ctx.max_total) {
    return Error::validation(fmt::format(
        "context slots add up to {} tokens (system {} + brief {} + turns {} + retrieved {} + completion {}), "
        "more than context.max_total {}",
        slots, ctx.system_tokens, ctx.running_brief, ctx.recent_turns, ctx.retrieved_context, ctx.completion,
        ctx.max_total));
  }
  const auto& r = config.retrieval;
  const double weights = r.weight_similarity + r.weight_recency + r.weight_level + r.weight_frequency;
  if (std::fabs(weights - 1.0) > 0.01) {
    return Error::validation(fmt::format("retrieval weights must add up to 1 (got {:.3f})", weights));
  }
  if (r.default_top_k > r.max_top_k) {
    return Error::validation(fmt::format("retrieval.default_top_k {} exceeds retrieval.max_top_k {}", r.default_top_k,
                                         r.max_top_k));
  }
  if (config.embedder.provider == "openai" && config.embedder.remote.base_url.empty()) {
    return Error::validation("embedder.provider is \"openai\" but embedder.base_url is empty");
  }
  if (config.summarizer.provider == "openai" && config.summarizer.remote.base_url.empty()) {
    return Error::validation("summarizer.provider is \"openai\" but summarizer.base_url is empty");
  }
  if (config.server.host.empty()) return Error::validation("server.host must not be empty");
  if (config.server.data_dir.empty()) return Error::validation("server.data_dir must not be empty");
  return ok_status();
}

std::string render_config(const Config& config) {
  std::string out;
  std::string section;
  for (const auto& key : config_keys()) {
    if (key.section != section) {
      section = key.section;
      out += fmt::format("{}[{}]\n", out.empty() ? "" : "\n", section);
    }
    out += fmt::format("{} = {}\n", key.name, key.to_toml(config));
  }
  return out;
}

std::string render_config_reference() {
  const Config defaults;
  std::string out =
      "# hirag configuration reference: every key with its default.\n"
      "# Precedence: this file < environment HIRAG_<SECTION>__<KEY> < flags (--host --port --data-dir).\n"
      "# Unknown keys and bad values stop start-up. Secrets belong in the environment.\n";
  std::string section;
  for (const auto& key : config_keys()) {
    if (key.section != section) {
      section = key.section;
      out += fmt::format("\n[{}]\n", section);
    }
    out += fmt::format("# {}{}\n", key.doc, key.secret ? " (secret)" : "");
    out += fmt::format("# env: {}\n", environment_name(key));
    out += fmt::format("{}{} = {}\n", key.secret ? "# " : "", key.name, key.to_toml(defaults));
  }
  return out;
}

}  // namespace hirag
