#pragma once
// Reads the fields of one record for a reader, and records at most one rejection per row: the
// first problem found, with file, line, column and a Swedish reason. A rejected row's amount is
// still added to the summary when it could be read, so every krona read is accounted for.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/import_summary.hpp"
#include "core/period.hpp"
#include "ingest/table/tabular_source.hpp"

namespace namnd {

class RowCheck {
 public:
  // Counts the row as read; a record whose shape differs from the header fails at once.
  RowCheck(const Record& record, ImportSummary& summary);

  // Each returns the value, or nullopt after recording the problem (only the first is kept).
  // A column is named, or given by its id (readers of large files: no lookup by name).
  std::optional<std::int64_t> amount(std::string_view column);
  std::optional<std::int64_t> amount(ColumnId column);
  std::optional<std::string_view> code(std::string_view column);
  std::optional<std::string_view> code(ColumnId column);
  // A konto, also from a "konto text" cell: "46110 Köp av huvudverksamhet" → "46110".
  std::optional<std::string_view> konto(std::string_view column);
  std::optional<std::string_view> konto(ColumnId column);
  // YYYYMM from periodColumn, or when that is absent or empty, from dateColumn (YYYY-MM-DD).
  std::optional<Period> period(std::string_view periodColumn, std::string_view dateColumn = "");
  std::optional<Period> period(ColumnId periodColumn, ColumnId dateColumn);
  std::optional<Period> period(ColumnId periodColumn);  // no date column to fall back on
  // A month written YYYYMM or as a date YYYY-MM-DD (giltig_from columns).
  std::optional<Period> month(std::string_view column);
  std::optional<Period> month(ColumnId column);
  std::optional<int> year(std::string_view column);
  std::optional<int> year(ColumnId column);
  // A problem found by the reader itself.
  void fail(SourceLocation where, std::string reason);

  bool ok() const { return ok_; }
  // True when the row passed every check; otherwise adds `ore` (if read) to rejectedOre.
  bool accept(std::optional<std::int64_t> ore);

 private:
  template <typename Column>
  std::optional<std::int64_t> amountIn(Column column);
  template <typename Column>
  std::optional<std::string_view> codeIn(Column column);
  template <typename Column>
  std::optional<std::string_view> kontoIn(Column column);
  template <typename Column>
  std::optional<Period> monthIn(Column column);
  template <typename Column>
  std::optional<int> yearIn(Column column);
  template <typename Column>
  std::optional<Period> periodIn(Column periodColumn, Column dateColumn, bool hasDateColumn);

  const Record& record_;
  ImportSummary& summary_;
  bool ok_ = true;
};

}  // namespace namnd
