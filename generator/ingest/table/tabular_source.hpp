#pragma once
// Every tabular input — CSV or a sheet of an XLSX workbook — reaches the readers through this
// seam: a header row matched against the input's canonical columns, then one record at a time.
// Readers never know which format they read.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/errors.hpp"
#include "ingest/csv/column_matcher.hpp"

namespace namnd {

// The columns an input has, and groups of which at least one must be present ("period" or
// "datum"). Config can name the export's own header for any column (see withColumnNames).
struct TableSpec {
  std::vector<ColumnSpec> columns;
  std::vector<std::vector<std::string>> atLeastOneOf;

  // The id of a column of this spec, for records read with this spec. Throws std::logic_error
  // for a name that is not a column (a programming error). Resolve once, not per row.
  ColumnId id(std::string_view name) const;
};

// `names` maps canonical column → the header text in this export ("belopp" → "Belopp SEK");
// a named column matches only that header. Throws ConfigError for a name that is not a column
// of the spec.
TableSpec withColumnNames(TableSpec spec,
                          const std::vector<std::pair<std::string, std::string>>& names,
                          const std::string& displayName);

// One data record. Valid only inside the callback that received it.
//
// Every cell can be asked for by the column's canonical name or by its ColumnId (from the spec
// passed to read()). Both give the same answers; ids skip the lookup by name, for readers of
// large files.
class Record {
 public:
  virtual ~Record() = default;
  virtual std::int64_t line() const = 0;  // CSV line or sheet row number, 1-based
  virtual bool has(std::string_view column) const = 0;
  virtual bool has(ColumnId column) const = 0;
  // The cell as text, trimmed; empty when the column is absent or the cell is empty. Numeric
  // XLSX cells give the number as stored ("202510", "1234.5").
  virtual std::string_view text(std::string_view column) const = 0;
  virtual std::string_view text(ColumnId column) const = 0;
  // An amount in öre. Text is parsed with parseAmountOre (Swedish or English notation); a
  // numeric XLSX cell is rounded to the öre. nullopt with a Swedish reason in *error.
  virtual std::optional<std::int64_t> amountOre(std::string_view column,
                                                std::string* error) const = 0;
  virtual std::optional<std::int64_t> amountOre(ColumnId column, std::string* error) const = 0;
  // A date as "YYYY-MM-DD": text as written, a numeric XLSX cell converted from Excel's serial.
  virtual std::string dateText(std::string_view column) const = 0;
  virtual std::string dateText(ColumnId column) const = 0;
  // Where a cell is, for messages: file, line or row, and the column as the file names it.
  virtual SourceLocation at(std::string_view column) const = 0;
  virtual SourceLocation at(ColumnId column) const = 0;
  // A record whose shape does not match the header ("raden har 5 fält men rubrikraden har 6").
  virtual std::optional<std::string> shapeProblem() const = 0;
};

class TabularSource {
 public:
  virtual ~TabularSource() = default;
  virtual const std::string& displayName() const = 0;
  // Reads the header (the first non-empty row), matches it against `spec` and calls onRecord
  // for every following record in order. Throws InputError naming file, line and column for an
  // unreadable file, a missing header, a missing or duplicated column. An exception thrown by
  // onRecord propagates.
  virtual void read(const TableSpec& spec, const std::function<void(const Record&)>& onRecord) = 0;

  // Like read(), but the records may be shared out among up to `workers` threads: onRecord(w, r)
  // runs concurrently for different w, each worker gets a contiguous stretch of the file in
  // order, and every record of worker w comes before those of worker w + 1 in the file. Returns
  // how many workers were used (the default reads everything as worker 0). When several workers
  // fail, the error of the earliest one in the file is thrown.
  virtual int readSplit(const TableSpec& spec, int workers,
                        const std::function<void(int worker, const Record&)>& onRecord);
};

}  // namespace namnd
