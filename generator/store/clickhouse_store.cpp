#include "store/clickhouse_store.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <random>
#include <set>
#include <unordered_map>
#include <utility>

#include "core/errors.hpp"
#include "store/clickhouse_schema.hpp"
#include "store/stored_values.hpp"

namespace namnd {

namespace {

// An INSERT is sent in pieces of about this size: a large ledger's cells never sit in memory as
// one request body. Pieces need not be atomic together: the log row commits the import.
constexpr std::size_t kInsertBytes = 8 << 20;

// An import id is the client's clock in milliseconds times this, plus a random part below it
// (see newImportId); id / kIdTicksPerMs is thus the time the id was drawn. Ids of the earlier
// scheme (microseconds × 1000 + 0..999) have the same scale, so both read alike.
constexpr std::int64_t kIdTicksPerMs = 1'000'000;

std::int64_t millisecondsOf(std::chrono::system_clock::time_point time) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count();
}

std::string storeName(const ClickhouseAddress& address, const std::string& scope) {
  std::string endpoints;
  for (const ClickhouseEndpoint& shard : address.shards)
    endpoints += (endpoints.empty() ? "" : ",") + shard.name();
  return "clickhouse:" + endpoints + "/" + address.database + " (lagerdel " + scope + ")";
}

std::string idList(const std::vector<std::int64_t>& ids) {
  std::string list;
  for (const std::int64_t id : ids) list += (list.empty() ? "" : ", ") + std::to_string(id);
  return list;
}

// Rows of one table for one import, sent in pieces; every row starts with (scope, import_id).
class ImportRows {
 public:
  ImportRows(const ClickhouseHttp& http, const ClickhouseEndpoint& to, std::string insertSql,
             const std::string& scope, std::int64_t importId)
      : http_(http), to_(to), sql_(std::move(insertSql)), scope_(scope), importId_(importId) {}

  TsvWriter& row() {
    rows_.text(scope_);
    rows_.number(importId_);
    return rows_;
  }
  void endRow() {
    rows_.endRow();
    if (rows_.data().size() >= kInsertBytes) flush();
  }
  void flush() {
    if (rows_.rowCount() > 0) http_.insert(to_, sql_, rows_.data());
    rows_.clear();
  }

 private:
  const ClickhouseHttp& http_;
  const ClickhouseEndpoint& to_;
  std::string sql_;
  const std::string& scope_;
  std::int64_t importId_;
  TsvWriter rows_;
};

std::optional<std::int64_t> nullableInt64(const TsvField& field) {
  if (field.null) return std::nullopt;
  return tsvInt64(field);
}

template <typename Read>
auto reading(const std::string& name, Read&& read) {
  try {
    return read();
  } catch (const OutputError& e) {
    throw StoreError("Kunde inte läsa från lagret " + name + ": " + e.what());
  }
}

}  // namespace

std::size_t clickhouseShardOf(std::string_view scope, std::string_view sourcePath,
                              std::size_t shardCount) {
  // FNV-1a: fixed by its definition, unlike std::hash, so every build and run picks alike.
  std::uint64_t hash = 14695981039346656037ull;
  const auto mix = [&](std::string_view text) {
    for (const char c : text) {
      hash ^= static_cast<unsigned char>(c);
      hash *= 1099511628211ull;
    }
  };
  mix(scope);
  mix(std::string_view("\0", 1));
  mix(sourcePath);
  return static_cast<std::size_t>(hash % shardCount);
}

ClickhouseStore::ClickhouseStore(ClickhouseAddress address, std::string scope)
    : address_(std::move(address)), scope_(std::move(scope)), name_(storeName(address_, scope_)) {
  requireClickhouseSchema(http_, address_);
}

std::string ClickhouseStore::table(std::string_view name) const {
  return address_.database + "." + std::string(name);
}

std::string ClickhouseStore::inScope() const { return "scope = " + sqlString(scope_); }

std::optional<std::string> ClickhouseStore::committedImportList() const {
  std::vector<std::int64_t> ids;
  select(address_.shards.front(),
         "SELECT max(import_id) FROM " + table("import_log") + " WHERE " + inScope() +
             " GROUP BY kind, source_path",
         1, [&](const TsvRow& row) { ids.push_back(tsvInt64(row[0])); });
  if (ids.empty()) return std::nullopt;
  return idList(ids);
}

void ClickhouseStore::select(const ClickhouseEndpoint& endpoint, const std::string& sql,
                             std::size_t columns, const Visit& visit) const {
  const std::string result = http_.query(endpoint, sql + " FORMAT TabSeparated");
  forEachTsvRow(result, [&](TsvRow& row) {
    if (row.size() != columns)
      throw StoreError("Oväntat svar från ClickHouse på " + endpoint.name() + ": " +
                       std::to_string(row.size()) + " kolumner i stället för " +
                       std::to_string(columns) + ".");
    visit(row);
  });
}

bool ClickhouseStore::hasImport(SourceKind kind, std::string_view fileHash) const {
  return reading(name_, [&] {
    const auto imports = committedImportList();
    if (!imports) return false;
    std::int64_t count = 0;
    select(address_.shards.front(),
           "SELECT count() FROM " + table("import_log") + " WHERE " + inScope() +
               " AND kind = " + sqlString(sourceKindName(kind)) +
               " AND file_hash = " + sqlString(fileHash) + " AND import_id IN (" + *imports + ")",
           1, [&](const TsvRow& row) { count = tsvInt64(row[0]); });
    return count > 0;
  });
}

// Import ids must grow, as SQLite's do (the latest prognos import wins by the highest id), and
// ClickHouse has no sequence. An id is the client's clock in milliseconds times kIdTicksPerMs
// plus a random part below it, and past the largest id in the scope's log (a clock set back, or
// behind another client's, still gives a larger id). The trade-off: between clients with skewed
// clocks "latest" follows their clocks rather than the order of their commits.
//
// Two saves of a scope that draw the same id would merge: each one's rows would count as the
// other's, and replacing one would delete both. That takes the same base (the same millisecond,
// or both behind the largest id, which gives both largest + 1) and the same random part. The
// random part is therefore as wide as int64 allows: milliseconds since 1970 (≈ 1.8e12) times
// 1e6 stay below 9.2e18 until the year 2262, and a pair of saves with the same base collides
// with a chance of 1e-6 (it was 1e-3 with microseconds × 1000). Checking for a twin after the
// log row is written was the alternative, but it comes too late: both saves' rows already
// carry the id and cannot be told apart, so it could only report the damage, not prevent it.
// A sequence on the server would need a round trip that ClickHouse cannot make atomic either.
// Ids stay on the scale of the earlier scheme (µs × 1000 = ms × 1e6), so stored ids still
// order with new ones and tell their time alike.
std::int64_t ClickhouseStore::newImportId() const {
  std::int64_t largest = 0;
  select(address_.shards.front(),
         "SELECT max(import_id) FROM " + table("import_log") + " WHERE " + inScope(), 1,
         [&](const TsvRow& row) { largest = tsvInt64(row[0]); });
  const std::int64_t now = millisecondsOf(std::chrono::system_clock::now());
  const std::int64_t base = std::max<std::int64_t>(now, largest / kIdTicksPerMs + 1);
  static thread_local std::mt19937_64 random{std::random_device{}()};
  return base * kIdTicksPerMs +
         std::uniform_int_distribution<std::int64_t>(0, kIdTicksPerMs - 1)(random);
}

void ClickhouseStore::insertDetails(std::int64_t importId, const ImportSummary& summary) const {
  const ClickhouseEndpoint& first = address_.shards.front();
  ImportRows rejected(http_, first,
                      "INSERT INTO " + table("rejected_row") +
                          " (scope, import_id, position, file, line, column_name, reason)",
                      scope_, importId);
  for (std::size_t i = 0; i < summary.rejected.size(); ++i) {
    const RejectedRow& row = summary.rejected[i];
    TsvWriter& out = rejected.row();
    out.number(static_cast<std::int64_t>(i));
    out.text(row.where.file);
    out.number(row.where.line);
    out.text(row.where.column);
    out.text(row.reason);
    rejected.endRow();
  }
  rejected.flush();

  ImportRows periods(
      http_, first,
      "INSERT INTO " + table("import_period") + " (scope, import_id, period, row_count, ore)",
      scope_, importId);
  for (const ImportSummary::PeriodTotal& total : summary.periodTotals) {
    TsvWriter& out = periods.row();
    out.number(total.period);
    out.number(total.rows);
    out.number(total.ore);
    periods.endRow();
  }
  periods.flush();

  ImportRows warnings(
      http_, first,
      "INSERT INTO " + table("import_warning") + " (scope, import_id, position, is_note, text)",
      scope_, importId);
  std::int64_t position = 0;  // warnings first, then notes, as the log lists them
  for (const auto* list : {&summary.warnings, &summary.notes})
    for (const std::string& text : *list) {
      TsvWriter& out = warnings.row();
      out.number(position++);
      out.number(list == &summary.notes ? 1 : 0);
      out.text(text);
      warnings.endRow();
    }
  warnings.flush();
}

void ClickhouseStore::insertLogRow(std::int64_t importId, const ImportSummary& summary) const {
  TsvWriter row;
  row.text(scope_);
  row.number(importId);
  row.text(sourceKindName(summary.kind));
  row.text(summary.sourcePath);
  row.text(summary.fileHash);
  for (const std::int64_t value :
       {summary.rowsRead, summary.rowsAccepted, summary.acceptedOre, summary.rejectedOre})
    row.number(value);
  row.endRow();
  http_.insert(address_.shards.front(),
               "INSERT INTO " + table("import_log") +
                   " (scope, import_id, kind, source_path, file_hash, rows_read, rows_accepted,"
                   " accepted_ore, rejected_ore)",
               row.data());
}

// Best effort: a stale import's rows are invisible already; deleting them only frees the space.
// ALTER … DELETE is a mutation that ClickHouse carries out in the background, and one that fails
// (a shard down at that moment) leaves rows that no read counts: the import is saved all the
// same, so the failure is not the user's, and the next save's pass tries again.
void ClickhouseStore::removeStaleImports(std::chrono::system_clock::time_point now,
                                         std::optional<std::int64_t> justCommitted) const {
  const std::int64_t nowMs = millisecondsOf(now);
  const auto graceMs =
      std::chrono::duration_cast<std::chrono::milliseconds>(kSupersededGrace).count();
  const auto orphanMs = std::chrono::duration_cast<std::chrono::milliseconds>(kOrphanAge).count();
  const ClickhouseEndpoint& first = address_.shards.front();

  // The ids present in each table: one cheap statement per table, and no mutation (which
  // rewrites the table's parts) where none of them is stale.
  struct Table {
    const ClickhouseEndpoint* shard;
    std::string name;
    std::set<std::int64_t> ids;
    bool read = false;
  };
  std::vector<Table> tables;
  for (const ClickhouseEndpoint& shard : address_.shards)
    for (const std::string_view name : kClickhouseShardedTables)
      tables.push_back({&shard, std::string(name) + "_local", {}});
  for (const std::string_view name : kClickhouseImportTables)
    tables.push_back({&first, std::string(name), {}});
  for (Table& t : tables) {
    try {
      select(*t.shard, "SELECT DISTINCT import_id FROM " + table(t.name) + " WHERE " + inScope(), 1,
             [&](const TsvRow& row) { t.ids.insert(tsvInt64(row[0])); });
      t.read = true;
    } catch (const OutputError&) {
    }
  }

  // The log after the tables: a save that commits in between is then seen committed. (Its id
  // is young anyway, as is that of every save still writing.)
  std::map<std::pair<std::string, std::string>, std::vector<std::int64_t>> importsOfPath;
  std::set<std::int64_t> logged;
  try {
    select(
        first,
        "SELECT import_id, kind, source_path FROM " + table("import_log") + " WHERE " + inScope(),
        3, [&](const TsvRow& row) {
          const std::int64_t id = tsvInt64(row[0]);
          logged.insert(id);
          importsOfPath[{row[1].text, row[2].text}].push_back(id);
        });
  } catch (const OutputError&) {
    return;  // without the log nothing can be told stale
  }

  // An import is superseded when the next one of its path commits. That one's id tells when its
  // save started, which is before the commit by the save's length: the grace period covers that
  // too. The import just committed here supersedes its predecessors at `now`, however long its
  // save took.
  std::set<std::int64_t> superseded;
  for (auto& [path, ids] : importsOfPath) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    for (std::size_t i = 0; i + 1 < ids.size(); ++i) {
      const std::int64_t successor = ids[i + 1];
      const std::int64_t since = successor == justCommitted ? nowMs : successor / kIdTicksPerMs;
      if (nowMs - since > graceMs) superseded.insert(ids[i]);
    }
  }

  const auto remove = [&](const ClickhouseEndpoint& shard, const std::string& name,
                          const std::vector<std::int64_t>& ids) {
    if (ids.empty()) return;
    try {
      http_.query(shard, "ALTER TABLE " + table(name) + " DELETE WHERE " + inScope() +
                             " AND import_id IN (" + idList(ids) + ")");
    } catch (const OutputError&) {
    }
  };
  for (const Table& t : tables) {
    if (!t.read) continue;
    std::vector<std::int64_t> stale;
    for (const std::int64_t id : t.ids)
      if (superseded.count(id) > 0 ||
          (logged.count(id) == 0 && nowMs - id / kIdTicksPerMs > orphanMs))
        stale.push_back(id);
    remove(*t.shard, t.name, stale);
  }
  // The log rows last: should a delete above fail, the rows left behind are orphans once their
  // log row is gone, and a later pass takes them.
  remove(first, "import_log", {superseded.begin(), superseded.end()});
}

void ClickhouseStore::save(const ImportSummary& summary, const Write& write) {
  std::int64_t importId = 0;
  try {
    importId = newImportId();
    write(importId);
    insertDetails(importId, summary);
    insertLogRow(importId, summary);  // the commit
  } catch (const OutputError& e) {
    throw StoreError("Kunde inte spara importen av " + summary.sourcePath + " i lagret " + name_ +
                     ": " + e.what() + ". Lagret är oförändrat: det som hann skrivas räknas inte.");
  }
  removeStaleImports(std::chrono::system_clock::now(), importId);
}

void ClickhouseStore::saveCubeImport(const ImportSummary& summary, const Cube& cube,
                                     const KeptTransactions& keptRows) {
  const ClickhouseEndpoint& shard =
      address_.shards[clickhouseShardOf(scope_, summary.sourcePath, address_.shards.size())];
  save(summary, [&](std::int64_t importId) {
    ImportRows cells(http_, shard,
                     "INSERT INTO " + table("ledger_cell_local") +
                         " (scope, import_id, period, ansvar, konto, verksamhet, projekt,"
                         " measure, ore)",
                     scope_, importId);
    cube.forEachUnordered([&](const CubeCell& cell) {
      TsvWriter& out = cells.row();
      out.number(cell.period.code());
      for (const std::string_view code : {cell.ansvar, cell.konto, cell.verksamhet, cell.projekt})
        out.text(code);
      out.number(static_cast<std::int64_t>(cell.measure));
      out.number(cell.ore);
      cells.endRow();
    });
    cells.flush();

    ImportRows kept(http_, shard,
                    "INSERT INTO " + table("kept_row_local") +
                        " (scope, import_id, period, position, ansvar, konto, verksamhet,"
                        " projekt, datum, vernr, text, motpart, ore)",
                    scope_, importId);
    std::int64_t position = 0;  // forEach's order: ansvar, then largest first (the tiebreak)
    keptRows.forEach([&](const KeptTransactions::Row& row) {
      TsvWriter& out = kept.row();
      out.number(row.period.code());
      out.number(position++);
      const TransactionTexts& t = row.texts;
      for (const std::string_view text :
           {row.ansvar, t.konto, t.verksamhet, t.projekt, t.datum, t.vernr, t.text, t.motpart})
        out.text(text);
      out.number(row.ore);
      kept.endRow();
    });
    kept.flush();
  });
}

void ClickhouseStore::savePrognosImport(const ImportSummary& summary,
                                        const std::vector<PrognosSnapshot>& snapshots) {
  const ClickhouseEndpoint& first = address_.shards.front();
  save(summary, [&](std::int64_t importId) {
    ImportRows periods(http_, first,
                       "INSERT INTO " + table("prognos_snapshot") + " (scope, import_id, period)",
                       scope_, importId);
    ImportRows entries(http_, first,
                       "INSERT INTO " + table("prognos_entry") +
                           " (scope, import_id, period, position, node, prognos_ore,"
                           " avvikelse_ore, kommentar, atgard)",
                       scope_, importId);
    std::vector<int> written;
    std::int64_t position = 0;  // across the file: two snapshots of one month keep file order
    for (const PrognosSnapshot& snapshot : snapshots) {
      const int code = snapshot.period.code();
      if (std::find(written.begin(), written.end(), code) == written.end()) {
        written.push_back(code);
        periods.row().number(code);
        periods.endRow();
      }
      for (const PrognosEntry& entry : snapshot.entries) {
        TsvWriter& out = entries.row();
        out.number(code);
        out.number(position++);
        out.text(entry.node);
        for (const auto& amount : {entry.prognosOre, entry.avvikelseOre})
          amount ? out.number(*amount) : out.null();
        out.text(entry.kommentar);
        out.text(entry.atgard);
        entries.endRow();
      }
    }
    periods.flush();
    entries.flush();
  });
}

void ClickhouseStore::saveHrImport(const ImportSummary& summary, const HrTable& hours) {
  save(summary, [&](std::int64_t importId) {
    ImportRows rows(http_, address_.shards.front(),
                    "INSERT INTO " + table("hr_hours") +
                        " (scope, import_id, ansvar, period, typ, centihours, ore)",
                    scope_, importId);
    for (const auto& [key, amount] : hours) {
      TsvWriter& out = rows.row();
      out.text(key.ansvar);
      out.number(key.period.code());
      out.text(hrKindName(key.kind));
      out.number(amount.centihours);
      out.number(amount.ore);
      rows.endRow();
    }
    rows.flush();
  });
}

HrTable ClickhouseStore::loadHr(const PeriodRange& range) const {
  return reading(name_, [&] {
    HrTable hours;
    const auto imports = committedImportList();
    if (!imports) return hours;
    select(address_.shards.front(),
           "SELECT ansvar, period, typ, sum(centihours), sum(ore) FROM " + table("hr_hours") +
               " WHERE " + inScope() + " AND period BETWEEN " + std::to_string(range.first.code()) +
               " AND " + std::to_string(range.last.code()) + " AND import_id IN (" + *imports +
               ") GROUP BY ansvar, period, typ",
           5, [&](const TsvRow& row) {
             const auto kind = hrKindFromName(row[2].text);
             if (!kind)
               throw StoreError("Lagret " + name_ + " innehåller den okända timtypen '" +
                                row[2].text + "'.");
             hours[HrKey{row[0].text, storedPeriod(tsvInt64(row[1]), name_), *kind}] +=
                 HrAmount{tsvInt64(row[3]), tsvInt64(row[4])};
           });
    return hours;
  });
}

std::vector<LedgerTransaction> ClickhouseStore::loadLargestTransactions(Period period,
                                                                        int perAnsvar) const {
  return reading(name_, [&] {
    std::vector<LedgerTransaction> rows;
    if (perAnsvar <= 0) return rows;
    const auto imports = committedImportList();
    if (!imports) return rows;
    // Import order, then the order within each import: the tiebreak between equal amounts.
    select(address_.shards.front(),
           "SELECT ansvar, konto, verksamhet, projekt, datum, vernr, text, motpart, ore FROM " +
               table("kept_row") + " WHERE " + inScope() +
               " AND period = " + std::to_string(period.code()) + " AND import_id IN (" + *imports +
               ") ORDER BY import_id, position",
           9, [&](const TsvRow& row) {
             rows.push_back({period, row[0].text, row[1].text, row[2].text, row[3].text,
                             row[4].text, row[5].text, row[6].text, row[7].text, tsvInt64(row[8])});
           });
    return largestPerAnsvar(std::move(rows), perAnsvar);
  });
}

Cube ClickhouseStore::loadCube(const PeriodRange& range) const {
  return reading(name_, [&] {
    Cube cube;
    const auto imports = committedImportList();
    if (!imports) return cube;
    // Pushed down: every shard sums its own cells, the first sums the shards' sums.
    select(address_.shards.front(),
           "SELECT ansvar, konto, verksamhet, projekt, period, measure, sum(ore) FROM " +
               table("ledger_cell") + " WHERE " + inScope() + " AND period BETWEEN " +
               std::to_string(range.first.code()) + " AND " + std::to_string(range.last.code()) +
               " AND import_id IN (" + *imports +
               ") GROUP BY ansvar, konto, verksamhet, projekt, period, measure",
           7, [&](const TsvRow& row) {
             const std::int64_t measure = tsvInt64(row[5]);
             if (measure < 0 || measure > static_cast<std::int64_t>(Measure::BudgetBeslut))
               throw StoreError("Lagret " + name_ + " innehåller det okända måttet " +
                                std::to_string(measure) + ".");
             cube.add(row[0].text, row[1].text, row[2].text, row[3].text,
                      storedPeriod(tsvInt64(row[4]), name_), static_cast<Measure>(measure),
                      tsvInt64(row[6]));
           });
    return cube;
  });
}

std::optional<PrognosSnapshot> ClickhouseStore::loadPrognosSnapshot(Period period) const {
  return reading(name_, [&]() -> std::optional<PrognosSnapshot> {
    const std::string code = std::to_string(period.code());
    // The latest committed import wins: ids only grow, and a replaced file gets a new id.
    const auto imports = committedImportList();
    if (!imports) return std::nullopt;
    std::optional<std::int64_t> latest;
    select(address_.shards.front(),
           "SELECT import_id FROM " + table("prognos_snapshot") + " WHERE " + inScope() +
               " AND period = " + code + " AND import_id IN (" + *imports +
               ") ORDER BY import_id DESC LIMIT 1",
           1, [&](const TsvRow& row) { latest = tsvInt64(row[0]); });
    if (!latest) return std::nullopt;

    PrognosSnapshot snapshot{period, {}};
    select(address_.shards.front(),
           "SELECT node, prognos_ore, avvikelse_ore, kommentar, atgard FROM " +
               table("prognos_entry") + " WHERE " + inScope() + " AND import_id = " +
               std::to_string(*latest) + " AND period = " + code + " ORDER BY position",
           5, [&](const TsvRow& row) {
             snapshot.entries.push_back({row[0].text, nullableInt64(row[1]), nullableInt64(row[2]),
                                         row[3].text, row[4].text});
           });
    return snapshot;
  });
}

std::vector<Period> ClickhouseStore::prognosPeriods() const {
  return reading(name_, [&] {
    std::vector<Period> periods;
    const auto imports = committedImportList();
    if (!imports) return periods;
    select(address_.shards.front(),
           "SELECT DISTINCT period FROM " + table("prognos_snapshot") + " WHERE " + inScope() +
               " AND import_id IN (" + *imports + ") ORDER BY period",
           1, [&](const TsvRow& row) { periods.push_back(storedPeriod(tsvInt64(row[0]), name_)); });
    return periods;
  });
}

std::vector<ImportSummary> ClickhouseStore::importLog() const {
  return reading(name_, [&] {
    const ClickhouseEndpoint& first = address_.shards.front();
    std::vector<ImportSummary> log;
    const auto imports = committedImportList();
    if (!imports) return log;
    const std::string committed = " WHERE " + inScope() + " AND import_id IN (" + *imports + ")";
    std::unordered_map<std::int64_t, std::size_t> indexOfId;
    select(first,
           "SELECT import_id, kind, source_path, file_hash, rows_read, rows_accepted,"
           " accepted_ore, rejected_ore FROM " +
               table("import_log") + committed,
           8, [&](const TsvRow& row) {
             // One entry per id, should a log row ever have been written twice.
             if (!indexOfId.emplace(tsvInt64(row[0]), log.size()).second) return;
             log.push_back(ImportSummary{storedSourceKind(row[1].text, name_),
                                         row[2].text,
                                         row[3].text,
                                         tsvInt64(row[4]),
                                         tsvInt64(row[5]),
                                         {},
                                         tsvInt64(row[6]),
                                         tsvInt64(row[7])});
           });
    const auto owner = [&](const TsvField& id) -> ImportSummary* {
      const auto found = indexOfId.find(tsvInt64(id));
      return found == indexOfId.end() ? nullptr : &log[found->second];
    };

    select(first,
           "SELECT import_id, file, line, column_name, reason FROM " + table("rejected_row") +
               committed + " ORDER BY import_id, position",
           5, [&](const TsvRow& row) {
             if (ImportSummary* entry = owner(row[0]))
               entry->rejected.push_back(
                   {SourceLocation{row[1].text, tsvInt64(row[2]), row[3].text}, row[4].text});
           });
    select(first,
           "SELECT import_id, period, row_count, ore FROM " + table("import_period") + committed +
               " ORDER BY import_id, period",
           4, [&](const TsvRow& row) {
             if (ImportSummary* entry = owner(row[0]))
               entry->periodTotals.push_back(
                   {static_cast<int>(tsvInt64(row[1])), tsvInt64(row[2]), tsvInt64(row[3])});
           });
    select(first,
           "SELECT import_id, is_note, text FROM " + table("import_warning") + committed +
               " ORDER BY import_id, position",
           3, [&](const TsvRow& row) {
             if (ImportSummary* entry = owner(row[0]))
               (tsvInt64(row[1]) ? entry->notes : entry->warnings).push_back(row[2].text);
           });
    sortImportLog(log);
    return log;
  });
}

std::unique_ptr<Store> openClickhouseStore(const std::string& address, const std::string& scope) {
  return std::make_unique<ClickhouseStore>(parseClickhouseAddress(address), scope);
}

}  // namespace namnd
