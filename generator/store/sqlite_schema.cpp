#include "store/sqlite_schema.hpp"

#include <array>
#include <string_view>
#include <vector>

#include <Poco/Data/LOB.h>
#include <Poco/Data/Session.h>
#include <Poco/Data/Statement.h>

#include "core/errors.hpp"

namespace namnd {

using namespace Poco::Data::Keywords;

namespace {

// Codes and texts are TEXT; periods (YYYYMM), measures and every amount (öre) are INTEGER,
// which SQLite stores as int64. Child rows carry their import's id so that replacing an
// import is a delete by id.
constexpr std::string_view kVersion1Tables[] = {
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
};

// Version 2: which months a file covers, and its warnings.
constexpr std::string_view kVersion2Tables[] = {
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

// Version 3: the cube as one block per import and month (see CubeBlockWriter). The key serves
// the delete of a replaced import; a load reads every block's period, which sits before the
// BLOB in the row, so the BLOBs of other months are never read.
constexpr std::string_view kCubeBlockTable =
    "CREATE TABLE cube_block ("
    " import_id INTEGER NOT NULL REFERENCES import_log (id),"
    " period INTEGER NOT NULL,"
    " cell_count INTEGER NOT NULL,"  // for a person looking at the file; a load counts itself
    " cells BLOB NOT NULL,"
    " PRIMARY KEY (import_id, period))";

constexpr unsigned char kCubeBlockFormat = 1;

// Version 4: hours from the hr files, and the largest ledger rows (see KeptRowBlockWriter).
constexpr std::string_view kVersion4Tables[] = {
    "CREATE TABLE hr_hours ("
    " import_id INTEGER NOT NULL REFERENCES import_log (id),"
    " ansvar TEXT NOT NULL,"
    " period INTEGER NOT NULL,"
    " typ TEXT NOT NULL,"            // hrKindName: overtid, mertid, timavlonad …
    " centihours INTEGER NOT NULL,"  // hundredths of an hour
    " ore INTEGER NOT NULL)",
    "CREATE INDEX hr_hours_import ON hr_hours (import_id)",
    "CREATE INDEX hr_hours_period ON hr_hours (period)",
    // The key serves both the delete of a replaced import and a load of one month.
    "CREATE TABLE kept_row_block ("
    " import_id INTEGER NOT NULL REFERENCES import_log (id),"
    " period INTEGER NOT NULL,"
    " row_count INTEGER NOT NULL,"  // for a person looking at the file
    " kept_rows BLOB NOT NULL,"
    " PRIMARY KEY (import_id, period))",
    "CREATE INDEX kept_row_block_period ON kept_row_block (period)",
};

constexpr unsigned char kKeptRowBlockFormat = 1;

// Rows per batch when a migration reads the old cells.
constexpr std::size_t kMigrationBatchRows = 10'000;

void appendVarint(std::string& out, std::uint64_t value) {
  while (value >= 0x80) {
    out.push_back(static_cast<char>((value & 0x7F) | 0x80));
    value >>= 7;
  }
  out.push_back(static_cast<char>(value));
}

// Small magnitudes of either sign become small unsigned numbers: 0, −1, 1, −2 … → 0, 1, 2, 3 …
std::uint64_t zigzag(std::int64_t value) {
  return (static_cast<std::uint64_t>(value) << 1) ^ static_cast<std::uint64_t>(value >> 63);
}

std::int64_t unzigzag(std::uint64_t value) {
  return static_cast<std::int64_t>(value >> 1) ^ -static_cast<std::int64_t>(value & 1);
}

// Reads varints from a block, refusing to run past its end.
class BlockReader {
 public:
  explicit BlockReader(std::string_view bytes)
      : at_(reinterpret_cast<const unsigned char*>(bytes.data())), end_(at_ + bytes.size()) {}

  bool varint(std::uint64_t& value) {
    value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (at_ == end_) return false;
      const unsigned char byte = *at_++;
      value |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
      if ((byte & 0x80) == 0) return true;
    }
    return false;  // more than ten bytes: not a varint this program wrote
  }

  bool text(std::size_t length, std::string_view& value) {
    if (static_cast<std::size_t>(end_ - at_) < length) return false;
    value = std::string_view(reinterpret_cast<const char*>(at_), length);
    at_ += length;
    return true;
  }

  bool atEnd() const { return at_ == end_; }

 private:
  const unsigned char* at_;
  const unsigned char* end_;
};

std::int64_t countTables(Poco::Data::Session& session, const std::string& name) {
  std::int64_t count = 0;
  std::string table = name;
  session << "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?", use(table),
      into(count), now;
  return count;
}

template <typename Work>
void inSchemaTransaction(Poco::Data::Session& session, Work&& work) {
  session.begin();
  try {
    work();
    session.commit();
  } catch (...) {
    session.rollback();
    throw;
  }
}

void createSchema(Poco::Data::Session& session) {
  inSchemaTransaction(session, [&] {
    for (std::string_view sql : kVersion1Tables) session << std::string(sql), now;
    for (std::string_view sql : kVersion2Tables) session << std::string(sql), now;
    session << std::string(kCubeBlockTable), now;
    for (std::string_view sql : kVersion4Tables) session << std::string(sql), now;
    std::int64_t version = kSqliteSchemaVersion;
    session << "INSERT INTO schema_version (version) VALUES (?)", use(version), now;
  });
}

void migrateFrom1To2(Poco::Data::Session& session) {
  inSchemaTransaction(session, [&] {
    session << "ALTER TABLE import_log ADD COLUMN rejected_ore INTEGER NOT NULL DEFAULT 0", now;
    for (std::string_view sql : kVersion2Tables) session << std::string(sql), now;
    session << "UPDATE schema_version SET version = 2", now;
  });
}

// Packs the cells of every (import, period) into one block and drops the old table.
void migrateFrom2To3(Poco::Data::Session& session, const std::string& path) {
  inSchemaTransaction(session, [&] {
    session << std::string(kCubeBlockTable), now;

    std::int64_t blockImport = 0, blockPeriod = 0;
    CubeBlockWriter block;
    const auto flush = [&] {
      if (block.cellCount() == 0) return;
      const std::string bytes = block.bytes();
      Poco::Data::BLOB blob(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
      auto count = static_cast<std::int64_t>(block.cellCount());
      session << "INSERT INTO cube_block (import_id, period, cell_count, cells)"
                 " VALUES (?, ?, ?, ?)",
          use(blockImport), use(blockPeriod), use(count), use(blob), now;
      block = CubeBlockWriter();
    };

    std::vector<std::int64_t> importIds, periods, measures, ores;
    std::vector<std::string> ansvar, konto, verksamhet, projekt;
    Poco::Data::Statement select(session);
    select << "SELECT import_id, period, ansvar, konto, verksamhet, projekt, measure, ore"
              " FROM cube_cell ORDER BY import_id, period",
        into(importIds), into(periods), into(ansvar), into(konto), into(verksamhet), into(projekt),
        into(measures), into(ores), limit(kMigrationBatchRows);
    while (!select.done()) {
      select.execute();
      for (std::size_t i = 0; i < importIds.size(); ++i) {
        if (importIds[i] != blockImport || periods[i] != blockPeriod) {
          flush();
          blockImport = importIds[i];
          blockPeriod = periods[i];
        }
        if (measures[i] != static_cast<std::int64_t>(Measure::Utfall) &&
            measures[i] != static_cast<std::int64_t>(Measure::Budget))
          throw StoreError("Lagret " + path + " innehåller det okända måttet " +
                           std::to_string(measures[i]) +
                           " och kan inte flyttas till schemaversion 3.");
        block.add(ansvar[i], konto[i], verksamhet[i], projekt[i], static_cast<Measure>(measures[i]),
                  ores[i]);
      }
      for (auto* column : {&importIds, &periods, &measures, &ores}) column->clear();
      for (auto* column : {&ansvar, &konto, &verksamhet, &projekt}) column->clear();
    }
    flush();

    session << "DROP TABLE cube_cell", now;  // its indexes go with it
    session << "UPDATE schema_version SET version = 3", now;
  });
}

void migrateFrom3To4(Poco::Data::Session& session) {
  inSchemaTransaction(session, [&] {
    for (std::string_view sql : kVersion4Tables) session << std::string(sql), now;
    // Ledgers imported before version 4 kept none of their rows for the drill-down. Forgetting
    // their hashes makes the next run read them again (replacing each import whole), instead of
    // skipping them as unchanged and leaving "Största transaktioner" empty for good.
    session << "UPDATE import_log SET file_hash = '' WHERE kind = 'huvudbok'", now;
    session << "UPDATE schema_version SET version = 4", now;
  });
}

void migrateFrom4To5(Poco::Data::Session& session) {
  inSchemaTransaction(session, [&] {
    // Budgets imported before version 5 kept no revision decisions (Measure::BudgetBeslut): an
    // unchanged file would be skipped and its later revisions would stay in earlier months'
    // helår budget. Forgetting the hashes makes the next run read them again.
    session << "UPDATE import_log SET file_hash = '' WHERE kind = 'budget'", now;
    session << "UPDATE schema_version SET version = 5", now;
  });
}

void appendText(std::string& out, std::string_view text) {
  appendVarint(out, text.size());
  out.append(text);
}

}  // namespace

std::int64_t ensureSqliteSchema(Poco::Data::Session& session, const std::string& path) {
  // Reading sqlite_master is the first access to the file: for a file that is not SQLite
  // this is where the driver fails ("file is not a database").
  std::int64_t objects = 0;
  session << "SELECT count(*) FROM sqlite_master", into(objects), now;

  if (countTables(session, "schema_version") == 0) {
    if (objects != 0)
      throw StoreError("Filen " + path +
                       " är en SQLite-databas men inget Nämndrapport-lager (tabellen "
                       "schema_version saknas). Ange en annan sökväg för lagret.");
    createSchema(session);
    return 0;
  }

  std::vector<std::int64_t> versions;
  session << "SELECT version FROM schema_version", into(versions), now;
  const std::int64_t found = versions.size() == 1 ? versions.front() : -1;
  if (versions.size() == 1 && versions.front() == 1) {
    migrateFrom1To2(session);
    versions.front() = 2;
  }
  // A store that says 3 but still has the per-cell table was written by a development build
  // (commit 3c3cf5c) whose header said 3 before its code did: its contents are version 2.
  if (versions.size() == 1 && versions.front() == 3 && countTables(session, "cube_block") == 0 &&
      countTables(session, "cube_cell") == 1)
    versions.front() = 2;
  if (versions.size() == 1 && versions.front() == 2) {
    migrateFrom2To3(session, path);
    versions.front() = 3;
  }
  if (versions.size() == 1 && versions.front() == 3) {
    migrateFrom3To4(session);
    versions.front() = 4;
  }
  if (versions.size() == 1 && versions.front() == 4) {
    migrateFrom4To5(session);
    versions.front() = 5;
  }
  if (versions.size() != 1 || versions.front() != kSqliteSchemaVersion) {
    const std::string found = versions.size() == 1 ? std::to_string(versions.front()) : "okänd";
    const std::string readable = std::to_string(kSqliteSchemaVersion);
    throw StoreError("Lagret " + path + " har schemaversion " + found +
                     ", men programmet kan bara läsa version " + readable +
                     " och äldre. Ett nyare lager kräver en nyare version av programmet.");
  }
  return found;
}

std::uint32_t CubeBlockWriter::newCode(std::string_view code) {
  appendVarint(codes_, code.size());
  codes_.append(code);
  return codeCount_++;
}

std::uint32_t CubeBlockWriter::codeIndex(std::string_view code) {
  if (const auto found = codeIndexes_.find(code); found != codeIndexes_.end()) return found->second;
  const std::uint32_t index = newCode(code);
  codeIndexes_.emplace(std::string(code), index);
  return index;
}

std::uint32_t CubeBlockWriter::codeIndex(std::uint32_t id, std::string_view code) {
  if (id >= indexOfId_.size()) indexOfId_.resize(id + 1, kNotListed);
  if (indexOfId_[id] == kNotListed) indexOfId_[id] = newCode(code);
  return indexOfId_[id];
}

void CubeBlockWriter::addCell(const std::uint32_t (&codes)[4], Measure measure, std::int64_t ore) {
  // The cell's six varints into one small buffer, appended at once: cheaper than growing the
  // string a byte at a time, and every cell of an import passes through here.
  char buffer[6 * 10];
  std::size_t size = 0;
  const auto put = [&](std::uint64_t value) {
    while (value >= 0x80) {
      buffer[size++] = static_cast<char>((value & 0x7F) | 0x80);
      value >>= 7;
    }
    buffer[size++] = static_cast<char>(value);
  };
  for (const std::uint32_t code : codes) put(code);
  put(static_cast<std::uint64_t>(measure));
  put(zigzag(ore));
  cells_.append(buffer, size);
  ++cellCount_;
}

void CubeBlockWriter::add(std::string_view ansvar, std::string_view konto,
                          std::string_view verksamhet, std::string_view projekt, Measure measure,
                          std::int64_t ore) {
  const std::uint32_t codes[4] = {codeIndex(ansvar), codeIndex(konto), codeIndex(verksamhet),
                                  codeIndex(projekt)};
  addCell(codes, measure, ore);
}

void CubeBlockWriter::add(const CubeCell& cell) {
  const std::uint32_t codes[4] = {
      codeIndex(cell.ids.ansvar, cell.ansvar), codeIndex(cell.ids.konto, cell.konto),
      codeIndex(cell.ids.verksamhet, cell.verksamhet), codeIndex(cell.ids.projekt, cell.projekt)};
  addCell(codes, cell.measure, cell.ore);
}

std::string CubeBlockWriter::bytes() const {
  std::string out;
  out.reserve(1 + 10 + codes_.size() + 10 + cells_.size());
  out.push_back(static_cast<char>(kCubeBlockFormat));
  appendVarint(out, codeCount_);
  out += codes_;
  appendVarint(out, cellCount_);
  out += cells_;
  return out;
}

std::optional<std::size_t> addCubeBlock(std::string_view bytes, Period period, Cube& cube) {
  BlockReader in(bytes);
  std::uint64_t format = 0, codeCount = 0, cellCount = 0;
  if (!in.varint(format) || format != kCubeBlockFormat || !in.varint(codeCount) ||
      codeCount > bytes.size())
    return std::nullopt;
  std::vector<std::string_view> codes(codeCount);
  for (std::string_view& code : codes) {
    std::uint64_t length = 0;
    if (!in.varint(length) || length > bytes.size() || !in.text(length, code)) return std::nullopt;
  }
  if (!in.varint(cellCount) || cellCount > bytes.size()) return std::nullopt;
  for (std::uint64_t cell = 0; cell < cellCount; ++cell) {
    std::uint64_t key[4], measure = 0, ore = 0;
    for (std::uint64_t& index : key)
      if (!in.varint(index) || index >= codeCount) return std::nullopt;
    // BudgetBeslut (2) came without a new block format: a block of 0s and 1s reads as before.
    if (!in.varint(measure) || measure > static_cast<std::uint64_t>(Measure::BudgetBeslut) ||
        !in.varint(ore))
      return std::nullopt;
    cube.add(codes[key[0]], codes[key[1]], codes[key[2]], codes[key[3]], period,
             static_cast<Measure>(measure), unzigzag(ore));
  }
  if (!in.atEnd()) return std::nullopt;
  return static_cast<std::size_t>(cellCount);
}

void KeptRowBlockWriter::add(std::string_view ansvar, const TransactionTexts& texts,
                             std::int64_t ore) {
  for (const std::string_view text : {ansvar, texts.konto, texts.verksamhet, texts.projekt,
                                      texts.datum, texts.vernr, texts.text, texts.motpart})
    appendText(rows_, text);
  appendVarint(rows_, zigzag(ore));
  ++rowCount_;
}

std::string KeptRowBlockWriter::bytes() const {
  std::string out;
  out.reserve(1 + 10 + rows_.size());
  out.push_back(static_cast<char>(kKeptRowBlockFormat));
  appendVarint(out, rowCount_);
  out += rows_;
  return out;
}

std::optional<std::size_t> addKeptRowBlock(std::string_view bytes, Period period,
                                           std::vector<LedgerTransaction>& rows) {
  BlockReader in(bytes);
  std::uint64_t format = 0, rowCount = 0;
  if (!in.varint(format) || format != kKeptRowBlockFormat || !in.varint(rowCount) ||
      rowCount > bytes.size())
    return std::nullopt;
  rows.reserve(rows.size() + rowCount);
  for (std::uint64_t i = 0; i < rowCount; ++i) {
    LedgerTransaction row{period};
    for (std::string* text : {&row.ansvar, &row.konto, &row.verksamhet, &row.projekt, &row.datum,
                              &row.vernr, &row.text, &row.motpart}) {
      std::uint64_t length = 0;
      std::string_view value;
      if (!in.varint(length) || length > bytes.size() || !in.text(length, value))
        return std::nullopt;
      text->assign(value);
    }
    std::uint64_t ore = 0;
    if (!in.varint(ore)) return std::nullopt;
    row.ore = unzigzag(ore);
    rows.push_back(std::move(row));
  }
  if (!in.atEnd()) return std::nullopt;
  return static_cast<std::size_t>(rowCount);
}

}  // namespace namnd
