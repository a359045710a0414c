#pragma once
// The tables of the embedded SQLite store, the check that a file is one of ours, and the byte
// layout of a cube block (the cells of one import for one month in one BLOB).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <Poco/Data/Session.h>

#include "core/cube.hpp"
#include "core/ledger_transaction.hpp"
#include "core/period.hpp"
#include "ingest/largest_transactions.hpp"

namespace namnd {

// The layout this program reads and writes. An older store is migrated in one transaction per
// step; a newer one is refused rather than guessed at.
//   1: first layout
//   2: import_log.rejected_ore (Σ of rejected rows whose amount could be read),
//      import_period (rows and Σ per month of a file), import_warning
//   3: cube_block (one BLOB per import and month) replaces cube_cell (one row per cell): saving
//      and loading a cube no longer costs a statement step per cell
//   4: hr_hours (hours and kronor per hr import, ansvar, month and typ) and kept_row_block (the
//      largest ledger rows of a ledger import, one BLOB per month like cube_block)
//   5: cube blocks may hold Measure::BudgetBeslut (when a budget revision was decided), so that a
//      report's helår budget leaves out revisions valid after its month; budgets imported before
//      are read again
inline constexpr std::int64_t kSqliteSchemaVersion = 5;

// Creates the schema in an empty database, or checks that an existing one is a Nämndrapport
// store and migrates it to kSqliteSchemaVersion. Returns the version found (0: created). Throws
// OutputError (Swedish, naming `path`) otherwise; Poco exceptions from the connection propagate
// to the caller.
std::int64_t ensureSqliteSchema(Poco::Data::Session& session, const std::string& path);

// Builds the BLOB of one cube block. Layout, every integer an unsigned LEB128 varint:
//   format (1) · code count · per code: byte length, UTF-8 bytes ·
//   cell count · per cell: ansvar, konto, verksamhet, projekt (indexes into the codes),
//                          measure, öre (zigzag)
// A block carries its own codes, so that each one reads alone and deleting an import leaves
// nothing behind.
class CubeBlockWriter {
 public:
  void add(std::string_view ansvar, std::string_view konto, std::string_view verksamhet,
           std::string_view projekt, Measure measure, std::int64_t ore);
  // A cell of one cube, its codes numbered by the cube's ids instead of by hashing their texts
  // (an import writes every cell of its cube this way). All cells given to one writer this way
  // must come from the same cube.
  void add(const CubeCell& cell);
  std::size_t cellCount() const { return cellCount_; }
  std::string bytes() const;

 private:
  std::uint32_t codeIndex(std::string_view code);
  std::uint32_t codeIndex(std::uint32_t id, std::string_view code);
  void addCell(const std::uint32_t (&codes)[4], Measure measure, std::int64_t ore);
  std::uint32_t newCode(std::string_view code);

  static constexpr std::uint32_t kNotListed = static_cast<std::uint32_t>(-1);
  std::vector<std::uint32_t> indexOfId_;  // a cube id → its index in this block, or kNotListed
  std::uint32_t codeCount_ = 0;

  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::uint32_t, Hash, std::equal_to<>> codeIndexes_;
  std::string codes_;  // the code part, already encoded
  std::string cells_;  // the cell part, already encoded
  std::size_t cellCount_ = 0;
};

// Builds the BLOB of one month's kept ledger rows (of one import). Layout, every integer an
// unsigned LEB128 varint:
//   format (1) · row count · per row: ansvar, konto, verksamhet, projekt, datum, vernr, text,
//                                     motpart (each byte length, UTF-8 bytes) · öre (zigzag)
// Rows keep the order they were added in, which is the tiebreak between equal amounts. The
// texts are written inline: nearly every row has its own text and verification, and the block
// is written in the import's hot path.
class KeptRowBlockWriter {
 public:
  void add(std::string_view ansvar, const TransactionTexts& texts, std::int64_t ore);
  std::size_t rowCount() const { return rowCount_; }
  std::string bytes() const;

 private:
  std::string rows_;
  std::size_t rowCount_ = 0;
};

// Appends every row of a block to `rows`, with `period`. Returns the number of rows, or nothing
// when the bytes are not a well-formed block: then `rows` may hold part of it.
std::optional<std::size_t> addKeptRowBlock(std::string_view bytes, Period period,
                                           std::vector<LedgerTransaction>& rows);

// Adds every cell of a block to `cube` in `period`. Returns the number of cells, or nothing when
// the bytes are not a well-formed block (a damaged file): then `cube` may hold part of it.
std::optional<std::size_t> addCubeBlock(std::string_view bytes, Period period, Cube& cube);

}  // namespace namnd
