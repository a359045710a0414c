#pragma once
// The region engine: ClickHouse over HTTP. Ledger cells and kept rows are sharded (each import
// written whole into one shard's local table), read through a Distributed table with the cube
// query pushed down, so that only the cube travels back. The rest lives on the first shard.
//
// ClickHouse has no transactions: an import's log row is its commit record. A save writes all
// its rows under a new import id and inserts the log row last (one INSERT is one block, written
// whole or not at all); every read counts only rows whose import id is the latest committed one
// of its (scope, kind, source path). A read resolves those ids once and uses that one list in
// every statement, so that it sees one state of the store throughout. Rows of an interrupted
// save, and of a replaced import, are thus never read; both are deleted later (see
// removeStaleImports), a replaced import only once no read can still be holding its id.

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/clickhouse_http.hpp"
#include "store/store.hpp"

namespace namnd {

// The shard (0-based, of `shardCount`) that the rows of `sourcePath` in `scope` go to: a stable
// hash, so that a region's files spread over the shards and a file stays on its shard.
std::size_t clickhouseShardOf(std::string_view scope, std::string_view sourcePath,
                              std::size_t shardCount);

class ClickhouseStore final : public Store {
 public:
  // Throws OutputError (Swedish) when a shard cannot be reached or lacks the schema.
  ClickhouseStore(ClickhouseAddress address, std::string scope);

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

  // A read resolves the committed ids once and may then take a while (a region's cube, a report
  // doing several reads on one list): a replaced import's rows must outlive its replacement by
  // longer than any read, or the read finds a file missing. Counted from the time in the
  // successor's id, which is taken when its save starts: the grace also covers a long save.
  static constexpr std::chrono::minutes kSupersededGrace{10};
  // Rows under an id no log row names belong to a save that never committed (killed, failed),
  // or to an import whose log row was deleted while deleting its rows failed. A save in progress
  // has such rows too: only ids older than any save may be taken for orphans.
  static constexpr std::chrono::hours kOrphanAge{24};

  // Best effort (a failure leaves rows that no read counts): deletes the imports of the scope
  // superseded more than kSupersededGrace before `now`, and the rows of ids that no log row of
  // the scope names and that are older than kOrphanAge at `now`. `justCommitted`, an import
  // this client committed at `now`, supersedes its predecessors at `now` whatever its id says.
  // Every save calls it; `now` is a parameter for the tests.
  void removeStaleImports(std::chrono::system_clock::time_point now,
                          std::optional<std::int64_t> justCommitted = std::nullopt) const;

 private:
  using Visit = std::function<void(const TsvRow&)>;
  using Write = std::function<void(std::int64_t importId)>;

  // Writes an import: `write` stores its own rows under the new id, then the log's details and,
  // last, the log row; stale imports of the scope are then deleted (removeStaleImports).
  void save(const ImportSummary& summary, const Write& write);
  std::int64_t newImportId() const;
  void insertDetails(std::int64_t importId, const ImportSummary& summary) const;
  void insertLogRow(std::int64_t importId, const ImportSummary& summary) const;

  // Runs a SELECT on `endpoint`, checking that each row has `columns` fields.
  void select(const ClickhouseEndpoint& endpoint, const std::string& sql, std::size_t columns,
              const Visit& visit) const;
  // "db.name"
  std::string table(std::string_view name) const;
  // "scope = '…'": the condition of every read and write.
  std::string inScope() const;
  // The committed import ids of the scope, as a list for IN (…), resolved by one statement on
  // the first shard; nullopt when the scope has no import. Every read method calls it once and
  // uses the list in all its statements: a subquery in each would let each statement see
  // another set of imports (a save committing between them). The literal also serves queries
  // the Distributed tables send to every shard, where the log does not exist.
  std::optional<std::string> committedImportList() const;

  ClickhouseAddress address_;
  std::string scope_;
  std::string name_;  // for messages
  ClickhouseHttp http_;
};

}  // namespace namnd
