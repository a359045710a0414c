#include "store/postgres_schema.hpp"

#include <string>
#include <string_view>

#include "core/errors.hpp"

namespace namnd {

namespace {

// Advisory locks of the whole database, as (namespace, key) pairs: a different lock space from
// the one-bigint locks that serialise the saves of one source path.
constexpr std::string_view kLockSchema = "SELECT pg_advisory_xact_lock(1851878766, 1)";
constexpr std::string_view kLockPartitions = "SELECT pg_advisory_xact_lock(1851878766, 2)";

// Codes and texts are text; periods (YYYYMM), measures (Measure's codes: 0 utfall, 1 budget,
// 2 budgetbeslut) and every amount (öre) are bigint. Every row carries its nämnd's scope, and
// child rows their import's id, so that replacing an import is a delete by scope and id.
constexpr std::string_view kVersion1Tables[] = {
    "CREATE TABLE schema_version (version bigint NOT NULL)",
    "CREATE TABLE import_log ("
    " id bigserial PRIMARY KEY,"
    " scope text NOT NULL,"
    " kind text NOT NULL,"
    " source_path text NOT NULL,"
    " file_hash text NOT NULL,"
    " rows_read bigint NOT NULL,"
    " rows_accepted bigint NOT NULL,"
    " accepted_ore bigint NOT NULL,"
    " rejected_ore bigint NOT NULL,"
    " UNIQUE (scope, kind, source_path))",
    "CREATE INDEX import_log_hash ON import_log (scope, kind, file_hash)",
    "CREATE TABLE rejected_row ("
    " scope text NOT NULL,"
    " import_id bigint NOT NULL REFERENCES import_log (id),"
    " position bigint NOT NULL,"
    " file text NOT NULL,"
    " line bigint NOT NULL,"
    " column_name text NOT NULL,"
    " reason text NOT NULL)",
    "CREATE INDEX rejected_row_import ON rejected_row (import_id, position)",
    "CREATE TABLE import_period ("
    " scope text NOT NULL,"
    " import_id bigint NOT NULL REFERENCES import_log (id),"
    " period bigint NOT NULL,"
    " rows bigint NOT NULL,"
    " ore bigint NOT NULL,"
    " PRIMARY KEY (import_id, period))",
    "CREATE TABLE import_warning ("
    " scope text NOT NULL,"
    " import_id bigint NOT NULL REFERENCES import_log (id),"
    " position bigint NOT NULL,"
    " is_note boolean NOT NULL,"
    " text text NOT NULL)",
    "CREATE INDEX import_warning_import ON import_warning (import_id, position)",
    // The cube, one row per cell, one partition per year (see ensureLedgerPartitions): a report
    // reads a year or two, and the sum runs on the server. No foreign key: a check per cell
    // would cost the COPY of a large ledger more than the rest of it.
    "CREATE TABLE ledger_cell ("
    " scope text NOT NULL,"
    " import_id bigint NOT NULL,"
    " period bigint NOT NULL,"
    " ansvar text NOT NULL,"
    " konto text NOT NULL,"
    " verksamhet text NOT NULL,"
    " projekt text NOT NULL,"
    " measure smallint NOT NULL,"
    " ore bigint NOT NULL"
    ") PARTITION BY RANGE (period)",
    "CREATE INDEX ledger_cell_scope_period ON ledger_cell (scope, period)",
    "CREATE INDEX ledger_cell_import ON ledger_cell (import_id)",
    // The largest ledger rows of each ansvar and month, in the order of
    // KeptTransactions::forEach within their import (the tiebreak between equal amounts).
    "CREATE TABLE kept_row ("
    " scope text NOT NULL,"
    " import_id bigint NOT NULL REFERENCES import_log (id),"
    " period bigint NOT NULL,"
    " position bigint NOT NULL,"
    " ansvar text NOT NULL,"
    " konto text NOT NULL,"
    " verksamhet text NOT NULL,"
    " projekt text NOT NULL,"
    " datum text NOT NULL,"
    " vernr text NOT NULL,"
    " text text NOT NULL,"
    " motpart text NOT NULL,"
    " ore bigint NOT NULL)",
    "CREATE INDEX kept_row_period ON kept_row (scope, period, import_id, position)",
    "CREATE INDEX kept_row_import ON kept_row (import_id)",
    "CREATE TABLE hr_hours ("
    " scope text NOT NULL,"
    " import_id bigint NOT NULL REFERENCES import_log (id),"
    " ansvar text NOT NULL,"
    " period bigint NOT NULL,"
    " typ text NOT NULL,"           // hrKindName: overtid, mertid, timavlonad …
    " centihours bigint NOT NULL,"  // hundredths of an hour
    " ore bigint NOT NULL)",
    "CREATE INDEX hr_hours_period ON hr_hours (scope, period)",
    "CREATE INDEX hr_hours_import ON hr_hours (import_id)",
    // A snapshot row of its own, so that a month with an empty prognosis still counts.
    "CREATE TABLE prognos_snapshot ("
    " scope text NOT NULL,"
    " import_id bigint NOT NULL REFERENCES import_log (id),"
    " period bigint NOT NULL,"
    " PRIMARY KEY (import_id, period))",
    "CREATE INDEX prognos_snapshot_period ON prognos_snapshot (scope, period, import_id)",
    "CREATE TABLE prognos_entry ("
    " scope text NOT NULL,"
    " import_id bigint NOT NULL REFERENCES import_log (id),"
    " period bigint NOT NULL,"
    " position bigint NOT NULL,"
    " node text NOT NULL,"
    " prognos_ore bigint,"
    " avvikelse_ore bigint,"
    " kommentar text NOT NULL,"
    " atgard text NOT NULL)",
    "CREATE INDEX prognos_entry_import ON prognos_entry (import_id, period, position)",
    "INSERT INTO schema_version (version) VALUES (1)",
};

// Version 2: when each import happened. Imports made before the migration get the time of the
// migration, the nearest thing known.
constexpr std::string_view kVersion2Step[] = {
    "ALTER TABLE import_log ADD COLUMN imported_at timestamptz NOT NULL DEFAULT now()",
    "UPDATE schema_version SET version = 2",
};

// The step from version `from` to the next.
void migrateOneStep(PgConnection& connection, std::int64_t from) {
  if (from == 1)
    for (std::string_view sql : kVersion2Step) connection.exec(sql);
}

// Inside the caller's transaction.
void createSchema(PgConnection& connection, std::int64_t version) {
  for (std::string_view sql : kVersion1Tables) connection.exec(sql);
  for (std::int64_t from = 1; from < version; ++from) migrateOneStep(connection, from);
}

std::string versionText(std::int64_t version) {
  return version < 0 ? "okänd" : std::to_string(version);
}

StoreError newerSchema(const PgConnection& connection, std::int64_t found) {
  return StoreError("Lagret " + connection.name() + " har schemaversion " + versionText(found) +
                    ", men programmet läser version " + std::to_string(kPostgresSchemaVersion) +
                    " (och uppgraderar äldre med namnd db migrate). Ett nyare lager kräver en "
                    "nyare version av programmet.");
}

StoreError olderSchema(const PgConnection& connection, std::int64_t found) {
  return StoreError("Lagret " + connection.name() + " har schemaversion " + versionText(found) +
                    ", men programmet läser version " + std::to_string(kPostgresSchemaVersion) +
                    ". Kör namnd db migrate för att uppdatera lagret.");
}

StoreError noSchema(const PgConnection& connection) {
  return StoreError("Databasen " + connection.name() +
                    " har inget Nämndrapport-lager ännu. Kör namnd db init för att skapa det.");
}

SchemaChange initSchema(PgConnection& connection) {
  SchemaChange change;
  connection.inTransaction([&] {
    connection.exec(kLockSchema);  // a second `db init` waits here, then finds the schema
    change.from = postgresSchemaVersion(connection);
    if (change.from == 0) {
      createSchema(connection, kPostgresSchemaVersion);
    } else if (change.from < kPostgresSchemaVersion) {
      throw olderSchema(connection, change.from);
    } else if (change.from > kPostgresSchemaVersion) {
      throw newerSchema(connection, change.from);
    }
    change.to = kPostgresSchemaVersion;
  });
  return change;
}

// One transaction per step, so that a failed step leaves the store at the last good version.
SchemaChange migrateSchema(PgConnection& connection) {
  SchemaChange change{-1, 0};
  for (bool done = false; !done;) {
    connection.inTransaction([&] {
      connection.exec(kLockSchema);
      const std::int64_t found = postgresSchemaVersion(connection);
      if (found == 0) throw noSchema(connection);
      if (found > kPostgresSchemaVersion) throw newerSchema(connection, found);
      if (change.from < 0) change.from = found;
      done = found == kPostgresSchemaVersion;
      if (!done) migrateOneStep(connection, found);
    });
  }
  change.to = kPostgresSchemaVersion;
  return change;
}

}  // namespace

std::int64_t postgresSchemaVersion(PgConnection& connection) {
  if (connection.exec("SELECT to_regclass('schema_version') IS NULL").text(0, 0) == "t") return 0;
  const PgResult versions = connection.exec("SELECT version FROM schema_version");
  // Anything but one row is no version this program wrote: report it as unknown and newer.
  return versions.rows() == 1 ? versions.int64(0, 0) : kPostgresSchemaVersion + 1;
}

void createPostgresSchemaAtVersion(PgConnection& connection, std::int64_t version) {
  connection.inTransaction([&] { createSchema(connection, version); });
}

void requireCurrentPostgresSchema(PgConnection& connection) {
  const std::int64_t found = postgresSchemaVersion(connection);
  if (found == 0) throw noSchema(connection);
  if (found < kPostgresSchemaVersion) throw olderSchema(connection, found);
  if (found > kPostgresSchemaVersion) throw newerSchema(connection, found);
}

// A partition is created in a short transaction of its own before the import that first needs
// it: CREATE … PARTITION OF takes an exclusive lock on ledger_cell, which inside the import would
// stop every report and import of every nämnd on the server until the import commits. A failed
// import leaves its empty partition, which costs nothing. The advisory lock makes two imports of
// a new year take turns (IF NOT EXISTS alone races: both see no table, one fails).
// Runs in the caller's transaction.
void ensureLedgerPartitions(PgConnection& connection, const std::set<int>& years) {
  bool locked = false;
  for (const int year : years) {
    const std::string name = "ledger_cell_" + std::to_string(year);
    if (connection.exec("SELECT to_regclass($1) IS NULL", {name}).text(0, 0) == "f") continue;
    if (!locked) connection.exec(kLockPartitions);
    locked = true;
    connection.exec("CREATE TABLE IF NOT EXISTS " + name + " PARTITION OF ledger_cell FOR VALUES" +
                    " FROM (" + std::to_string(year * 100 + 1) + ") TO (" +
                    std::to_string((year + 1) * 100 + 1) + ")");
  }
}

}  // namespace namnd

namespace namnd {

SchemaChange changePostgresSchema(const std::string& conninfo, SchemaAction action) {
  PgConnection connection(conninfo);
  return action == SchemaAction::Init ? initSchema(connection) : migrateSchema(connection);
}

}  // namespace namnd
