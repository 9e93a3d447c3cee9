// core/config_schema: the declared keys of the configuration (one line per key in
// config_schema.cpp), each able to read itself from TOML or a string and print itself.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/config.hpp"

namespace toml {
inline namespace v3 {
class node;
}
}  // namespace toml

namespace hirag {

struct ConfigKey {
  std::string section;
  std::string name;
  std::string doc;
  bool secret = false;
  // Sets the key from a TOML value; the error message names the key.
  std::function<Status(Config&, const toml::node&)> from_toml;
  // Sets the key from an environment/flag string.
  std::function<Status(Config&, std::string_view)> from_string;
  // The current value as a TOML literal.
  std::function<std::string(const Config&)> to_toml;

  std::string full_name() const { return section + "." + name; }
};

const std::vector<ConfigKey>& config_keys();

}  // namespace hirag
