// http/handlers/facts_handlers: /api/v1/facts* — insert (one, batch), query,
// full-text search, read, history, delete. Thin: decode (facts_json) → call FactService with the
// caller's tenant → encode. GET/DELETE take the namespace from ?namespace=
// (default "default"): a fact of another namespace is not found.
#include "facts/fact_service.hpp"
#include "http/handlers/facts_json.hpp"
#include "http/router.hpp"
#include "http/services.hpp"
#include "memory/item_validation.hpp"

namespace hirag::http {
namespace {

constexpr RouteOptions kJsonRoute{.json_body = true};
constexpr RouteOptions kStoringRoute{.json_body = true, .stores = true};
constexpr RouteOptions kBatchRoute{.json_body = true, .batch = true, .stores = true};

Result<std::string> namespace_of(const Request& request) {
  std::string name_space(request.query("namespace").value_or("default"));
  if (auto status = memory::validate_namespace("namespace", name_space); !status) return std::move(status).error();
  return name_space;
}

}  // namespace

void register_fact_routes(Router& router, Services& services) {
  facts::FactService* service = services.facts;

  router.add(Method::Post, "/api/v1/facts", [service](Request& request) {
    auto fact = decode_fact(request.body);
    if (!fact) return error_response(fact.error());
    auto inserted = service->insert(request.tenant, {std::move(fact).value()}, false);
    if (!inserted) return error_response(inserted.error());
    const auto& result = inserted->front();
    return json_response(result.duplicate ? 200 : 201, encode_inserted(result));
  }, kStoringRoute);

  router.add(Method::Post, "/api/v1/facts/batch", [service](Request& request) {
    auto facts = decode_fact_batch(request.body);
    if (!facts) return error_response(facts.error());
    auto inserted = service->insert(request.tenant, *facts, true);
    if (!inserted) return error_response(inserted.error());
    boost::json::array results;
    for (const auto& result : *inserted) results.push_back(encode_inserted(result));
    return json_response(201, {{"results", std::move(results)}});
  }, kBatchRoute);

  router.add(Method::Post, "/api/v1/facts/query", [service](Request& request) {
    auto query = decode_fact_query(request.body);
    if (!query) return error_response(query.error());
    auto page = service->query(request.tenant, *query);
    if (!page) return error_response(page.error());
    return json_response(200, encode_fact_page(*page));
  }, kJsonRoute);

  router.add(Method::Post, "/api/v1/facts/search", [service](Request& request) {
    auto search = decode_fact_search(request.body);
    if (!search) return error_response(search.error());
    auto hits = service->search(request.tenant, *search);
    if (!hits) return error_response(hits.error());
    return json_response(200, encode_fact_hits(*hits));
  }, kJsonRoute);

  router.add(Method::Get, "/api/v1/facts/{id}", [service](Request& request) {
    auto name_space = namespace_of(request);
    if (!name_space) return error_response(name_space.error());
    auto fact = service->get(request.tenant, *name_space, std::string(request.path_param("id")));
    if (!fact) return error_response(fact.error());
    return json_response(200, encode_fact(*fact));
  });

  router.add(Method::Get, "/api/v1/facts/{id}/history", [service](Request& request) {
    auto name_space = namespace_of(request);
    if (!name_space) return error_response(name_space.error());
    auto versions = service->history(request.tenant, *name_space, std::string(request.path_param("id")));
    if (!versions) return error_response(versions.error());
    boost::json::array facts;
    for (const auto& fact : *versions) facts.push_back(encode_fact(fact));
    return json_response(200, {{"facts", std::move(facts)}});
  });

  router.add(Method::Delete, "/api/v1/facts/{id}", [service](Request& request) {
    auto name_space = namespace_of(request);
    if (!name_space) return error_response(name_space.error());
    const std::string id(request.path_param("id"));
    if (auto status = service->remove(request.tenant, *name_space, id); !status) return error_response(status.error());
    return json_response(200, {{"id", id}, {"deleted", true}});
  });
}

}  // namespace hirag::http
