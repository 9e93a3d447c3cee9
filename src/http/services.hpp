// http/services: what the handlers may call. Built once by `hirag serve`
// (cli/serve_command.cpp) and shared read-only by all threads; each service is
// thread-safe on its own.
#pragma once

#include "core/config.hpp"
#include "core/health.hpp"

namespace hirag::tokenize {
class TokenCounter;
}
namespace hirag::memory {
class MemoryService;
}
namespace hirag::context {
class ContextService;
}
namespace hirag::facts {
class FactService;
}
namespace hirag::store {
class DiskReserve;
}

namespace hirag::http {

class Router;

struct Services {
  const Config* config = nullptr;
  HealthRegistry* health = nullptr;
  const tokenize::TokenCounter* tokens = nullptr;  // exact token counts (issue 4)
  memory::MemoryService* memory = nullptr;         // items and retrieval (issue 5)
  context::ContextService* context = nullptr;      // sessions and prompt assembly (issue 6)
  facts::FactService* facts = nullptr;             // subject–predicate–object facts (issue 17)
  const store::DiskReserve* disk = nullptr;         // free space against storage.min_free_bytes
};

// One registration function per API area, each in http/handlers/<area>_handlers.cpp.
void register_system_routes(Router& router, Services& services);   // /, /health*, /metrics
void register_token_routes(Router& router, Services& services);    // /api/v1/tokens/*
void register_context_routes(Router& router, Services& services);  // /api/v1/contexts*
void register_session_routes(Router& router, Services& services);  // /api/v1/sessions*, /api/v1/context/build
void register_fact_routes(Router& router, Services& services);     // /api/v1/facts*

}  // namespace hirag::http
