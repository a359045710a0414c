#include "store/clickhouse_schema.hpp"

#include <string>

#include "core/errors.hpp"
#include "store/store.hpp"

namespace namnd {

namespace {

struct TableDefinition {
  std::string_view name;
  std::string_view columns;
  std::string_view layout;  // what follows "ENGINE = MergeTree"
};

// Partitioned by year: a region keeps many years, and a report reads one or two of them.
constexpr std::array<TableDefinition, 2> kShardedDefinitions = {{
    {"ledger_cell",
     "scope String, import_id UInt64, period UInt32, ansvar String, konto String,"
     " verksamhet String, projekt String, measure UInt8, ore Int64",
     "PARTITION BY intDiv(period, 100) ORDER BY (scope, period, ansvar, konto)"},
    {"kept_row",
     "scope String, import_id UInt64, period UInt32, position UInt64, ansvar String,"
     " konto String, verksamhet String, projekt String, datum String, vernr String, text String,"
     " motpart String, ore Int64",
     "PARTITION BY intDiv(period, 100) ORDER BY (scope, period, import_id, position)"},
}};

constexpr std::array<TableDefinition, 8> kFirstShardDefinitions = {{
    {"schema_version", "version UInt32", "ORDER BY version"},
    {"import_log",
     "scope String, import_id UInt64, kind String, source_path String, file_hash String,"
     " rows_read Int64, rows_accepted Int64, accepted_ore Int64, rejected_ore Int64",
     "ORDER BY (scope, import_id)"},
    {"import_period", "scope String, import_id UInt64, period UInt32, row_count Int64, ore Int64",
     "ORDER BY (scope, import_id, period)"},
    {"import_warning",
     "scope String, import_id UInt64, position UInt64, is_note UInt8, text String",
     "ORDER BY (scope, import_id, position)"},
    {"rejected_row",
     "scope String, import_id UInt64, position UInt64, file String, line Int64,"
     " column_name String, reason String",
     "ORDER BY (scope, import_id, position)"},
    {"prognos_snapshot", "scope String, import_id UInt64, period UInt32",
     "ORDER BY (scope, period, import_id)"},
    {"prognos_entry",
     "scope String, import_id UInt64, period UInt32, position UInt64, node String,"
     " prognos_ore Nullable(Int64), avvikelse_ore Nullable(Int64), kommentar String,"
     " atgard String",
     "ORDER BY (scope, import_id, period, position)"},
    {"hr_hours",
     "scope String, import_id UInt64, ansvar String, period UInt32, typ String,"
     " centihours Int64, ore Int64",
     "ORDER BY (scope, period, ansvar)"},
}};

std::int64_t tableCount(const ClickhouseHttp& http, const ClickhouseEndpoint& shard,
                        const std::string& database, const std::string& names);

// Two inits at once (parallel test runs, two controllers) can both find a table missing; the
// second CREATE then fails although the table is there, which is what it wanted.
void createTable(const ClickhouseHttp& http, const ClickhouseEndpoint& shard,
                 const std::string& database, std::string_view name, const std::string& sql) {
  try {
    http.query(shard, sql);
  } catch (const OutputError&) {
    if (tableCount(http, shard, database, sqlString(name)) == 0) throw;
  }
}

std::string mergeTree(const std::string& database, std::string_view name,
                      const TableDefinition& table) {
  return "CREATE TABLE IF NOT EXISTS " + database + "." + std::string(name) + " (" +
         std::string(table.columns) + ") ENGINE = MergeTree " + std::string(table.layout);
}

void createShardTables(const ClickhouseHttp& http, const ClickhouseAddress& address,
                       const ClickhouseEndpoint& shard) {
  const std::string& db = address.database;
  http.query(shard, "CREATE DATABASE IF NOT EXISTS " + db);
  for (const TableDefinition& table : kShardedDefinitions) {
    const std::string local = std::string(table.name) + "_local";
    createTable(http, shard, db, local, mergeTree(db, local, table));
    // The Distributed table reads the cluster "namnd" of the servers' remote_servers, whose
    // shards must be the address's endpoints.
    createTable(http, shard, db, table.name,
                "CREATE TABLE IF NOT EXISTS " + db + "." + std::string(table.name) + " (" +
                    std::string(table.columns) + ") ENGINE = Distributed(namnd, " + db + ", " +
                    local + ")");
  }
}

std::int64_t tableCount(const ClickhouseHttp& http, const ClickhouseEndpoint& shard,
                        const std::string& database, const std::string& names) {
  const std::vector<TsvRow> rows = parseTsv(http.query(
      shard, "SELECT count() FROM system.tables WHERE database = " + sqlString(database) +
                 " AND name IN (" + names + ") FORMAT TabSeparated"));
  return rows.size() == 1 && rows[0].size() == 1 ? tsvInt64(rows[0][0]) : 0;
}

// The Distributed tables read the servers' cluster "namnd"; the store writes to the shards its
// address lists. When the two disagree, rows written to a shard outside the cluster would never
// be read (or a shard of the cluster never written): refused rather than lost.
void requireClusterMatches(const ClickhouseHttp& http, const ClickhouseAddress& address) {
  const ClickhouseEndpoint& first = address.shards.front();
  const std::vector<TsvRow> rows = parseTsv(http.query(
      first, "SELECT count() FROM system.clusters WHERE cluster = 'namnd' FORMAT TabSeparated"));
  const std::int64_t shards = rows.size() == 1 && rows[0].size() == 1 ? tsvInt64(rows[0][0]) : 0;
  if (shards != static_cast<std::int64_t>(address.shards.size()))
    throw StoreError("Klustret namnd på ClickHouse-servern " + first.name() + " har " +
                     std::to_string(shards) + " skärvor, men lagret anger " +
                     std::to_string(address.shards.size()) +
                     " adresser. Ange varje skärva i klustret, i klustrets ordning (serverns "
                     "remote_servers).");
}

std::string shardTableNames() {
  std::string names;
  for (const TableDefinition& table : kShardedDefinitions)
    for (const std::string& name : {std::string(table.name), std::string(table.name) + "_local"})
      names += (names.empty() ? "" : ", ") + sqlString(name);
  return names;
}

std::string noSchema(const ClickhouseAddress& address, const ClickhouseEndpoint& shard) {
  return "ClickHouse-databasen " + address.database + " på " + shard.name() +
         " har inget Nämndrapport-schema (eller ett ofullständigt): kör namnd db init";
}

}  // namespace

std::int64_t clickhouseSchemaVersion(const ClickhouseHttp& http, const ClickhouseAddress& address) {
  const ClickhouseEndpoint& first = address.shards.front();
  if (tableCount(http, first, address.database, "'schema_version'") == 0) return 0;
  const std::vector<TsvRow> rows =
      parseTsv(http.query(first, "SELECT max(version) FROM " + address.database +
                                     ".schema_version FORMAT TabSeparated"));
  // max() of no rows is 0 in ClickHouse: an init that stopped before its last step.
  return rows.size() == 1 && rows[0].size() == 1 ? tsvInt64(rows[0][0]) : 0;
}

void requireClickhouseSchema(const ClickhouseHttp& http, const ClickhouseAddress& address) {
  requireClusterMatches(http, address);
  const std::int64_t version = clickhouseSchemaVersion(http, address);
  if (version == 0) throw StoreError(noSchema(address, address.shards.front()));
  if (version > kClickhouseSchemaVersion)
    throw StoreError("ClickHouse-databasen " + address.database + " har schemaversion " +
                     std::to_string(version) + ", men programmet kan bara läsa version " +
                     std::to_string(kClickhouseSchemaVersion) +
                     ". Ett nyare lager kräver en nyare version av programmet.");
  const std::string names = shardTableNames();
  const auto expected = static_cast<std::int64_t>(2 * kShardedDefinitions.size());
  for (const ClickhouseEndpoint& shard : address.shards)
    if (tableCount(http, shard, address.database, names) != expected)
      throw StoreError(noSchema(address, shard));
}

SchemaChange changeClickhouseSchema(const std::string& addressText, SchemaAction action) {
  const ClickhouseAddress address = parseClickhouseAddress(addressText);
  const ClickhouseHttp http;
  const std::int64_t found = clickhouseSchemaVersion(http, address);
  if (action == SchemaAction::Migrate) {
    // Version 1 is the first ClickHouse schema: there is nothing older to migrate from yet.
    // A later version adds its steps here, as the SQLite store does.
    requireClickhouseSchema(http, address);
    return {found, kClickhouseSchemaVersion};
  }
  if (found > kClickhouseSchemaVersion) requireClickhouseSchema(http, address);  // refuses it
  requireClusterMatches(http, address);
  // CREATE … IF NOT EXISTS on every shard: an init that stopped halfway is finished by the next.
  for (const ClickhouseEndpoint& shard : address.shards) createShardTables(http, address, shard);
  const ClickhouseEndpoint& first = address.shards.front();
  for (const TableDefinition& table : kFirstShardDefinitions)
    createTable(http, first, address.database, table.name,
                mergeTree(address.database, table.name, table));
  // Written last: a schema_version row says every table above exists.
  if (found == 0)
    http.insert(first, "INSERT INTO " + address.database + ".schema_version (version)",
                std::to_string(kClickhouseSchemaVersion) + "\n");
  return {found, kClickhouseSchemaVersion};
}

}  // namespace namnd
