#include "http/handlers/session_json.hpp"

#include <boost/json.hpp>
#include <fmt/format.h>

#include <cmath>

#include "core/clock.hpp"
#include "core/json_reader.hpp"
#include "core/json_writer.hpp"
#include "memory/item_validation.hpp"

namespace hirag::http {
namespace {

Result<std::string> read_namespace(JsonReader& reader) {
  std::string name_space = reader.optional_string("namespace").value_or("default");
  if (reader.failed()) return name_space;
  if (auto status = memory::validate_namespace(reader.path_of("namespace"), name_space); !status) {
    return std::move(status).error();
  }
  return name_space;
}

Result<tokenize::Encoding> read_encoding(JsonReader& reader, const Config& config) {
  const std::string name = reader.optional_string("encoding").value_or(config.tokenizer.default_encoding);
  if (auto encoding = tokenize::parse_encoding(name)) return *encoding;
  boost::json::array valid;
  for (const auto valid_name : tokenize::encoding_names()) valid.emplace_back(valid_name);
  Error error = Error::field("encoding", fmt::format("unknown encoding '{}'; valid encodings: {}", name,
                                                      fmt::join(tokenize::encoding_names(), ", ")));
  error.details["valid"] = std::move(valid);
  return error;
}

Result<std::vector<context::Turn>> read_turns(JsonReader& reader, const boost::json::array& array) {
  std::vector<context::Turn> turns;
  turns.reserve(array.size());
  for (size_t i = 0; i < array.size(); ++i) {
    const std::string path = fmt::format("{}[{}]", reader.path_of("turns"), i);
    if (!array[i].is_object()) return Error::field(path, fmt::format("{} must be an object", path));
    JsonReader turn(array[i].get_object(), path);
    context::Turn parsed;
    parsed.role = turn.required_string("role");
    parsed.content = turn.required_string("content");
    parsed.name = turn.optional_string("name");
    if (auto status = turn.finish(); !status) return std::move(status).error();
    turns.push_back(std::move(parsed));
  }
  return turns;
}

Result<context::SlotOverrides> read_slots(JsonReader& reader) {
  context::SlotOverrides slots;
  const auto* object = reader.optional_object("slots");
  if (object == nullptr) return slots;
  JsonReader nested(*object, reader.path_of("slots"));
  slots.system = nested.optional_int("system");
  slots.brief = nested.optional_int("brief");
  slots.turns = nested.optional_int("turns");
  slots.retrieved = nested.optional_int("retrieved");
  slots.facts = nested.optional_int("facts");
  if (auto status = nested.finish(); !status) return std::move(status).error();
  return slots;
}

boost::json::object token_map(const std::map<std::string, int64_t>& counts) {
  boost::json::object object;
  for (const auto& [name, count] : counts) object[name] = count;
  return object;
}

boost::json::value metadata_value(const std::string& json) {
  boost::system::error_code ec;
  auto value = boost::json::parse(json, ec);
  return ec ? boost::json::value(boost::json::object()) : value;
}

boost::json::object slot(const context::SlotUsage& usage) {
  return {{"tokens", usage.tokens}, {"budget", usage.budget}};
}

}  // namespace

Result<context::AppendTurnRequest> decode_append_turn(const std::string& body, const Config& config) {
  auto object = parse_json_object(body);
  if (!object) return std::move(object).error();
  return decode_append_turn(*object, config);
}

Result<context::AppendTurnRequest> decode_append_turn(const boost::json::object& object, const Config& config) {
  JsonReader reader(object);
  context::AppendTurnRequest request;
  request.role = reader.required_string("role");
  request.content = reader.required_string("content");
  request.name = reader.optional_string("name");
  auto name_space = read_namespace(reader);
  if (!name_space) return std::move(name_space).error();
  request.key.name_space = std::move(name_space).value();
  if (const auto* metadata = reader.optional_object("metadata")) {
    if (auto status = memory::validate_metadata("metadata", *metadata, config.memory); !status) {
      return std::move(status).error();
    }
    request.metadata_json = to_json(*metadata);
  }
  if (auto status = reader.finish(); !status) return std::move(status).error();
  return request;
}

Result<context::BuildRequest> decode_build(const std::string& body, const Config& config) {
  auto object = parse_json_object(body);
  if (!object) return std::move(object).error();
  return decode_build(*object, config);
}

Result<context::BuildRequest> decode_build(const boost::json::object& object, const Config& config) {
  JsonReader reader(object);
  context::BuildRequest request;
  request.session_id = reader.optional_string("session_id");
  if (const auto* turns = reader.optional_array("turns")) {
    auto parsed = read_turns(reader, *turns);
    if (!parsed) return std::move(parsed).error();
    request.turns = std::move(parsed).value();
  }
  auto name_space = read_namespace(reader);
  if (!name_space) return std::move(name_space).error();
  request.name_space = std::move(name_space).value();
  request.query = reader.optional_string("query");
  request.system_prompt = reader.optional_string("system_prompt").value_or("");
  request.budget.window = reader.optional_int("max_tokens");
  request.budget.completion = reader.optional_int("completion_tokens");
  auto slots = read_slots(reader);
  if (!slots) return std::move(slots).error();
  request.budget.slots = *slots;
  request.include_facts = reader.optional_bool("include_facts").value_or(true);
  auto encoding = read_encoding(reader, config);
  if (!encoding) return std::move(encoding).error();
  request.encoding = *encoding;
  if (auto status = reader.finish(); !status) return std::move(status).error();
  return request;
}

boost::json::object encode_turn(const store::SessionTurn& turn, const store::SessionKey& key) {
  boost::json::object object{{"session_id", key.session_id},
                             {"namespace", key.name_space},
                             {"seq", turn.seq},
                             {"role", turn.role},
                             {"content", turn.content},
                             {"metadata", metadata_value(turn.metadata_json)},
                             {"tokens", token_map(turn.token_counts)},
                             {"folded", turn.folded},
                             {"created_at", format_rfc3339_ms(turn.created_at_ms)}};
  if (turn.name) object["name"] = *turn.name;
  object["memory_id"] = turn.memory_id ? boost::json::value(*turn.memory_id) : boost::json::value(nullptr);
  return object;
}

boost::json::object encode_session(const context::SessionView& view) {
  const auto& record = view.record;
  boost::json::array turns;
  std::map<std::string, int64_t> totals;
  for (const auto& turn : view.turns) {
    auto encoded = encode_turn(turn, record.key);
    encoded.erase("session_id");
    encoded.erase("namespace");
    turns.push_back(std::move(encoded));
    for (const auto& [name, count] : turn.token_counts) totals[name] += count;
  }
  return {{"session_id", record.key.session_id},
          {"namespace", record.key.name_space},
          {"turn_count", record.turn_count},
          {"brief",
           {{"text", record.brief.text},
            {"through_seq", record.brief.through_seq},
            {"tokens", token_map(view.brief_tokens)}}},
          {"turns", std::move(turns)},
          {"turn_tokens", token_map(totals)},
          {"created_at", format_rfc3339_ms(record.created_at_ms)},
          {"updated_at", format_rfc3339_ms(record.updated_at_ms)}};
}

boost::json::object encode_build(const context::BuildResult& result, const context::BuildRequest& request) {
  const auto& built = result.context;
  boost::json::array messages;
  for (const auto& message : built.messages) {
    boost::json::object encoded{{"role", message.role}, {"content", message.content}};
    if (message.name) encoded["name"] = *message.name;
    messages.push_back(std::move(encoded));
  }
  boost::json::array items;
  for (const auto& item : built.snippets) {
    const double score = item.snippet.score;
    items.push_back({{"id", item.snippet.id},
                     {"score", std::isfinite(score) ? boost::json::value(score) : boost::json::value(nullptr)},
                     {"tokens", item.tokens}});
  }
  boost::json::array seqs;
  for (const auto& turn : built.recent_turns) seqs.push_back(turn.seq);

  auto brief = slot(built.brief);
  brief["text"] = built.brief_text;
  auto turns = slot(built.turns);
  turns["count"] = built.recent_turns.size();
  turns["seqs"] = std::move(seqs);
  auto retrieved = slot(built.retrieved);
  retrieved["items"] = std::move(items);
  retrieved["trimmed"] = built.snippets_trimmed;
  boost::json::array fact_items;
  for (const auto& fact : built.fact_items) {
    fact_items.push_back({{"id", fact.id}, {"line", context::render_fact(fact)}});
  }
  auto facts = slot(built.facts);
  facts["items"] = std::move(fact_items);
  facts["trimmed"] = built.facts_trimmed;

  boost::json::array notes;
  for (const auto& note : built.notes) notes.emplace_back(note);
  boost::json::object metadata{{"notes", std::move(notes)}};
  if (result.brief_through_seq) metadata["brief_through_seq"] = *result.brief_through_seq;

  boost::json::object body{
      {"messages", std::move(messages)},
      {"slots",
       {{"system", slot(built.system)},
        {"brief", std::move(brief)},
        {"turns", std::move(turns)},
        {"retrieved", std::move(retrieved)},
        {"facts", std::move(facts)},
        {"completion", {{"tokens", result.budget.completion}}}}},
      {"framing",
       {{"tokens_per_message", context::kTokensPerMessage},
        {"tokens_per_name", context::kTokensPerName},
        {"reply_primer", context::kReplyPrimerTokens}}},
      {"total_tokens", built.total_tokens},
      {"remaining", built.remaining},
      {"max_tokens", result.budget.window},
      {"completion_tokens", result.budget.completion},
      {"encoding", tokenize::encoding_name(result.encoding)},
      {"summarized", built.summarizer_calls > 0},
      {"metadata", std::move(metadata)}};
  if (request.session_id) body["session_id"] = *request.session_id;
  body["namespace"] = request.name_space;
  return body;
}

}  // namespace hirag::http
