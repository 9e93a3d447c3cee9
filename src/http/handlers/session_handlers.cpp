// http/handlers/session_handlers: /api/v1/sessions/{id}[/turns] and
// /api/v1/context/build. Thin: decode (session_json) → call ContextService →
// encode. The namespace of GET/DELETE comes from ?namespace= (default "default").
#include "context/context_service.hpp"
#include "http/handlers/session_json.hpp"
#include "http/router.hpp"
#include "http/services.hpp"
#include "memory/item_validation.hpp"

namespace hirag::http {
namespace {

constexpr RouteOptions kJsonRoute{.json_body = true};
constexpr RouteOptions kStoringRoute{.json_body = true, .stores = true};

// The session addressed by the path and ?namespace=.
Result<store::SessionKey> session_key(const Request& request) {
  store::SessionKey key{request.tenant, std::string(request.query("namespace").value_or("default")),
                        std::string(request.path_param("id"))};
  if (auto status = memory::validate_namespace("namespace", key.name_space); !status) return std::move(status).error();
  return key;
}

}  // namespace

void register_session_routes(Router& router, Services& services) {
  context::ContextService* service = services.context;
  const Config* config = services.config;

  router.add(Method::Post, "/api/v1/sessions/{id}/turns", [service, config](Request& request) {
    auto decoded = decode_append_turn(request.body, *config);
    if (!decoded) return error_response(decoded.error());
    decoded->key.tenant = request.tenant;
    decoded->key.session_id = std::string(request.path_param("id"));
    auto turn = service->append_turn(*decoded);
    if (!turn) return error_response(turn.error());
    return json_response(201, encode_turn(*turn, decoded->key));
  }, kStoringRoute);

  router.add(Method::Get, "/api/v1/sessions/{id}", [service](Request& request) {
    auto key = session_key(request);
    if (!key) return error_response(key.error());
    auto view = service->get_session(*key);
    if (!view) return error_response(view.error());
    return json_response(200, encode_session(*view));
  });

  router.add(Method::Delete, "/api/v1/sessions/{id}", [service](Request& request) {
    auto key = session_key(request);
    if (!key) return error_response(key.error());
    if (auto status = service->delete_session(*key); !status) return error_response(status.error());
    return json_response(200, {{"deleted", true}, {"session_id", key->session_id}, {"namespace", key->name_space}});
  });

  router.add(Method::Post, "/api/v1/context/build", [service, config](Request& request) {
    auto decoded = decode_build(request.body, *config);
    if (!decoded) return error_response(decoded.error());
    decoded->tenant = request.tenant;
    auto built = service->build(*decoded);
    if (!built) return error_response(built.error());
    return json_response(200, encode_build(*built, *decoded));
  }, kJsonRoute);
}

}  // namespace hirag::http
