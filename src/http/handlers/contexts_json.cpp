#include "http/handlers/contexts_json.hpp"

#include <boost/json.hpp>
#include <fmt/format.h>

#include <algorithm>

#include "core/clock.hpp"
#include "core/json_reader.hpp"
#include "http/handlers/request_fields.hpp"

namespace hirag::http {
namespace {

using memory::Level;

constexpr std::string_view kPriorities[] = {"Low", "Normal", "High", "Critical"};

std::optional<Level> read_level(JsonReader& reader, std::string_view key) {
  auto name = reader.optional_string(key);
  if (!name) return std::nullopt;
  auto level = parse_level_field(reader.path_of(key), *name);
  if (!level) {
    reader.fail(key, level.error().message);
    return std::nullopt;
  }
  return *level;
}

boost::json::object read_metadata(JsonReader& reader, std::string_view key) {
  const auto* value = reader.optional_value(key);
  if (value == nullptr) return {};
  if (!value->is_object()) {
    reader.fail(key, fmt::format("'{}' must be an object, got {}", reader.path_of(key), json_type_name(*value)));
    return {};
  }
  return value->get_object();
}

// split_by_default: the batch's "split_long_text", which an item's own overrides.
memory::NewItem read_new_item(JsonReader& reader, bool split_by_default = false) {
  memory::NewItem item;
  item.text = reader.required_string("text");
  item.level = read_level(reader, "level");
  item.name_space = reader.optional_string("namespace").value_or(item.name_space);
  item.metadata = read_metadata(reader, "metadata");
  item.created_at_ms = read_time(reader, "created_at");
  item.session_id = reader.optional_string("session_id");
  item.split_long_text = reader.optional_bool("split_long_text").value_or(split_by_default);
  return item;
}

memory::SearchRequest read_search(JsonReader& reader) {
  memory::SearchRequest request;
  request.query = reader.required_string("query");
  request.name_space = reader.optional_string("namespace").value_or(request.name_space);
  request.top_k = reader.optional_int("top_k");
  request.max_tokens = reader.optional_int("max_tokens");
  if (const auto* levels = reader.optional_array("levels")) {
    for (size_t i = 0; i < levels->size(); ++i) {
      const std::string path = fmt::format("levels[{}]", i);
      const auto& entry = (*levels)[i];
      auto level = entry.is_string() ? parse_level_field(path, entry.get_string())
                                     : Result<Level>(Error::field(path, fmt::format("'{}' must be a string", path)));
      if (!level) {
        reader.fail("levels", level.error().message);
        break;
      }
      if (std::find(request.levels.begin(), request.levels.end(), *level) == request.levels.end()) {
        request.levels.push_back(*level);
      }
    }
  }
  if (const auto* filters = reader.optional_object("filters")) request.filters = *filters;
  request.session_id = reader.optional_string("session_id");
  request.created_after_ms = read_time(reader, "created_after");
  request.created_before_ms = read_time(reader, "created_before");
  if (auto priority = reader.optional_string("priority")) {
    if (std::find(std::begin(kPriorities), std::end(kPriorities), *priority) == std::end(kPriorities)) {
      reader.fail("priority", fmt::format("'{}' is not a valid priority; valid: Low, Normal, High, Critical", *priority));
    }
  }
  request.explain = reader.optional_bool("explain").value_or(false);
  // Looking at how a search ranks should not change the ranking: explain counts
  // no access unless the request asks for it.
  request.record_access = reader.optional_bool("record_access").value_or(!request.explain);
  return request;
}

std::string read_id(JsonReader& reader) { return reader.required_string("id"); }

std::string level_list() {
  std::string names;
  for (Level level : store::kAllLevels) {
    if (!names.empty()) names += ", ";
    names += store::level_name(level);
  }
  return names;
}

boost::json::object encode_context(const memory::MemoryItem& item, double score) {
  boost::system::error_code ec;
  auto metadata = boost::json::parse(item.metadata_json, ec);
  return {{"id", item.id},
          {"text", item.text},
          {"level", store::level_name(item.level)},
          {"relevance_score", score},
          {"token_count", item.token_count},
          {"timestamp", item.created_at_ms / 1000},
          {"metadata", ec ? boost::json::value(boost::json::object{}) : std::move(metadata)}};
}

}  // namespace

Result<Level> parse_level_field(const std::string& field, std::string_view name) {
  if (auto level = store::parse_level(name)) return *level;
  Error error = Error::field(field, fmt::format("'{}' is not a valid level; valid levels: {}", name, level_list()));
  error.details["valid"] = boost::json::array{"Immediate", "ShortTerm", "LongTerm"};
  return error;
}

Result<memory::NewItem> decode_new_item(const std::string& body) {
  return decode_object<memory::NewItem>(body, [](JsonReader& reader) { return read_new_item(reader); });
}

Result<memory::NewItem> decode_new_item(const boost::json::object& object) {
  return decode_object<memory::NewItem>(object, [](JsonReader& reader) { return read_new_item(reader); });
}

Result<std::vector<memory::NewItem>> decode_batch(const std::string& body) {
  auto object = parse_json_object(body);
  if (!object) return std::move(object).error();
  JsonReader reader(*object);
  const auto* array = reader.required_array("items");
  const bool split_long_text = reader.optional_bool("split_long_text").value_or(false);
  if (auto status = reader.finish(); !status) return std::move(status).error();
  std::vector<memory::NewItem> items;
  items.reserve(array->size());
  for (size_t i = 0; i < array->size(); ++i) {
    const std::string path = fmt::format("items[{}]", i);
    if (!(*array)[i].is_object()) return Error::field(path, fmt::format("'{}' must be an object", path));
    JsonReader item_reader((*array)[i].get_object(), path);
    items.push_back(read_new_item(item_reader, split_long_text));
    if (auto status = item_reader.finish(); !status) return std::move(status).error();
  }
  return items;
}

Result<memory::SearchRequest> decode_search(const std::string& body) {
  return decode_object<memory::SearchRequest>(body, read_search);
}

Result<memory::SearchRequest> decode_search(const boost::json::object& object) {
  return decode_object<memory::SearchRequest>(object, read_search);
}

Result<memory::ItemUpdate> decode_update(const std::string& body) {
  return decode_object<memory::ItemUpdate>(body, [](JsonReader& reader) {
    memory::ItemUpdate update;
    update.text = reader.optional_string("text");
    if (reader.optional_value("metadata") != nullptr) update.metadata = read_metadata(reader, "metadata");
    return update;
  });
}

Result<std::string> decode_delete(const std::string& body) { return decode_object<std::string>(body, read_id); }

Result<std::string> decode_item_id(const boost::json::object& object) {
  return decode_object<std::string>(object, read_id);
}

Result<ClearRequest> decode_clear(const std::string& body) {
  auto parsed = parse_json(body);
  if (!parsed) return std::move(parsed).error();
  ClearRequest request;
  if (parsed->is_string()) {
    auto level = parse_level_field("level", parsed->get_string());
    if (!level) return std::move(level).error();
    request.level = *level;
    return request;
  }
  if (!parsed->is_object()) {
    return Error::validation("the body must be a level name or an object {\"level\", \"namespace\"}");
  }
  JsonReader reader(parsed->get_object());
  const std::string name = reader.required_string("level");
  request.name_space = reader.optional_string("namespace").value_or(request.name_space);
  if (auto status = reader.finish(); !status) return std::move(status).error();
  auto level = parse_level_field("level", name);
  if (!level) return std::move(level).error();
  request.level = *level;
  return request;
}

boost::json::object encode_stored_item(const memory::StoredIds& ids) {
  boost::json::object body{{"id", ids.front()}};
  if (ids.size() > 1) body["parts"] = boost::json::array(ids.begin(), ids.end());
  return body;
}

boost::json::object encode_stored_batch(const std::vector<memory::StoredIds>& items) {
  boost::json::array ids;
  boost::json::array parts;
  bool split = false;
  for (const auto& item : items) {
    ids.push_back(boost::json::string(item.front()));
    parts.push_back(boost::json::array(item.begin(), item.end()));
    split = split || item.size() > 1;
  }
  boost::json::object body{{"ids", std::move(ids)}};
  if (split) body["parts"] = std::move(parts);
  return body;
}

boost::json::object encode_deleted_item(const std::string& id) { return {{"id", id}, {"deleted", true}}; }

boost::json::object encode_item(const memory::MemoryItem& item) {
  boost::json::object object = encode_context(item, 0);
  object.erase("relevance_score");
  object["namespace"] = item.name_space;
  object["created_at"] = format_rfc3339_ms(item.created_at_ms);
  object["updated_at"] = format_rfc3339_ms(item.updated_at_ms);
  object["access_count"] = item.access_count;
  object["last_accessed_at"] =
      item.last_accessed_at_ms ? boost::json::value(format_rfc3339_ms(*item.last_accessed_at_ms)) : nullptr;
  object["expires_at"] = item.expires_at_ms ? boost::json::value(format_rfc3339_ms(*item.expires_at_ms)) : nullptr;
  object["session_id"] = item.session_id ? boost::json::value(*item.session_id) : nullptr;
  object["source"] = item.source;
  return object;
}

boost::json::object encode_search(const memory::SearchResult& result, bool explain) {
  boost::json::array contexts;
  boost::json::object levels;
  double relevance_sum = 0;
  for (const auto& scored : result.items) {
    boost::json::object context = encode_context(scored.item, scored.score);
    if (explain) {
      const auto& parts = scored.parts;
      context["explain"] = {{"similarity", parts.similarity},
                            {"recency", parts.recency},
                            {"level", parts.level},
                            {"frequency", parts.frequency},
                            {"text_rank", parts.text_rank ? boost::json::value(*parts.text_rank) : nullptr},
                            {"vector_rank", parts.vector_rank ? boost::json::value(*parts.vector_rank) : nullptr},
                            {"via_neighbour", parts.via_neighbour}};
    }
    contexts.push_back(std::move(context));
    const auto name = store::level_name(scored.item.level);
    levels[name] = (levels.contains(name) ? levels[name].as_int64() : 0) + 1;
    relevance_sum += scored.score;
  }
  const double average = result.items.empty() ? 0.0 : relevance_sum / static_cast<double>(result.items.size());
  return {{"contexts", std::move(contexts)},
          {"total_tokens", result.total_tokens},
          {"retrieval_time_ms", result.retrieval_time_ms},
          {"metadata",
           {{"level_distribution", std::move(levels)},
            {"avg_relevance", average},
            {"cache_hits", result.cache_hits},
            {"total_searched", result.total_searched}}}};
}

}  // namespace hirag::http
