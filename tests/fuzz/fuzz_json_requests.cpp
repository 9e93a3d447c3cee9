// tests/fuzz/fuzz_json_requests: libFuzzer target for the JSON request readers of
// every endpoint that has one. The first byte picks the reader (below 128 the
// /contexts ones, up to 191 the sessions ones, then the facts ones), the rest is
// the body. A reader must answer any bytes with a value or a VALIDATION_ERROR that
// names a field (never crash, hang or throw); what it accepts must pass the
// checks the services rely on.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/config.hpp"
#include "facts/fact_validation.hpp"
#include "http/handlers/contexts_json.hpp"
#include "http/handlers/facts_json.hpp"
#include "http/handlers/session_json.hpp"
#include "memory/item_validation.hpp"

namespace {

using hirag::ErrorCode;

const hirag::Config& config() {
  static const hirag::Config defaults;
  return defaults;
}

// A refusal must be a client error, never an internal one.
template <typename T>
bool accepted(const hirag::Result<T>& result) {
  if (result.ok()) return true;
  if (result.error().code != ErrorCode::Validation && result.error().code != ErrorCode::PayloadTooLarge) std::abort();
  return false;
}

// The readers of /contexts leave the business rules to MemoryService: run its
// checks on what they accept, as the service would.
void validate_item(const hirag::memory::NewItem& item) {
  const auto& limits = config().memory;
  (void)hirag::memory::validate_text("text", item.text, limits.max_text_bytes);
  (void)hirag::memory::validate_namespace("namespace", item.name_space);
  if (item.session_id) (void)hirag::memory::validate_session_id("session_id", *item.session_id);
}

// The session readers check the namespace themselves: what they accept must pass.
void check_namespace(const std::string& name_space) {
  if (!hirag::memory::validate_namespace("namespace", name_space).ok()) std::abort();
}

void read_contexts(uint8_t selector, const std::string& body) {
  switch (selector % 6) {
    case 0: {
      auto item = hirag::http::decode_new_item(body);
      if (accepted(item)) validate_item(*item);
      break;
    }
    case 1: {
      auto items = hirag::http::decode_batch(body);
      if (accepted(items)) {
        for (const auto& item : *items) validate_item(item);
      }
      break;
    }
    case 2: {
      auto search = hirag::http::decode_search(body);
      if (accepted(search)) {
        (void)hirag::memory::validate_text("query", search->query, config().memory.max_text_bytes);
        (void)hirag::memory::validate_namespace("namespace", search->name_space);
      }
      break;
    }
    case 3: (void)accepted(hirag::http::decode_update(body)); break;
    case 4: (void)accepted(hirag::http::decode_delete(body)); break;
    default: (void)accepted(hirag::http::decode_clear(body));
  }
}

void read_sessions(uint8_t selector, const std::string& body) {
  if (selector % 2 == 0) {
    auto turn = hirag::http::decode_append_turn(body, config());
    if (accepted(turn)) check_namespace(turn->key.name_space);
    return;
  }
  auto build = hirag::http::decode_build(body, config());
  if (accepted(build)) check_namespace(build->name_space);
}

// The fact readers leave the business rules to FactService: run its checks on
// what they accept (they answer a VALIDATION_ERROR, never crash).
void read_facts(uint8_t selector, const std::string& body) {
  switch (selector % 4) {
    case 0: {
      auto fact = hirag::http::decode_fact(body);
      if (accepted(fact)) (void)hirag::facts::validate_fact("", *fact, config().facts);
      break;
    }
    case 1: {
      auto facts = hirag::http::decode_fact_batch(body);
      if (accepted(facts)) {
        for (const auto& fact : *facts) (void)hirag::facts::validate_fact("", fact, config().facts);
      }
      break;
    }
    case 2: (void)accepted(hirag::http::decode_fact_query(body)); break;
    default: (void)accepted(hirag::http::decode_fact_search(body));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string body(reinterpret_cast<const char*>(data + 1), size - 1);
  const uint8_t selector = data[0];
  if (selector < 128) {
    read_contexts(selector, body);
  } else if (selector < 192) {
    read_sessions(selector, body);
  } else {
    read_facts(selector, body);
  }
  return 0;
}
