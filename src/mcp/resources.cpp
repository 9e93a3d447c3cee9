#include "mcp/resources.hpp"

#include <fmt/format.h>

#include "context/context_service.hpp"
#include "core/json_writer.hpp"
#include "http/handlers/contexts_json.hpp"
#include "http/handlers/session_json.hpp"
#include "http/services.hpp"
#include "memory/memory_service.hpp"

namespace hirag::mcp {
namespace {

constexpr std::string_view kItemPrefix = "hirag://items/";
constexpr std::string_view kSessionPrefix = "hirag://sessions/";
constexpr int64_t kListPage = 50;
constexpr size_t kDescriptionChars = 120;

std::string item_uri(const std::string& id) { return fmt::format("{}{}", kItemPrefix, id); }

// The part of `uri` after `prefix`, if it starts so and names something.
std::optional<std::string> tail_after(std::string_view uri, std::string_view prefix) {
  if (!uri.starts_with(prefix) || uri.size() == prefix.size()) return std::nullopt;
  return std::string(uri.substr(prefix.size()));
}

boost::json::object listed_item(const memory::MemoryItem& item) {
  // Cut on a byte count: clients show it as a hint; a split UTF-8 sequence is avoided
  // by stepping back over continuation bytes.
  size_t cut = std::min(item.text.size(), kDescriptionChars);
  while (cut > 0 && cut < item.text.size() && (static_cast<unsigned char>(item.text[cut]) & 0xC0) == 0x80) --cut;
  return {{"uri", item_uri(item.id)},
          {"name", item.id},
          {"description", item.text.substr(0, cut)},
          {"mimeType", "application/json"}};
}

}  // namespace

RpcOutcome Resources::list(const std::string& tenant, const boost::json::object& params) const {
  memory::ListQuery query;
  query.limit = kListPage;
  if (const auto* cursor = params.if_contains("cursor")) {
    if (!cursor->is_string()) return RpcError{kInvalidParams, "'cursor' must be a string"};
    query.cursor = std::string(cursor->get_string());
  }
  auto page = services_.memory->list(tenant, query);
  if (!page) return rpc_error_from(page.error());
  boost::json::array resources;
  for (const auto& item : page->items) resources.push_back(listed_item(item));
  boost::json::object result{{"resources", std::move(resources)}};
  if (page->next_cursor) result["nextCursor"] = *page->next_cursor;
  return boost::json::value(std::move(result));
}

boost::json::value Resources::list_templates() {
  boost::json::array templates{
      boost::json::object{{"uriTemplate", "hirag://items/{id}"},
                          {"name", "memory item"},
                          {"description", "One stored memory item with its metadata"},
                          {"mimeType", "application/json"}},
      boost::json::object{{"uriTemplate", "hirag://sessions/{id}"},
                          {"name", "session"},
                          {"description", "A session of namespace \"default\": its turns and running brief"},
                          {"mimeType", "application/json"}}};
  return boost::json::object{{"resourceTemplates", std::move(templates)}};
}

RpcOutcome Resources::read(const std::string& tenant, const boost::json::object& params) const {
  const auto* uri = params.if_contains("uri");
  if (uri == nullptr || !uri->is_string()) {
    return rpc_error_from(Error::field("uri", "'uri' is required and must be a string"));
  }
  auto contents = read_uri(tenant, uri->get_string());
  if (!contents) {
    const int code = contents.error().code == ErrorCode::NotFound ? kResourceNotFound : kInternalError;
    return rpc_error_from(contents.error(), code);
  }
  boost::json::object entry{{"uri", uri->get_string()}, {"mimeType", "application/json"}, {"text", to_json(*contents)}};
  return boost::json::value(boost::json::object{{"contents", boost::json::array{std::move(entry)}}});
}

Result<boost::json::object> Resources::read_uri(const std::string& tenant, std::string_view uri) const {
  if (auto id = tail_after(uri, kItemPrefix)) {
    auto item = services_.memory->get(tenant, *id);
    if (!item) return std::move(item).error();
    return http::encode_item(*item);
  }
  if (auto id = tail_after(uri, kSessionPrefix)) {
    auto view = services_.context->get_session(store::SessionKey{tenant, "default", *id});
    if (!view) return std::move(view).error();
    return http::encode_session(*view);
  }
  return Error::not_found(fmt::format("no resource '{}'; hirag serves hirag://items/{{id}} and hirag://sessions/{{id}}", uri));
}

}  // namespace hirag::mcp
