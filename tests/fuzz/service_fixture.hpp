// tests/fuzz/service_fixture: the real services of `hirag serve` (storage,
// memory, sessions, facts …) on a temporary data dir, opened once per fuzzer
// process and removed at exit, for targets that drive handlers end to end.
#pragma once

#include "cli/service_set.hpp"

namespace hirag::fuzz {

// Opens the services on first use (aborts if they cannot start); rate limits
// off, no fsync per write (durability is not what is fuzzed), no disk reserve.
cli::ServiceSet& fuzz_services();

}  // namespace hirag::fuzz
