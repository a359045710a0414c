#include "core/errors.hpp"
#include "store/store.hpp"
#include "store/stored_values.hpp"

namespace namnd {

namespace {

struct EngineAddress {
  enum class Engine { Sqlite, Postgres, Clickhouse } engine;
  std::string address;
};

EngineAddress engineOf(const std::string& uri) {
  const auto after = [&](std::string_view prefix) -> std::optional<std::string> {
    if (uri.rfind(prefix, 0) != 0) return std::nullopt;
    return uri.substr(prefix.size());
  };
  if (auto path = after("sqlite:")) return {EngineAddress::Engine::Sqlite, *path};
  // libpq reads a postgresql:// URI whole; "postgresql:" before anything else is ours.
  if (uri.rfind("postgresql://", 0) == 0) return {EngineAddress::Engine::Postgres, uri};
  if (auto conninfo = after("postgresql:")) return {EngineAddress::Engine::Postgres, *conninfo};
  if (auto address = after("clickhouse:")) return {EngineAddress::Engine::Clickhouse, *address};
  throw ConfigError("okänt lager \"" + redactedStoreUri(uri) +
                    "\" (det ska börja med sqlite:, postgresql: eller clickhouse:)");
}

}  // namespace

std::unique_ptr<Store> openStore(const std::string& uri, const std::string& scope) {
  const EngineAddress target = engineOf(uri);
  switch (target.engine) {
    case EngineAddress::Engine::Sqlite:
      return openSqliteStore(target.address);
    case EngineAddress::Engine::Postgres:
      return openPostgresStore(target.address, scope);
    case EngineAddress::Engine::Clickhouse:
      return openClickhouseStore(target.address, scope);
  }
  return nullptr;  // unreachable: every engine is handled above
}

SchemaChange changeStoreSchema(const std::string& uri, SchemaAction action) {
  const EngineAddress target = engineOf(uri);
  switch (target.engine) {
    case EngineAddress::Engine::Sqlite:
      return changeSqliteSchema(target.address, action);
    case EngineAddress::Engine::Postgres:
      return changePostgresSchema(target.address, action);
    case EngineAddress::Engine::Clickhouse:
      return changeClickhouseSchema(target.address, action);
  }
  return {};
}

}  // namespace namnd
