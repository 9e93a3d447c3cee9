// store/session_store: the system of record for conversation sessions, as context/
// sees it: the ordered turns of a session and its running brief (a summary of the
// turns folded into it, with the seq of the last one it covers). Backend-neutral:
// no SQL or engine types here. Every call is scoped by (tenant, namespace, session
// id); none can reach another tenant's rows. Implementations are thread-safe and
// return from writes only after the commit.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace hirag::store {

struct SessionKey {
  std::string tenant;
  std::string name_space;
  std::string session_id;
};

struct NewSessionTurn {
  std::string role;
  std::string content;
  std::optional<std::string> name;
  std::string metadata_json = "{}";
  std::map<std::string, int64_t> token_counts;  // text_tokens (content, name) by encoding name
  std::optional<std::string> memory_id;         // the memory item holding the turn, if stored
  int64_t created_at_ms = 0;
};

struct SessionTurn : NewSessionTurn {
  int64_t seq = 0;      // 1, 2, ... within the session
  bool folded = false;  // already summarized into the running brief
};

struct SessionBrief {
  std::string text;
  int64_t through_seq = 0;  // the brief covers turns 1..through_seq (0: none)
};

struct SessionRecord {
  SessionKey key;
  SessionBrief brief;
  int64_t turn_count = 0;
  int64_t created_at_ms = 0;
  int64_t updated_at_ms = 0;
};

class SessionStore {
 public:
  virtual ~SessionStore() = default;

  // Appends a turn, creating the session on its first turn; assigns the next seq.
  // CONFLICT (details: limit) when the session already holds `max_turns` turns.
  virtual Result<SessionTurn> append_turn(const SessionKey& key, const NewSessionTurn& turn, int64_t max_turns) = 0;
  // The session, or nullopt when it does not exist.
  virtual Result<std::optional<SessionRecord>> get(const SessionKey& key) = 0;
  // Turns in seq order: all, or only those after the brief's fold point.
  virtual Result<std::vector<SessionTurn>> turns(const SessionKey& key, bool unfolded_only) = 0;
  // Replaces the brief and marks turns up to brief.through_seq folded, atomically,
  // if the stored fold point is still `expected_through_seq`; CONFLICT otherwise
  // (another request folded first). NOT_FOUND if the session is gone.
  virtual Status save_brief(const SessionKey& key, int64_t expected_through_seq, const SessionBrief& brief) = 0;
  // Removes the session and its turns; false when it did not exist.
  virtual Result<bool> remove(const SessionKey& key) = 0;
};

}  // namespace hirag::store
