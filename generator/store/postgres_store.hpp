#pragma once
// The shared store: a PostgreSQL database holding the stores of many nämnder, each confined to
// its scope. The same contract and the same reports as the embedded SQLite store.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/postgres_connection.hpp"
#include "store/store.hpp"

namespace namnd {

class PostgresStore final : public Store {
 public:
  // Connects and checks the schema (made by `namnd db init`, current version). Throws
  // OutputError (Swedish, naming the connection without its password) otherwise.
  PostgresStore(const std::string& conninfo, std::string scope);

  bool hasImport(SourceKind kind, std::string_view fileHash) const override;
  void saveCubeImport(const ImportSummary& summary, const Cube& cube,
                      const KeptTransactions& keptRows) override;
  void savePrognosImport(const ImportSummary& summary,
                         const std::vector<PrognosSnapshot>& snapshots) override;
  void saveHrImport(const ImportSummary& summary, const HrTable& hours) override;
  HrTable loadHr(const PeriodRange& range) const override;
  std::vector<LedgerTransaction> loadLargestTransactions(Period period,
                                                         int perAnsvar) const override;
  Cube loadCube(const PeriodRange& range) const override;
  std::optional<PrognosSnapshot> loadPrognosSnapshot(Period period) const override;
  std::vector<Period> prognosPeriods() const override;
  std::vector<ImportSummary> importLog() const override;

 private:
  // Runs `work` in one transaction that first takes the lock of the summary's (scope, kind,
  // path): two saves of one file take turns, saves of different files run side by side. Errors
  // become an OutputError naming the source file and the store.
  void saveImport(const ImportSummary& summary, const std::function<void()>& work);
  // Removes the previous import of (scope, kind, source path) with all its rows, and inserts the
  // new log entry with its rejected rows, months and warnings. Returns the new import's id.
  std::int64_t replaceImport(const ImportSummary& summary);
  void deleteImport(std::int64_t importId);
  void insertLogDetails(std::int64_t importId, const ImportSummary& summary);
  void insertCells(std::int64_t importId, const Cube& cube);
  void insertKeptRows(std::int64_t importId, const KeptTransactions& rows);
  void insertSnapshots(std::int64_t importId, const std::vector<PrognosSnapshot>& snapshots);
  void insertHours(std::int64_t importId, const HrTable& hours);

  // Runs a read; driver errors become "Kunde inte läsa från lagret …".
  template <typename Read>
  auto reading(Read&& read) const;

  std::string scope_;
  // libpq's calls change the connection's state even for reads; the store's logical state is
  // the database.
  mutable PgConnection connection_;
};

}  // namespace namnd
