#include "store/postgres_store.hpp"

#include <set>
#include <unordered_map>
#include <utility>

#include "core/errors.hpp"
#include "store/postgres_schema.hpp"
#include "store/stored_values.hpp"

namespace namnd {

namespace {

std::string kindText(SourceKind kind) { return std::string(sourceKindName(kind)); }

// A sum of öre as the cube makes it: the cube adds in int64, which wraps around past its range,
// while PostgreSQL sums bigints exactly (numeric). Reducing the exact sum modulo 2^64 gives the
// cube's result, digit by digit in unsigned arithmetic (which wraps by definition).
std::optional<std::int64_t> wrappedInt64(std::string_view digits) {
  const bool negative = !digits.empty() && digits.front() == '-';
  if (negative) digits.remove_prefix(1);
  if (digits.empty()) return std::nullopt;
  std::uint64_t value = 0;
  for (const char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return static_cast<std::int64_t>(negative ? 0 - value : value);
}

Measure storedMeasure(std::int64_t code, const std::string& storeName) {
  if (code >= 0 && code <= static_cast<std::int64_t>(Measure::BudgetBeslut))
    return static_cast<Measure>(code);
  throw StoreError("Lagret " + storeName + " innehåller det okända måttet " + std::to_string(code) +
                   ".");
}

std::set<int> yearsOf(const Cube& cube) {
  std::set<int> years;
  cube.forEachUnordered([&](const CubeCell& cell) { years.insert(cell.period.year()); });
  return years;
}

}  // namespace

PostgresStore::PostgresStore(const std::string& conninfo, std::string scope)
    : scope_(std::move(scope)), connection_(conninfo) {
  requireCurrentPostgresSchema(connection_);
}

template <typename Read>
auto PostgresStore::reading(Read&& read) const {
  try {
    // One snapshot for all of a read's statements: an import committed meanwhile is either
    // wholly in it or not at all.
    std::optional<decltype(read())> result;
    connection_.inTransaction([&] { result.emplace(read()); },
                              "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    return std::move(*result);
  } catch (const PgError& e) {
    throw StoreError("Kunde inte läsa från lagret " + connection_.name() + ": " + e.detail());
  }
}

bool PostgresStore::hasImport(SourceKind kind, std::string_view fileHash) const {
  return reading([&] {
    return connection_
               .exec(
                   "SELECT EXISTS (SELECT 1 FROM import_log"
                   " WHERE scope = $1 AND kind = $2 AND file_hash = $3)",
                   {scope_, kindText(kind), fileHash})
               .text(0, 0) == "t";
  });
}

void PostgresStore::saveImport(const ImportSummary& summary, const std::function<void()>& work) {
  try {
    connection_.inTransaction([&] {
      // chr(31) between the parts: ("a", "bc") and ("ab", "c") must not share a lock.
      connection_.exec(
          "SELECT pg_advisory_xact_lock(hashtextextended($1 || chr(31) || $2 || chr(31) || $3, 0))",
          {scope_, kindText(summary.kind), summary.sourcePath});
      work();
    });
  } catch (const PgError& e) {
    throw StoreError("Kunde inte spara importen av " + summary.sourcePath + " i lagret " +
                     connection_.name() + ": " + e.detail() + ". Lagret är oförändrat.");
  }
}

void PostgresStore::deleteImport(std::int64_t importId) {
  for (const char* table : {"ledger_cell", "kept_row", "hr_hours", "prognos_entry",
                            "prognos_snapshot", "rejected_row", "import_period", "import_warning"})
    connection_.exec(std::string("DELETE FROM ") + table + " WHERE scope = $1 AND import_id = $2",
                     {scope_, importId});
  connection_.exec("DELETE FROM import_log WHERE scope = $1 AND id = $2", {scope_, importId});
}

std::int64_t PostgresStore::replaceImport(const ImportSummary& summary) {
  const std::string kind = kindText(summary.kind);
  const PgResult previous = connection_.exec(
      "SELECT id FROM import_log WHERE scope = $1 AND kind = $2 AND source_path = $3",
      {scope_, kind, summary.sourcePath});
  for (int row = 0; row < previous.rows(); ++row) deleteImport(previous.int64(row, 0));

  const std::int64_t importId =
      connection_
          .exec(
              "INSERT INTO import_log (scope, kind, source_path, file_hash, rows_read,"
              " rows_accepted, accepted_ore, rejected_ore)"
              " VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
              {scope_, kind, summary.sourcePath, summary.fileHash, summary.rowsRead,
               summary.rowsAccepted, summary.acceptedOre, summary.rejectedOre})
          .int64(0, 0);
  insertLogDetails(importId, summary);
  return importId;
}

void PostgresStore::insertLogDetails(std::int64_t importId, const ImportSummary& summary) {
  PgCopyIn rejected(connection_,
                    "COPY rejected_row (scope, import_id, position, file, line, column_name,"
                    " reason) FROM STDIN");
  for (std::size_t i = 0; i < summary.rejected.size(); ++i) {
    const RejectedRow& row = summary.rejected[i];
    rejected.field(scope_).field(importId).field(static_cast<std::int64_t>(i));
    rejected.field(row.where.file).field(row.where.line).field(row.where.column).field(row.reason);
    rejected.endRow();
  }
  rejected.finish();

  PgCopyIn periods(connection_,
                   "COPY import_period (scope, import_id, period, rows, ore) FROM STDIN");
  for (const ImportSummary::PeriodTotal& total : summary.periodTotals) {
    periods.field(scope_).field(importId).field(std::int64_t{total.period});
    periods.field(total.rows).field(total.ore).endRow();
  }
  periods.finish();

  PgCopyIn warnings(connection_,
                    "COPY import_warning (scope, import_id, position, is_note, text) FROM STDIN");
  std::int64_t position = 0;  // warnings first, then notes: the order they are read back in
  for (const auto* list : {&summary.warnings, &summary.notes})
    for (const std::string& text : *list) {
      warnings.field(scope_).field(importId).field(position++);
      warnings.field(list == &summary.notes ? "t" : "f").field(text).endRow();
    }
  warnings.finish();
}

void PostgresStore::insertCells(std::int64_t importId, const Cube& cube) {
  PgCopyIn cells(connection_,
                 "COPY ledger_cell (scope, import_id, period, ansvar, konto, verksamhet, projekt,"
                 " measure, ore) FROM STDIN");
  cube.forEachUnordered([&](const CubeCell& cell) {
    cells.field(scope_).field(importId).field(std::int64_t{cell.period.code()});
    cells.field(cell.ansvar).field(cell.konto).field(cell.verksamhet).field(cell.projekt);
    cells.field(static_cast<std::int64_t>(cell.measure)).field(cell.ore).endRow();
  });
  cells.finish();
}

void PostgresStore::insertKeptRows(std::int64_t importId, const KeptTransactions& rows) {
  PgCopyIn kept(connection_,
                "COPY kept_row (scope, import_id, period, position, ansvar, konto, verksamhet,"
                " projekt, datum, vernr, text, motpart, ore) FROM STDIN");
  std::int64_t position = 0;  // forEach's order: rows that tie keep it when read back
  rows.forEach([&](const KeptTransactions::Row& row) {
    kept.field(scope_).field(importId).field(std::int64_t{row.period.code()}).field(position++);
    const TransactionTexts& texts = row.texts;
    kept.field(row.ansvar).field(texts.konto).field(texts.verksamhet).field(texts.projekt);
    kept.field(texts.datum).field(texts.vernr).field(texts.text).field(texts.motpart);
    kept.field(row.ore).endRow();
  });
  kept.finish();
}

void PostgresStore::insertSnapshots(std::int64_t importId,
                                    const std::vector<PrognosSnapshot>& snapshots) {
  // Two snapshots of one month in a file are one snapshot, their entries in file order.
  std::set<int> periods;
  PgCopyIn entries(connection_,
                   "COPY prognos_entry (scope, import_id, period, position, node, prognos_ore,"
                   " avvikelse_ore, kommentar, atgard) FROM STDIN");
  std::int64_t position = 0;  // across the file: two snapshots of one month keep file order
  for (const PrognosSnapshot& snapshot : snapshots) {
    periods.insert(snapshot.period.code());
    for (const PrognosEntry& entry : snapshot.entries) {
      entries.field(scope_).field(importId).field(std::int64_t{snapshot.period.code()});
      entries.field(position++).field(entry.node).field(entry.prognosOre);
      entries.field(entry.avvikelseOre).field(entry.kommentar).field(entry.atgard).endRow();
    }
  }
  entries.finish();

  PgCopyIn months(connection_, "COPY prognos_snapshot (scope, import_id, period) FROM STDIN");
  for (const int period : periods)
    months.field(scope_).field(importId).field(std::int64_t{period}).endRow();
  months.finish();
}

void PostgresStore::insertHours(std::int64_t importId, const HrTable& hours) {
  PgCopyIn rows(connection_,
                "COPY hr_hours (scope, import_id, ansvar, period, typ, centihours, ore)"
                " FROM STDIN");
  for (const auto& [key, amount] : hours) {
    rows.field(scope_).field(importId).field(key.ansvar).field(std::int64_t{key.period.code()});
    rows.field(hrKindName(key.kind)).field(amount.centihours).field(amount.ore).endRow();
  }
  rows.finish();
}

void PostgresStore::saveCubeImport(const ImportSummary& summary, const Cube& cube,
                                   const KeptTransactions& keptRows) {
  try {
    connection_.inTransaction([&] { ensureLedgerPartitions(connection_, yearsOf(cube)); });
  } catch (const PgError& e) {
    throw StoreError("Kunde inte spara importen av " + summary.sourcePath + " i lagret " +
                     connection_.name() + ": " + e.detail() + ". Lagret är oförändrat.");
  }
  saveImport(summary, [&] {
    const std::int64_t importId = replaceImport(summary);
    insertCells(importId, cube);
    insertKeptRows(importId, keptRows);
  });
}

void PostgresStore::savePrognosImport(const ImportSummary& summary,
                                      const std::vector<PrognosSnapshot>& snapshots) {
  saveImport(summary, [&] { insertSnapshots(replaceImport(summary), snapshots); });
}

void PostgresStore::saveHrImport(const ImportSummary& summary, const HrTable& hours) {
  saveImport(summary, [&] { insertHours(replaceImport(summary), hours); });
}

HrTable PostgresStore::loadHr(const PeriodRange& range) const {
  return reading([&] {
    // ::bigint fails past int64's range, as SQLite's sum() does.
    const PgResult rows = connection_.exec(
        "SELECT ansvar, period, typ, sum(centihours)::bigint, sum(ore)::bigint FROM hr_hours"
        " WHERE scope = $1 AND period BETWEEN $2 AND $3 GROUP BY ansvar, period, typ",
        {scope_, range.first.code(), range.last.code()});
    HrTable hours;
    for (int row = 0; row < rows.rows(); ++row) {
      const std::string kindName = rows.text(row, 2);
      const auto kind = hrKindFromName(kindName);
      if (!kind)
        throw StoreError("Lagret " + connection_.name() + " innehåller den okända timtypen '" +
                         kindName + "'.");
      const HrKey key{rows.text(row, 0), storedPeriod(rows.int64(row, 1), connection_.name()),
                      *kind};
      hours[key] += HrAmount{rows.int64(row, 3), rows.int64(row, 4)};
    }
    return hours;
  });
}

std::vector<LedgerTransaction> PostgresStore::loadLargestTransactions(Period period,
                                                                      int perAnsvar) const {
  return reading([&] {
    std::vector<LedgerTransaction> rows;
    if (perAnsvar <= 0) return rows;
    // Import order, then the order within each import: the tiebreak between equal amounts.
    const PgResult stored = connection_.exec(
        "SELECT ansvar, konto, verksamhet, projekt, datum, vernr, text, motpart, ore FROM kept_row"
        " WHERE scope = $1 AND period = $2 ORDER BY import_id, position",
        {scope_, period.code()});
    rows.reserve(static_cast<std::size_t>(stored.rows()));
    for (int row = 0; row < stored.rows(); ++row)
      rows.push_back({period, stored.text(row, 0), stored.text(row, 1), stored.text(row, 2),
                      stored.text(row, 3), stored.text(row, 4), stored.text(row, 5),
                      stored.text(row, 6), stored.text(row, 7), stored.int64(row, 8)});
    return largestPerAnsvar(std::move(rows), perAnsvar);
  });
}

Cube PostgresStore::loadCube(const PeriodRange& range) const {
  return reading([&] {
    Cube cube;
    // The server sums the imports; the range prunes the partitions of other years.
    connection_.forEachRow(
        "SELECT ansvar, konto, verksamhet, projekt, period, measure, sum(ore) FROM ledger_cell"
        " WHERE scope = $1 AND period BETWEEN $2 AND $3"
        " GROUP BY ansvar, konto, verksamhet, projekt, period, measure",
        {scope_, range.first.code(), range.last.code()}, [&](const PgResult& row) {
          const std::optional<std::int64_t> ore = wrappedInt64(row.text(0, 6));
          if (!ore)
            throw StoreError("Lagret " + connection_.name() + " gav summan '" + row.text(0, 6) +
                             "', som inte är ett heltal.");
          cube.add(row.text(0, 0), row.text(0, 1), row.text(0, 2), row.text(0, 3),
                   storedPeriod(row.int64(0, 4), connection_.name()),
                   storedMeasure(row.int64(0, 5), connection_.name()), *ore);
        });
    return cube;
  });
}

std::optional<PrognosSnapshot> PostgresStore::loadPrognosSnapshot(Period period) const {
  return reading([&]() -> std::optional<PrognosSnapshot> {
    // The latest import wins: ids only grow, and a replaced file gets a new id.
    const PgResult latest = connection_.exec(
        "SELECT max(import_id) FROM prognos_snapshot WHERE scope = $1 AND period = $2",
        {scope_, period.code()});
    if (latest.isNull(0, 0)) return std::nullopt;
    const PgResult entries = connection_.exec(
        "SELECT node, prognos_ore, avvikelse_ore, kommentar, atgard FROM prognos_entry"
        " WHERE scope = $1 AND import_id = $2 AND period = $3 ORDER BY position",
        {scope_, latest.int64(0, 0), period.code()});
    PrognosSnapshot snapshot{period, {}};
    snapshot.entries.reserve(static_cast<std::size_t>(entries.rows()));
    for (int row = 0; row < entries.rows(); ++row)
      snapshot.entries.push_back({entries.text(row, 0), entries.optionalInt64(row, 1),
                                  entries.optionalInt64(row, 2), entries.text(row, 3),
                                  entries.text(row, 4)});
    return snapshot;
  });
}

std::vector<Period> PostgresStore::prognosPeriods() const {
  return reading([&] {
    const PgResult codes = connection_.exec(
        "SELECT DISTINCT period FROM prognos_snapshot WHERE scope = $1 ORDER BY period", {scope_});
    std::vector<Period> periods;
    periods.reserve(static_cast<std::size_t>(codes.rows()));
    for (int row = 0; row < codes.rows(); ++row)
      periods.push_back(storedPeriod(codes.int64(row, 0), connection_.name()));
    return periods;
  });
}

std::vector<ImportSummary> PostgresStore::importLog() const {
  return reading([&] {
    const std::string& name = connection_.name();
    const PgResult entries = connection_.exec(
        "SELECT id, kind, source_path, file_hash, rows_read, rows_accepted, accepted_ore,"
        " rejected_ore FROM import_log WHERE scope = $1",
        {scope_});
    std::vector<ImportSummary> log(static_cast<std::size_t>(entries.rows()));
    std::unordered_map<std::int64_t, ImportSummary*> byId;
    for (int row = 0; row < entries.rows(); ++row) {
      ImportSummary& entry = log[static_cast<std::size_t>(row)];
      entry.kind = storedSourceKind(entries.text(row, 1), name);
      entry.sourcePath = entries.text(row, 2);
      entry.fileHash = entries.text(row, 3);
      entry.rowsRead = entries.int64(row, 4);
      entry.rowsAccepted = entries.int64(row, 5);
      entry.acceptedOre = entries.int64(row, 6);
      entry.rejectedOre = entries.int64(row, 7);
      byId.emplace(entries.int64(row, 0), &entry);
    }
    // The reads below are statements of their own: an import committed by someone else after the
    // first one has child rows but no entry here, and is left for the next read of the log.
    const auto ownerOf = [&](const PgResult& rows, int row) -> ImportSummary* {
      const auto found = byId.find(rows.int64(row, 0));
      return found == byId.end() ? nullptr : found->second;
    };

    const PgResult rejected = connection_.exec(
        "SELECT import_id, file, line, column_name, reason FROM rejected_row WHERE scope = $1"
        " ORDER BY import_id, position",
        {scope_});
    for (int row = 0; row < rejected.rows(); ++row)
      if (ImportSummary* entry = ownerOf(rejected, row))
        entry->rejected.push_back(
            {SourceLocation{rejected.text(row, 1), rejected.int64(row, 2), rejected.text(row, 3)},
             rejected.text(row, 4)});

    const PgResult periods = connection_.exec(
        "SELECT import_id, period, rows, ore FROM import_period WHERE scope = $1"
        " ORDER BY import_id, period",
        {scope_});
    for (int row = 0; row < periods.rows(); ++row)
      if (ImportSummary* entry = ownerOf(periods, row))
        entry->periodTotals.push_back({static_cast<int>(periods.int64(row, 1)),
                                       periods.int64(row, 2), periods.int64(row, 3)});

    const PgResult warnings = connection_.exec(
        "SELECT import_id, is_note, text FROM import_warning WHERE scope = $1"
        " ORDER BY import_id, position",
        {scope_});
    for (int row = 0; row < warnings.rows(); ++row)
      if (ImportSummary* entry = ownerOf(warnings, row))
        (warnings.text(row, 1) == "t" ? entry->notes : entry->warnings)
            .push_back(warnings.text(row, 2));

    sortImportLog(log);
    return log;
  });
}

std::unique_ptr<Store> openPostgresStore(const std::string& conninfo, const std::string& scope) {
  return std::make_unique<PostgresStore>(conninfo, scope);
}

}  // namespace namnd
