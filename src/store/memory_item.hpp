// store/memory_item: the memory item record (a "context" in the API) and its level.
// Plain data shared by every Store implementation and by memory/; no behaviour.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hirag::store {

enum class Level : int { Immediate = 0, ShortTerm = 1, LongTerm = 2 };

inline constexpr Level kAllLevels[] = {Level::Immediate, Level::ShortTerm, Level::LongTerm};

// "Immediate" | "ShortTerm" | "LongTerm" (the API spelling).
std::string_view level_name(Level level);
std::optional<Level> parse_level(std::string_view name);

struct MemoryItem {
  int64_t seq = 0;  // store-assigned, increasing; the item's label in the vector index
  std::string id;   // UUIDv7
  std::string tenant;
  std::string name_space;
  Level level = Level::ShortTerm;
  std::string text;
  int64_t token_count = 0;
  std::vector<float> embedding;  // empty when not loaded
  std::string metadata_json = "{}";
  int64_t created_at_ms = 0;
  int64_t updated_at_ms = 0;
  std::optional<int64_t> last_accessed_at_ms;
  int64_t access_count = 0;
  std::optional<int64_t> expires_at_ms;
  std::optional<std::string> session_id;
  std::string source = "note";  // turn | note | document_region | summary
};

// Where an item lives in the vector index.
struct ItemKey {
  int64_t seq = 0;
  std::string tenant;
  std::string name_space;
};

}  // namespace hirag::store
