// http/handlers/contexts_handlers: /api/v1/contexts* — store (one, batch),
// search, list, read, update, delete, and the seed's /delete and /clear. Thin:
// decode (contexts_json) → call MemoryService with the caller's tenant → encode.
#include <fmt/format.h>

#include <charconv>

#include "http/handlers/contexts_json.hpp"
#include "http/router.hpp"
#include "http/services.hpp"
#include "memory/memory_service.hpp"

namespace hirag::http {
namespace {

constexpr RouteOptions kJsonRoute{.json_body = true};
constexpr RouteOptions kStoringRoute{.json_body = true, .stores = true};
constexpr RouteOptions kBatchRoute{.json_body = true, .batch = true, .stores = true};

Result<memory::ListQuery> list_query(const Request& request) {
  memory::ListQuery query;
  if (auto name_space = request.query("namespace")) query.name_space = std::string(*name_space);
  if (auto level = request.query("level")) {
    auto parsed = parse_level_field("level", *level);
    if (!parsed) return std::move(parsed).error();
    query.level = *parsed;
  }
  if (auto limit = request.query("limit")) {
    int64_t value = 0;
    const auto parsed = std::from_chars(limit->data(), limit->data() + limit->size(), value);
    if (parsed.ec != std::errc() || parsed.ptr != limit->data() + limit->size()) {
      return Error::field("limit", fmt::format("'limit' must be an integer, got '{}'", *limit));
    }
    query.limit = value;
  }
  if (auto cursor = request.query("cursor")) query.cursor = std::string(*cursor);
  return query;
}

}  // namespace

void register_context_routes(Router& router, Services& services) {
  memory::MemoryService* memory = services.memory;
  // A search that waits on no remote model is CPU work on memory (and rows SQLite
  // reads from the page cache): on the I/O thread it skips two thread hand-offs,
  // 8-43% of a search's server CPU at 2-10k searches/s (bench/RESULTS.md).
  const bool search_inline = services.config->server.inline_search && !memory->searches_call_remote();

  router.add(Method::Post, "/api/v1/contexts", [memory](Request& request) {
    auto item = decode_new_item(request.body);
    if (!item) return error_response(item.error());
    std::vector<memory::NewItem> items;
    items.push_back(std::move(item).value());
    auto stored = memory->store_items(request.tenant, std::move(items), false);
    if (!stored) return error_response(stored.error());
    return json_response(201, encode_stored_item(stored->front()));
  }, kStoringRoute);

  router.add(Method::Post, "/api/v1/contexts/batch", [memory](Request& request) {
    auto items = decode_batch(request.body);
    if (!items) return error_response(items.error());
    auto stored = memory->store_items(request.tenant, std::move(items).value(), true);
    if (!stored) return error_response(stored.error());
    return json_response(201, encode_stored_batch(*stored));
  }, kBatchRoute);

  router.add(Method::Post, "/api/v1/contexts/search", [memory](Request& request) {
    auto search = decode_search(request.body);
    if (!search) return error_response(search.error());
    auto result = memory->search(request.tenant, *search);
    if (!result) return error_response(result.error());
    return json_response(200, encode_search(*result, search->explain));
  }, RouteOptions{.blocking = !search_inline, .json_body = true});

  router.add(Method::Get, "/api/v1/contexts", [memory](Request& request) {
    auto query = list_query(request);
    if (!query) return error_response(query.error());
    auto page = memory->list(request.tenant, *query);
    if (!page) return error_response(page.error());
    boost::json::array contexts;
    for (const auto& item : page->items) contexts.push_back(encode_item(item));
    return json_response(200, {{"contexts", std::move(contexts)},
                               {"next_cursor", page->next_cursor ? boost::json::value(*page->next_cursor) : nullptr}});
  });

  router.add(Method::Get, "/api/v1/contexts/{id}", [memory](Request& request) {
    auto item = memory->get(request.tenant, request.path_param("id"));
    if (!item) return error_response(item.error());
    return json_response(200, encode_item(*item));
  });

  router.add(Method::Patch, "/api/v1/contexts/{id}", [memory](Request& request) {
    auto update = decode_update(request.body);
    if (!update) return error_response(update.error());
    auto item = memory->update(request.tenant, request.path_param("id"), *update);
    if (!item) return error_response(item.error());
    return json_response(200, encode_item(*item));
  }, kStoringRoute);

  router.add(Method::Delete, "/api/v1/contexts/{id}", [memory](Request& request) {
    const std::string id(request.path_param("id"));
    if (auto status = memory->remove(request.tenant, id); !status) return error_response(status.error());
    return json_response(200, encode_deleted_item(id));
  });

  router.add(Method::Post, "/api/v1/contexts/delete", [memory](Request& request) {
    auto id = decode_delete(request.body);
    if (!id) return error_response(id.error());
    if (auto status = memory->remove(request.tenant, *id); !status) return error_response(status.error());
    return json_response(200, {{"message", fmt::format("Context {} deleted", *id)}});
  }, kJsonRoute);

  router.add(Method::Post, "/api/v1/contexts/clear", [memory](Request& request) {
    auto clear = decode_clear(request.body);
    if (!clear) return error_response(clear.error());
    auto removed = memory->clear(request.tenant, clear->name_space, clear->level);
    if (!removed) return error_response(removed.error());
    return json_response(200, {{"message", fmt::format("Level {} cleared", store::level_name(clear->level))},
                               {"deleted", *removed}});
  }, kJsonRoute);
}

}  // namespace hirag::http
