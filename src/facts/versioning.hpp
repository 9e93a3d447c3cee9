// facts/versioning: what happens to a stored fact when it is asserted again
// (a duplicate: one more observation) or contradicted (a single-valued property
// gets a new object: the old version is closed). Pure functions over records.
#pragma once

#include <cstdint>

#include "store/fact_store.hpp"

namespace hirag::facts {

// Folds a new observation of the same fact into `existing`: one more observation,
// the higher confidence, the later observed_at, the source_doc if it had none, and
// the new anchors appended (duplicates skipped; only the latest `max_anchors` kept).
void merge_observation(store::FactRecord& existing, const store::FactRecord& incoming, int64_t max_anchors);

// Closes `old` because `replacement` contradicts it: it stops being valid when the
// replacement starts (its valid_from, else its observed_at; never later than an
// end it already had, never before it started) and is retired at `now_ms`.
void close_version(store::FactRecord& old, const store::FactRecord& replacement, int64_t now_ms);

}  // namespace hirag::facts
