#pragma once
// The embedded store: one SQLite file, no server. The default engine behind Store.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <Poco/Data/Session.h>

#include "store/store.hpp"

namespace namnd {

class SqliteStore final : public Store {
 public:
  // Opens or creates the store file at `path` (creating its folder), creating the schema in a
  // new file and migrating an older one. Throws OutputError (Swedish, naming the path) for a
  // file that is not SQLite, not a Nämndrapport store, or of a newer schema version.
  explicit SqliteStore(const std::string& path);

  bool hasImport(SourceKind kind, std::string_view fileHash) const override;
  void saveCubeImport(const ImportSummary& summary, const Cube& cube,
                      const KeptTransactions& keptRows) override;
  void savePrognosImport(const ImportSummary& summary,
                         const std::vector<PrognosSnapshot>& snapshots) override;
  Cube loadCube(const PeriodRange& range) const override;
  void saveHrImport(const ImportSummary& summary, const HrTable& hours) override;
  HrTable loadHr(const PeriodRange& range) const override;
  std::vector<LedgerTransaction> loadLargestTransactions(Period period,
                                                         int perAnsvar) const override;
  std::optional<PrognosSnapshot> loadPrognosSnapshot(Period period) const override;
  std::vector<Period> prognosPeriods() const override;
  std::vector<ImportSummary> importLog() const override;

  const std::string& path() const { return path_; }
  // The schema version the file had when opened (0: it was created).
  std::int64_t foundSchemaVersion() const { return foundSchemaVersion_; }

 private:
  // Removes the previous import of (kind, source path) with all its rows, and inserts the new
  // log entry with its rejected rows. Returns the new import's id. Runs inside the caller's
  // transaction.
  std::int64_t replaceImport(const ImportSummary& summary);
  // Stores the cube as one block per month (see CubeBlockWriter).
  void insertCells(std::int64_t importId, const Cube& cube);
  void insertSnapshots(std::int64_t importId, const std::vector<PrognosSnapshot>& snapshots);
  // Stores the kept rows as one block per month (see KeptRowBlockWriter).
  void insertKeptRows(std::int64_t importId, const KeptTransactions& rows);
  void insertHours(std::int64_t importId, const HrTable& hours);

  std::string path_;
  std::int64_t foundSchemaVersion_ = 0;
  // Poco's statement API is non-const even for reads; the store's logical state is the file.
  mutable Poco::Data::Session session_;
};

}  // namespace namnd
