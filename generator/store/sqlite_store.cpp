#include "store/sqlite_store.hpp"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <map>
#include <mutex>
#include <stdexcept>
#include <system_error>
#include <tuple>
#include <unordered_map>
#include <utility>

#include <Poco/Data/LOB.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/SQLite/SQLiteException.h>
#include <Poco/Data/Statement.h>
#include <Poco/Exception.h>
#include <Poco/Nullable.h>

#include "core/errors.hpp"
#include "store/sqlite_schema.hpp"
#include "store/stored_values.hpp"

namespace namnd {

using namespace Poco::Data::Keywords;

namespace {

// Cube blocks (one import's month each) per batch when loading: a few megabytes at most, so
// that a load of many years never holds every BLOB at once.
constexpr std::size_t kBlocksPerBatch = 4;

// Poco retries a failed open until this timeout; a local file that cannot be opened now will
// not open a minute later either.
constexpr std::size_t kOpenTimeoutSeconds = 1;
// How long a write waits while another process (a second run, a database browser) holds the
// file, before giving up with an error.
constexpr std::size_t kBusyTimeoutSeconds = 10;

void registerConnectorOnce() {
  static std::once_flag once;
  std::call_once(once, [] { Poco::Data::SQLite::Connector::registerConnector(); });
}

Poco::Data::Session openSession(const std::string& path) {
  registerConnectorOnce();
  std::error_code error;
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, error);
  if (error)
    throw StoreError("Kunde inte skapa mappen " + parent.string() + " för lagret " + path + ": " +
                     error.message());
  if (std::filesystem::is_directory(path))
    throw StoreError("Kunde inte öppna lagret " + path + ": sökvägen är en mapp, inte en fil.");
  try {
    Poco::Data::Session session(Poco::Data::SQLite::Connector::KEY, path, kOpenTimeoutSeconds);
    session.setConnectionTimeout(kBusyTimeoutSeconds);
    return session;
  } catch (const Poco::Exception& e) {
    throw StoreError("Kunde inte öppna lagret " + path + ": " + e.displayText());
  }
}

// Only once the file is known to be a Nämndrapport store: the journal mode is written into the
// file, and a foreign database must be left as it was.
//   WAL: a commit appends to one log file instead of copying pages to a rollback journal and
//        syncing three times; a reader (a report run) never waits for a writer.
//   synchronous = NORMAL: in WAL mode a transaction stays atomic across a crash of the process
//        (an import killed halfway leaves the store as before) and the file is never damaged;
//        a power cut may undo the last commits, which the next `namnd import` brings back,
//        since an import that is not in the log is simply read again.
// Where WAL is not available SQLite keeps the rollback journal, and with it the default
// synchronous = FULL, which is what keeps that mode safe.
void configureJournal(Poco::Data::Session& session) {
  std::string mode;
  session << "PRAGMA journal_mode = WAL", into(mode), now;
  if (mode == "wal") session << "PRAGMA synchronous = NORMAL", now;
}

std::string kindText(SourceKind kind) { return std::string(sourceKindName(kind)); }

Poco::Nullable<Poco::Int64> toNullable(const std::optional<std::int64_t>& value) {
  return value ? Poco::Nullable<Poco::Int64>(*value) : Poco::Nullable<Poco::Int64>();
}

std::optional<std::int64_t> fromNullable(const Poco::Nullable<Poco::Int64>& value) {
  return value.isNull() ? std::nullopt : std::optional<std::int64_t>(value.value());
}

// Runs `work` in one transaction: committed whole, or rolled back so the store is exactly as
// before. Driver errors become an OutputError naming the store and the source file.
template <typename Work>
void inTransaction(Poco::Data::Session& session, const std::string& storePath,
                   const ImportSummary& summary, Work&& work) {
  const auto fail = [&](const std::string& detail) {
    return StoreError("Kunde inte spara importen av " + summary.sourcePath + " i lagret " +
                      storePath + ": " + detail + ". Lagret är oförändrat.");
  };
  try {
    session.begin();
  } catch (const Poco::Exception& e) {
    throw fail(e.displayText());
  }
  try {
    work();
    session.commit();
  } catch (...) {
    const std::exception_ptr failure = std::current_exception();
    bool fromDriver = false;
    std::string detail = "okänt fel";
    try {
      std::rethrow_exception(failure);
    } catch (const Poco::Exception& e) {
      fromDriver = true;
      detail = e.displayText();
    } catch (const std::exception& e) {
      detail = e.what();
    } catch (...) {
    }
    try {
      session.rollback();
    } catch (const Poco::Exception& e) {
      // Rare (SQLite may already have rolled back by itself, e.g. on a full disk), but then
      // nobody can promise the store is unchanged: say so.
      throw StoreError("Kunde inte spara importen av " + summary.sourcePath + " i lagret " +
                       storePath + ": " + detail + ". Återställningen misslyckades också (" +
                       e.displayText() + "); kontrollera lagret innan nästa körning.");
    }
    if (!fromDriver) std::rethrow_exception(failure);
    throw fail(detail);
  }
}

template <typename Read>
auto reading(const std::string& storePath, Read&& read) {
  try {
    return read();
  } catch (const Poco::Exception& e) {
    throw StoreError("Kunde inte läsa från lagret " + storePath + ": " + e.displayText());
  }
}

}  // namespace

SqliteStore::SqliteStore(const std::string& path) : path_(path), session_(openSession(path)) {
  try {
    foundSchemaVersion_ = ensureSqliteSchema(session_, path_);
    configureJournal(session_);
  } catch (const Poco::Data::SQLite::CorruptImageException& e) {
    throw StoreError("Filen " + path_ +
                     " är ingen SQLite-databas (eller är skadad) och kan inte användas som "
                     "Nämndrapport-lager. Ange en annan sökväg för lagret. (" +
                     e.displayText() + ")");
  } catch (const Poco::Exception& e) {
    throw StoreError("Filen " + path_ +
                     " kunde inte öppnas som Nämndrapport-lager: " + e.displayText());
  }
}

bool SqliteStore::hasImport(SourceKind kind, std::string_view fileHash) const {
  return reading(path_, [&] {
    std::string kindName = kindText(kind);
    std::string hash(fileHash);
    std::int64_t count = 0;
    session_ << "SELECT count(*) FROM import_log WHERE kind = ? AND file_hash = ?", use(kindName),
        use(hash), into(count), now;
    return count > 0;
  });
}

std::int64_t SqliteStore::replaceImport(const ImportSummary& summary) {
  std::string kindName = kindText(summary.kind);
  std::string sourcePath = summary.sourcePath;

  std::vector<std::int64_t> previous;
  session_ << "SELECT id FROM import_log WHERE kind = ? AND source_path = ?", use(kindName),
      use(sourcePath), into(previous), now;
  for (std::int64_t id : previous) {
    for (const char* sql :
         {"DELETE FROM cube_block WHERE import_id = ?",
          "DELETE FROM kept_row_block WHERE import_id = ?",
          "DELETE FROM hr_hours WHERE import_id = ?",
          "DELETE FROM prognos_entry WHERE import_id = ?",
          "DELETE FROM prognos_snapshot WHERE import_id = ?",
          "DELETE FROM rejected_row WHERE import_id = ?",
          "DELETE FROM import_period WHERE import_id = ?",
          "DELETE FROM import_warning WHERE import_id = ?", "DELETE FROM import_log WHERE id = ?"})
      session_ << sql, use(id), now;
  }

  std::string fileHash = summary.fileHash;
  std::int64_t rowsRead = summary.rowsRead;
  std::int64_t rowsAccepted = summary.rowsAccepted;
  std::int64_t acceptedOre = summary.acceptedOre;
  std::int64_t rejectedOre = summary.rejectedOre;
  session_ << "INSERT INTO import_log (kind, source_path, file_hash, rows_read, rows_accepted,"
              " accepted_ore, rejected_ore) VALUES (?, ?, ?, ?, ?, ?, ?)",
      use(kindName), use(sourcePath), use(fileHash), use(rowsRead), use(rowsAccepted),
      use(acceptedOre), use(rejectedOre), now;
  std::int64_t importId = 0;
  session_ << "SELECT last_insert_rowid()", into(importId), now;

  if (!summary.rejected.empty()) {
    const std::size_t n = summary.rejected.size();
    std::vector<std::int64_t> ids(n, importId), positions(n), lines(n);
    std::vector<std::string> files(n), columns(n), reasons(n);
    for (std::size_t i = 0; i < n; ++i) {
      const RejectedRow& row = summary.rejected[i];
      positions[i] = static_cast<std::int64_t>(i);
      files[i] = row.where.file;
      lines[i] = row.where.line;
      columns[i] = row.where.column;
      reasons[i] = row.reason;
    }
    session_ << "INSERT INTO rejected_row (import_id, position, file, line, column_name, reason)"
                " VALUES (?, ?, ?, ?, ?, ?)",
        use(ids), use(positions), use(files), use(lines), use(columns), use(reasons), now;
  }
  if (!summary.periodTotals.empty()) {
    const std::size_t n = summary.periodTotals.size();
    std::vector<std::int64_t> ids(n, importId), periods(n), rows(n), ores(n);
    for (std::size_t i = 0; i < n; ++i) {
      periods[i] = summary.periodTotals[i].period;
      rows[i] = summary.periodTotals[i].rows;
      ores[i] = summary.periodTotals[i].ore;
    }
    session_ << "INSERT INTO import_period (import_id, period, rows, ore) VALUES (?, ?, ?, ?)",
        use(ids), use(periods), use(rows), use(ores), now;
  }
  if (!summary.warnings.empty() || !summary.notes.empty()) {
    std::vector<std::int64_t> ids, positions, isNote;
    std::vector<std::string> texts;
    for (const auto* list : {&summary.warnings, &summary.notes})
      for (const std::string& text : *list) {
        ids.push_back(importId);
        positions.push_back(static_cast<std::int64_t>(positions.size()));
        isNote.push_back(list == &summary.notes ? 1 : 0);
        texts.push_back(text);
      }
    session_ << "INSERT INTO import_warning (import_id, position, is_note, text)"
                " VALUES (?, ?, ?, ?)",
        use(ids), use(positions), use(isNote), use(texts), now;
  }
  return importId;
}

void SqliteStore::insertCells(std::int64_t importId, const Cube& cube) {
  // One block per month, so that a load reads the months of its range and nothing else.
  std::map<int, CubeBlockWriter> blocks;
  cube.forEachSorted([&](const CubeCell& cell) { blocks[cell.period.code()].add(cell); });
  for (const auto& [code, block] : blocks) {
    const std::string bytes = block.bytes();
    Poco::Data::BLOB blob(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    std::int64_t id = importId;
    std::int64_t period = code;
    auto count = static_cast<std::int64_t>(block.cellCount());
    session_ << "INSERT INTO cube_block (import_id, period, cell_count, cells) VALUES (?, ?, ?, ?)",
        use(id), use(period), use(count), use(blob), now;
  }
}

void SqliteStore::insertSnapshots(std::int64_t importId,
                                  const std::vector<PrognosSnapshot>& snapshots) {
  std::vector<std::int64_t> ids, periods, positions;
  std::vector<std::string> nodes, kommentarer, atgarder;
  std::vector<Poco::Nullable<Poco::Int64>> prognoser, avvikelser;
  std::int64_t position = 0;  // across the file: two snapshots of one month keep file order
  for (const PrognosSnapshot& snapshot : snapshots) {
    std::int64_t id = importId;
    std::int64_t period = snapshot.period.code();
    session_ << "INSERT OR IGNORE INTO prognos_snapshot (import_id, period) VALUES (?, ?)", use(id),
        use(period), now;
    for (const PrognosEntry& entry : snapshot.entries) {
      ids.push_back(importId);
      periods.push_back(period);
      positions.push_back(position++);
      nodes.push_back(entry.node);
      prognoser.push_back(toNullable(entry.prognosOre));
      avvikelser.push_back(toNullable(entry.avvikelseOre));
      kommentarer.push_back(entry.kommentar);
      atgarder.push_back(entry.atgard);
    }
  }
  if (ids.empty()) return;
  session_ << "INSERT INTO prognos_entry (import_id, period, position, node, prognos_ore,"
              " avvikelse_ore, kommentar, atgard) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      use(ids), use(periods), use(positions), use(nodes), use(prognoser), use(avvikelser),
      use(kommentarer), use(atgarder), now;
}

void SqliteStore::insertKeptRows(std::int64_t importId, const KeptTransactions& rows) {
  // One block per month, its rows in the order of loadLargestTransactions (ansvar, then largest
  // first; rows that tie keep their order, which makes the tiebreak).
  std::optional<Period> period;
  KeptRowBlockWriter block;
  const auto flush = [&] {
    if (!period) return;
    const std::string bytes = block.bytes();
    Poco::Data::BLOB blob(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    std::int64_t id = importId;
    std::int64_t code = period->code();
    auto count = static_cast<std::int64_t>(block.rowCount());
    session_ << "INSERT INTO kept_row_block (import_id, period, row_count, kept_rows)"
                " VALUES (?, ?, ?, ?)",
        use(id), use(code), use(count), use(blob), now;
    block = KeptRowBlockWriter();
  };
  rows.forEach([&](const KeptTransactions::Row& row) {
    if (period != row.period) {
      flush();
      period = row.period;
    }
    block.add(row.ansvar, row.texts, row.ore);
  });
  flush();
}

void SqliteStore::insertHours(std::int64_t importId, const HrTable& hours) {
  if (hours.empty()) return;
  std::vector<std::int64_t> ids(hours.size(), importId), periods, centihours, ores;
  std::vector<std::string> ansvar, kinds;
  for (const auto& [key, amount] : hours) {
    ansvar.push_back(key.ansvar);
    periods.push_back(key.period.code());
    kinds.emplace_back(hrKindName(key.kind));
    centihours.push_back(amount.centihours);
    ores.push_back(amount.ore);
  }
  session_ << "INSERT INTO hr_hours (import_id, ansvar, period, typ, centihours, ore)"
              " VALUES (?, ?, ?, ?, ?, ?)",
      use(ids), use(ansvar), use(periods), use(kinds), use(centihours), use(ores), now;
}

void SqliteStore::saveCubeImport(const ImportSummary& summary, const Cube& cube,
                                 const KeptTransactions& keptRows) {
  inTransaction(session_, path_, summary, [&] {
    const std::int64_t importId = replaceImport(summary);
    insertCells(importId, cube);
    insertKeptRows(importId, keptRows);
  });
}

void SqliteStore::savePrognosImport(const ImportSummary& summary,
                                    const std::vector<PrognosSnapshot>& snapshots) {
  inTransaction(session_, path_, summary,
                [&] { insertSnapshots(replaceImport(summary), snapshots); });
}

void SqliteStore::saveHrImport(const ImportSummary& summary, const HrTable& hours) {
  inTransaction(session_, path_, summary, [&] { insertHours(replaceImport(summary), hours); });
}

HrTable SqliteStore::loadHr(const PeriodRange& range) const {
  return reading(path_, [&] {
    std::int64_t first = range.first.code();
    std::int64_t last = range.last.code();
    std::vector<std::string> ansvar, kinds;
    std::vector<std::int64_t> periods, centihours, ores;
    session_ << "SELECT ansvar, period, typ, sum(centihours), sum(ore) FROM hr_hours"
                " WHERE period BETWEEN ? AND ? GROUP BY ansvar, period, typ",
        use(first), use(last), into(ansvar), into(periods), into(kinds), into(centihours),
        into(ores), now;
    HrTable hours;
    for (std::size_t i = 0; i < ansvar.size(); ++i) {
      const auto kind = hrKindFromName(kinds[i]);
      if (!kind)
        throw StoreError("Lagret " + path_ + " innehåller den okända timtypen '" + kinds[i] + "'.");
      hours[HrKey{std::move(ansvar[i]), storedPeriod(periods[i], path_), *kind}] +=
          HrAmount{centihours[i], ores[i]};
    }
    return hours;
  });
}

std::vector<LedgerTransaction> SqliteStore::loadLargestTransactions(Period period,
                                                                    int perAnsvar) const {
  return reading(path_, [&] {
    std::vector<LedgerTransaction> rows;
    if (perAnsvar <= 0) return rows;
    std::int64_t code = period.code();
    std::vector<Poco::Data::BLOB> blocks;
    // Import order, then the order within each block: the tiebreak between equal amounts.
    session_ << "SELECT kept_rows FROM kept_row_block WHERE period = ? ORDER BY import_id",
        use(code), into(blocks), now;
    for (const Poco::Data::BLOB& block : blocks) {
      const std::string_view bytes(reinterpret_cast<const char*>(block.rawContent()), block.size());
      if (!addKeptRowBlock(bytes, period, rows))
        throw StoreError("Lagret " + path_ + " är skadat: de sparade huvudboksraderna för period " +
                         period.toString() +
                         " kan inte läsas. Läs in källfilerna på nytt i ett nytt lager.");
    }
    return largestPerAnsvar(std::move(rows), perAnsvar);
  });
}

Cube SqliteStore::loadCube(const PeriodRange& range) const {
  return reading(path_, [&] {
    Cube cube;
    std::int64_t first = range.first.code();
    std::int64_t last = range.last.code();
    std::vector<std::int64_t> periods;
    std::vector<Poco::Data::BLOB> blocks;
    Poco::Data::Statement select(session_);
    select << "SELECT period, cells FROM cube_block WHERE period BETWEEN ? AND ?", use(first),
        use(last), into(periods), into(blocks), limit(kBlocksPerBatch);
    while (!select.done()) {
      select.execute();
      for (std::size_t i = 0; i < periods.size(); ++i) {
        const Period period = storedPeriod(periods[i], path_);
        const std::string_view bytes(reinterpret_cast<const char*>(blocks[i].rawContent()),
                                     blocks[i].size());
        if (!addCubeBlock(bytes, period, cube))
          throw StoreError("Lagret " + path_ + " är skadat: kubens celler för period " +
                           period.toString() +
                           " kan inte läsas. Läs in källfilerna på nytt i ett nytt lager.");
      }
      periods.clear();
      blocks.clear();
    }
    return cube;
  });
}

std::optional<PrognosSnapshot> SqliteStore::loadPrognosSnapshot(Period period) const {
  return reading(path_, [&]() -> std::optional<PrognosSnapshot> {
    std::int64_t code = period.code();
    // The latest import wins: ids only grow, and a replaced file gets a new id.
    std::vector<std::int64_t> latest;
    session_ << "SELECT import_id FROM prognos_snapshot WHERE period = ?"
                " ORDER BY import_id DESC LIMIT 1",
        use(code), into(latest), now;
    if (latest.empty()) return std::nullopt;

    std::int64_t importId = latest.front();
    std::vector<std::string> nodes, kommentarer, atgarder;
    std::vector<Poco::Nullable<Poco::Int64>> prognoser, avvikelser;
    session_ << "SELECT node, prognos_ore, avvikelse_ore, kommentar, atgard FROM prognos_entry"
                " WHERE import_id = ? AND period = ? ORDER BY position",
        use(importId), use(code), into(nodes), into(prognoser), into(avvikelser), into(kommentarer),
        into(atgarder), now;

    PrognosSnapshot snapshot{period, {}};
    snapshot.entries.reserve(nodes.size());
    for (std::size_t i = 0; i < nodes.size(); ++i)
      snapshot.entries.push_back({std::move(nodes[i]), fromNullable(prognoser[i]),
                                  fromNullable(avvikelser[i]), std::move(kommentarer[i]),
                                  std::move(atgarder[i])});
    return snapshot;
  });
}

std::vector<Period> SqliteStore::prognosPeriods() const {
  return reading(path_, [&] {
    std::vector<std::int64_t> codes;
    session_ << "SELECT DISTINCT period FROM prognos_snapshot ORDER BY period", into(codes), now;
    std::vector<Period> periods;
    periods.reserve(codes.size());
    for (std::int64_t code : codes) periods.push_back(storedPeriod(code, path_));
    return periods;
  });
}

std::vector<ImportSummary> SqliteStore::importLog() const {
  return reading(path_, [&] {
    std::vector<std::int64_t> ids, rowsRead, rowsAccepted, acceptedOre, rejectedOre;
    std::vector<std::string> kinds, sourcePaths, hashes;
    session_ << "SELECT id, kind, source_path, file_hash, rows_read, rows_accepted, accepted_ore,"
                " rejected_ore FROM import_log",
        into(ids), into(kinds), into(sourcePaths), into(hashes), into(rowsRead), into(rowsAccepted),
        into(acceptedOre), into(rejectedOre), now;

    std::vector<ImportSummary> log(ids.size());
    std::unordered_map<std::int64_t, std::size_t> indexOfId;
    for (std::size_t i = 0; i < ids.size(); ++i) {
      log[i] = ImportSummary{storedSourceKind(kinds[i], path_),
                             std::move(sourcePaths[i]),
                             std::move(hashes[i]),
                             rowsRead[i],
                             rowsAccepted[i],
                             {},
                             acceptedOre[i],
                             rejectedOre[i]};
      indexOfId.emplace(ids[i], i);
    }

    std::vector<std::int64_t> rejectImportIds, lines;
    std::vector<std::string> files, columns, reasons;
    session_ << "SELECT import_id, file, line, column_name, reason FROM rejected_row"
                " ORDER BY import_id, position",
        into(rejectImportIds), into(files), into(lines), into(columns), into(reasons), now;
    for (std::size_t i = 0; i < rejectImportIds.size(); ++i) {
      const auto owner = indexOfId.find(rejectImportIds[i]);
      if (owner == indexOfId.end()) continue;  // cannot happen: rows are deleted with their import
      log[owner->second].rejected.push_back(
          {SourceLocation{std::move(files[i]), lines[i], std::move(columns[i])},
           std::move(reasons[i])});
    }

    std::vector<std::int64_t> periodImportIds, periods, periodRows, periodOre;
    session_ << "SELECT import_id, period, rows, ore FROM import_period ORDER BY import_id, period",
        into(periodImportIds), into(periods), into(periodRows), into(periodOre), now;
    for (std::size_t i = 0; i < periodImportIds.size(); ++i)
      if (const auto owner = indexOfId.find(periodImportIds[i]); owner != indexOfId.end())
        log[owner->second].periodTotals.push_back(
            {static_cast<int>(periods[i]), periodRows[i], periodOre[i]});

    std::vector<std::int64_t> warningImportIds, warningIsNote;
    std::vector<std::string> warnings;
    session_ << "SELECT import_id, is_note, text FROM import_warning ORDER BY import_id, position",
        into(warningImportIds), into(warningIsNote), into(warnings), now;
    for (std::size_t i = 0; i < warningImportIds.size(); ++i)
      if (const auto owner = indexOfId.find(warningImportIds[i]); owner != indexOfId.end()) {
        ImportSummary& entry = log[owner->second];
        (warningIsNote[i] ? entry.notes : entry.warnings).push_back(std::move(warnings[i]));
      }

    sortImportLog(log);
    return log;
  });
}

std::unique_ptr<Store> openSqliteStore(const std::string& path) {
  return std::make_unique<SqliteStore>(path);
}

// The embedded store creates and migrates itself when opened (it has one user), so init and
// migrate are both an open that reports what it found.
SchemaChange changeSqliteSchema(const std::string& path, SchemaAction) {
  const SqliteStore store(path);
  return {store.foundSchemaVersion(), kSqliteSchemaVersion};
}

}  // namespace namnd
