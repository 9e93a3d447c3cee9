#include "store/memory_item.hpp"

namespace hirag::store {

std::string_view level_name(Level level) {
  switch (level) {
    case Level::Immediate: return "Immediate";
    case Level::ShortTerm: return "ShortTerm";
    case Level::LongTerm: return "LongTerm";
  }
  return "ShortTerm";
}

std::optional<Level> parse_level(std::string_view name) {
  for (Level level : kAllLevels) {
    if (level_name(level) == name) return level;
  }
  return std::nullopt;
}

}  // namespace hirag::store
