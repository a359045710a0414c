#pragma once
// What must outlive one run: the cube of every imported file, prognosis snapshots and the import
// log. Report code talks to this interface only; which engine sits behind it is one config line.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/cube.hpp"
#include "core/hr_hours.hpp"
#include "core/import_summary.hpp"
#include "core/ledger_transaction.hpp"
#include "core/prognos_snapshot.hpp"
#include "ingest/largest_transactions.hpp"

namespace namnd {

class Store {
 public:
  virtual ~Store() = default;

  // True when a file with exactly these bytes was imported before (same kind).
  virtual bool hasImport(SourceKind kind, std::string_view fileHash) const = 0;

  // Stores one file's cube, its kept ledger rows (the largest of each ansvar and month; {} for a
  // budget) and its log entry in one transaction. A previous import of the same source path (a
  // changed file) is replaced whole: its cube cells, kept rows and log entry are removed.
  virtual void saveCubeImport(const ImportSummary& summary, const Cube& cube,
                              const KeptTransactions& keptRows) = 0;

  // Stores the prognosis snapshots of one file in one transaction, replacing a previous import
  // of the same source path. Snapshots are keyed by their period; a later file's snapshot for
  // the same period replaces the earlier one.
  virtual void savePrognosImport(const ImportSummary& summary,
                                 const std::vector<PrognosSnapshot>& snapshots) = 0;

  // Stores one hr file's hours in one transaction, replacing a previous import of the same path.
  virtual void saveHrImport(const ImportSummary& summary, const HrTable& hours) = 0;
  // Sum of every hr import, restricted to periods in the range.
  virtual HrTable loadHr(const PeriodRange& range) const = 0;

  // The largest ledger rows of `period` (by absolute amount, then a stable order), at most
  // `perAnsvar` per ansvar, ordered by ansvar and then largest first. The rows are stored with
  // their ledger import (see saveCubeImport) and go with it when the file is replaced.
  virtual std::vector<LedgerTransaction> loadLargestTransactions(Period period,
                                                                 int perAnsvar) const = 0;

  // Sum of the cubes of every import, restricted to periods in the range.
  virtual Cube loadCube(const PeriodRange& range) const = 0;

  virtual std::optional<PrognosSnapshot> loadPrognosSnapshot(Period period) const = 0;
  // Periods that have a snapshot, ascending.
  virtual std::vector<Period> prognosPeriods() const = 0;

  // The import log, one entry per imported source path (the latest import), ordered by kind
  // (huvudbok, budget, prognos, hr) and then by path.
  virtual std::vector<ImportSummary> importLog() const = 0;
};

// What `namnd db init` and `namnd db migrate` did to a store's schema.
enum class SchemaAction { Init, Migrate };
struct SchemaChange {
  std::int64_t from = 0;  // the version found; 0 when there was no schema
  std::int64_t to = 0;    // the version now
};

// Opens (creating if needed) the embedded SQLite store at `path`. Throws OutputError (Swedish)
// when the file cannot be opened or is not a Nämndrapport store.
std::unique_ptr<Store> openSqliteStore(const std::string& path);
SchemaChange changeSqliteSchema(const std::string& path, SchemaAction action);

// A shared server holds the stores of many nämnder: each one's rows carry its `scope`
// (storeScope of its config), and every read and write is confined to that scope.
//
// PostgreSQL: `conninfo` is a libpq connection string ("host=… port=… dbname=… user=…", or a
// postgresql:// URI; empty: libpq's PG* environment variables and ~/.pgpass). The schema must
// have been made by changePostgresSchema (namnd db init); an older one is refused until migrated.
std::unique_ptr<Store> openPostgresStore(const std::string& conninfo, const std::string& scope);
SchemaChange changePostgresSchema(const std::string& conninfo, SchemaAction action);

// ClickHouse: `address` is "HOST:PORT[,HOST:PORT…]/DATABASE", the HTTP endpoints of the shards
// of the cluster "namnd" (empty: the environment variable NAMND_CLICKHOUSE). A user and
// password, when needed, come from CLICKHOUSE_USER and CLICKHOUSE_PASSWORD, never from a config.
std::unique_ptr<Store> openClickhouseStore(const std::string& address, const std::string& scope);
SchemaChange changeClickhouseSchema(const std::string& address, SchemaAction action);

}  // namespace namnd

namespace namnd {

// Opens the store a config's "lager" names: "sqlite:<path>", "postgresql:<conninfo>" or
// "clickhouse:<address>", confined to `scope` on a shared server (a SQLite file is its own
// scope). Throws ConfigError for an unknown engine and OutputError when the store cannot be
// opened; no message shows a password.
std::unique_ptr<Store> openStore(const std::string& uri, const std::string& scope = "");
// `namnd db init|migrate` on the store `uri` names.
SchemaChange changeStoreSchema(const std::string& uri, SchemaAction action);

}  // namespace namnd
