#include "cli/keys_command.hpp"

#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "cli/exit_code.hpp"
#include "core/clock.hpp"
#include "store/data_dir.hpp"
#include "store/sqlite/sqlite_key_store.hpp"

namespace hirag::cli {
namespace {

struct KeysOptions {
  std::string data_dir = "./data";
  std::string tenant;
  std::string id;
};

[[noreturn]] void fail(const Error& error) {
  std::cerr << "error: " << error.message << "\n";
  throw ExitCode{error.code == ErrorCode::Validation ? 2 : 1};
}

std::unique_ptr<store::KeyStore> open_keys(const std::string& data_dir) {
  auto path = store::prepare_database_path(data_dir);
  if (!path) fail(path.error());
  auto db = store::sqlite::Database::open(*path, {});
  if (!db) fail(db.error());
  return std::make_unique<store::sqlite::SqliteKeyStore>(std::move(db).value());
}

void create_key(const KeysOptions& o) {
  auto created = open_keys(o.data_dir)->create(o.tenant);
  if (!created) fail(created.error());
  std::cout << fmt::format("created key id={} tenant={}\n", created->record.id, created->record.tenant);
  std::cout << "store it now: it is shown only once\n";
  std::cout << created->plaintext << "\n";
}

void list_keys(const KeysOptions& o) {
  auto records = open_keys(o.data_dir)->list();
  if (!records) fail(records.error());
  std::cout << fmt::format("{:<14} {:<24} {:<26} {}\n", "ID", "TENANT", "CREATED", "STATUS");
  for (const auto& r : *records) {
    std::cout << fmt::format("{:<14} {:<24} {:<26} {}\n", r.id, r.tenant, format_rfc3339_ms(r.created_at_ms),
                             r.revoked_at_ms ? "revoked " + format_rfc3339_ms(*r.revoked_at_ms) : "active");
  }
}

void revoke_key(const KeysOptions& o) {
  if (auto status = open_keys(o.data_dir)->revoke(o.id); !status) fail(status.error());
  std::cout << fmt::format("revoked key id={}\n", o.id);
}

}  // namespace

void add_keys_command(CLI::App& app) {
  auto options = std::make_shared<KeysOptions>();
  auto* keys = app.add_subcommand("keys", "Manage API keys (the server picks up changes while running)");
  keys->require_subcommand(1);
  keys->add_option("--data-dir", options->data_dir, "Data directory")->capture_default_str();

  auto* create = keys->add_subcommand("create", "Create a key for a tenant; prints it once, on the last line");
  create->add_option("--tenant", options->tenant, "Tenant the key belongs to")->required();
  create->add_option("--data-dir", options->data_dir, "Data directory");
  create->callback([options] { create_key(*options); });

  auto* list = keys->add_subcommand("list", "List keys (ids, tenants, status; never the secrets)");
  list->add_option("--data-dir", options->data_dir, "Data directory");
  list->callback([options] { list_keys(*options); });

  auto* revoke = keys->add_subcommand("revoke", "Revoke a key by id");
  revoke->add_option("id", options->id, "Key id as shown by `keys list`")->required();
  revoke->add_option("--data-dir", options->data_dir, "Data directory");
  revoke->callback([options] { revoke_key(*options); });
}

}  // namespace hirag::cli
