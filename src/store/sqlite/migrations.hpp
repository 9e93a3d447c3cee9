// store/sqlite/migrations: the numbered schema changes, applied in order at open.
// Never edit a migration that has shipped; add the next number.
#pragma once

#include <string_view>
#include <vector>

namespace hirag::store::sqlite {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

const std::vector<Migration>& migrations();

}  // namespace hirag::store::sqlite
