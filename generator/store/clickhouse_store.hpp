#pragma once
// The region engine: ClickHouse over HTTP. Ledger cells and kept rows are sharded (each import
// written whole into one shard's local table), read through a Distributed table with the cube
// query pushed down, so that only the cube travels back. The rest lives on the first shard.
//
// ClickHouse has no transactions: an import's log row is its commit record. A save writes all
// its rows under a new import id and inserts the log row last (one INSERT is one block, written
// whole or not at all); every read counts only rows whose import id is the latest committed one
// of its (scope, kind, source path). Rows of an interrupted save, and of a replaced import, are
// thus never read; the latter are also deleted afterwards.

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

 private:
  using Visit = std::function<void(const TsvRow&)>;
  using Write = std::function<void(std::int64_t importId)>;

  // Writes an import: `write` stores its own rows under the new id, then the log's details and,
  // last, the log row; the previous import of the path is then deleted.
  void save(const ImportSummary& summary, const Write& write);
  std::int64_t newImportId() const;
  std::vector<std::int64_t> importsOfPath(const ImportSummary& summary) const;
  void insertDetails(std::int64_t importId, const ImportSummary& summary) const;
  void insertLogRow(std::int64_t importId, const ImportSummary& summary) const;
  void removeImports(const std::vector<std::int64_t>& importIds) const;

  // Runs a SELECT on `endpoint`, checking that each row has `columns` fields.
  void select(const ClickhouseEndpoint& endpoint, const std::string& sql, std::size_t columns,
              const Visit& visit) const;
  // "db.name"
  std::string table(std::string_view name) const;
  // "scope = '…'": the condition of every read and write.
  std::string inScope() const;
  // A subquery of the first shard: the committed import ids of the scope.
  std::string committedImports() const;
  // The same ids as a list for IN (…), for queries the Distributed tables send to every shard
  // (where the log does not exist); nullopt when the scope has no import.
  std::optional<std::string> committedImportList() const;

  ClickhouseAddress address_;
  std::string scope_;
  std::string name_;  // for messages
  ClickhouseHttp http_;
};

}  // namespace namnd
