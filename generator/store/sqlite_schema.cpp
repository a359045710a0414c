#include "store/sqlite_schema.hpp"

#include <array>
#include <string_view>
#include <vector>

#include <Poco/Data/Session.h>

#include "core/errors.hpp"

namespace namnd {

using namespace Poco::Data::Keywords;

namespace {

// Codes and texts are TEXT; periods (YYYYMM), measures and every amount (öre) are INTEGER,
// which SQLite stores as int64. Child rows carry their import's id so that replacing an
// import is a delete by id.
constexpr std::string_view kCreateStatements[] = {
    "CREATE TABLE schema_version (version INTEGER NOT NULL)",
    "CREATE TABLE import_log ("
    " id INTEGER PRIMARY KEY AUTOINCREMENT,"
    " kind TEXT NOT NULL,"
    " source_path TEXT NOT NULL,"
    " file_hash TEXT NOT NULL,"
    " rows_read INTEGER NOT NULL,"
    " rows_accepted INTEGER NOT NULL,"
    " accepted_ore INTEGER NOT NULL,"
    " rejected_ore INTEGER NOT NULL DEFAULT 0,"
    " UNIQUE (kind, source_path))",
    "CREATE INDEX import_log_hash ON import_log (kind, file_hash)",
    "CREATE TABLE rejected_row ("
    " import_id INTEGER NOT NULL REFERENCES import_log (id),"
    " position INTEGER NOT NULL,"
    " file TEXT NOT NULL,"
    " line INTEGER NOT NULL,"
    " column_name TEXT NOT NULL,"
    " reason TEXT NOT NULL)",
    "CREATE INDEX rejected_row_import ON rejected_row (import_id, position)",
    "CREATE TABLE cube_cell ("
    " import_id INTEGER NOT NULL REFERENCES import_log (id),"
    " ansvar TEXT NOT NULL,"
    " konto TEXT NOT NULL,"
    " verksamhet TEXT NOT NULL,"
    " projekt TEXT NOT NULL,"
    " period INTEGER NOT NULL,"
    " measure INTEGER NOT NULL,"
    " ore INTEGER NOT NULL)",
    "CREATE INDEX cube_cell_period ON cube_cell (period)",
    // Replacing a changed file deletes its cells; without this index that is a full scan.
    "CREATE INDEX cube_cell_import ON cube_cell (import_id)",
    // A snapshot row of its own, so that a month with an empty prognosis still counts.
    "CREATE TABLE prognos_snapshot ("
    " import_id INTEGER NOT NULL REFERENCES import_log (id),"
    " period INTEGER NOT NULL,"
    " PRIMARY KEY (import_id, period))",
    "CREATE INDEX prognos_snapshot_period ON prognos_snapshot (period)",
    "CREATE TABLE prognos_entry ("
    " import_id INTEGER NOT NULL REFERENCES import_log (id),"
    " period INTEGER NOT NULL,"
    " position INTEGER NOT NULL,"
    " node TEXT NOT NULL,"
    " prognos_ore INTEGER,"
    " avvikelse_ore INTEGER,"
    " kommentar TEXT NOT NULL,"
    " atgard TEXT NOT NULL)",
    "CREATE INDEX prognos_entry_import ON prognos_entry (import_id, period, position)",
    // Version 2: which months a file covers, and its warnings.
    "CREATE TABLE import_period ("
    " import_id INTEGER NOT NULL REFERENCES import_log (id),"
    " period INTEGER NOT NULL,"
    " rows INTEGER NOT NULL,"
    " ore INTEGER NOT NULL,"
    " PRIMARY KEY (import_id, period))",
    "CREATE TABLE import_warning ("
    " import_id INTEGER NOT NULL REFERENCES import_log (id),"
    " position INTEGER NOT NULL,"
    " is_note INTEGER NOT NULL,"  // 0 = a warning, 1 = a note
    " text TEXT NOT NULL)",
    "CREATE INDEX import_warning_import ON import_warning (import_id, position)",
};

std::int64_t countTables(Poco::Data::Session& session, const std::string& name) {
  std::int64_t count = 0;
  std::string table = name;
  session << "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?", use(table),
      into(count), now;
  return count;
}

void createSchema(Poco::Data::Session& session) {
  session.begin();
  try {
    for (std::string_view sql : kCreateStatements) session << std::string(sql), now;
    std::int64_t version = kSqliteSchemaVersion;
    session << "INSERT INTO schema_version (version) VALUES (?)", use(version), now;
    session.commit();
  } catch (...) {
    session.rollback();
    throw;
  }
}

void migrateFrom1To2(Poco::Data::Session& session) {
  session.begin();
  try {
    session << "ALTER TABLE import_log ADD COLUMN rejected_ore INTEGER NOT NULL DEFAULT 0", now;
    // The last three statements create version 2's tables.
    for (std::size_t i = std::size(kCreateStatements) - 3; i < std::size(kCreateStatements); ++i)
      session << std::string(kCreateStatements[i]), now;
    session << "UPDATE schema_version SET version = 2", now;
    session.commit();
  } catch (...) {
    session.rollback();
    throw;
  }
}

}  // namespace

void ensureSqliteSchema(Poco::Data::Session& session, const std::string& path) {
  // Reading sqlite_master is the first access to the file: for a file that is not SQLite
  // this is where the driver fails ("file is not a database").
  std::int64_t objects = 0;
  session << "SELECT count(*) FROM sqlite_master", into(objects), now;

  if (countTables(session, "schema_version") == 0) {
    if (objects != 0)
      throw OutputError("Filen " + path +
                        " är en SQLite-databas men inget Nämndrapport-lager (tabellen "
                        "schema_version saknas). Ange en annan sökväg för lagret.");
    createSchema(session);
    return;
  }

  std::vector<std::int64_t> versions;
  session << "SELECT version FROM schema_version", into(versions), now;
  if (versions.size() == 1 && versions.front() == 1) {
    migrateFrom1To2(session);
    versions.front() = 2;
  }
  if (versions.size() != 1 || versions.front() != kSqliteSchemaVersion) {
    const std::string found = versions.size() == 1 ? std::to_string(versions.front()) : "okänd";
    throw OutputError("Lagret " + path + " har schemaversion " + found +
                      ", men programmet kan bara läsa version " +
                      std::to_string(kSqliteSchemaVersion) + ".");
  }
}

}  // namespace namnd
