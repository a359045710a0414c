#pragma once
// The budgetram changes of the year (Lönepott, Kapitalkostnadspott, Effektiviseringsfond …):
// what the nämnd's ram grew or shrank by after the budget was set.
//
// Columns: omrade (text), belopp (kr, may be negative); optional kommentar and beslutad (the
// month the change was decided, YYYYMM or a date): a report per an earlier month leaves the
// change out. Without beslutad a change is in every report of the year.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/import_summary.hpp"
#include "core/period.hpp"
#include "ingest/table/tabular_source.hpp"

namespace namnd {

struct BudgetramChange {
  std::string omrade;
  std::int64_t beloppOre = 0;
  std::string kommentar;
  std::optional<Period> beslutad;  // none: not said, in every report
};

struct BudgetramImport {
  ImportSummary summary;  // counts and rejected rows (kind not meaningful: not stored)
  std::vector<BudgetramChange> changes;  // accepted rows in file order
};

// Rejects a row without omrade or with an unreadable belopp or beslutad (file, line, column,
// Swedish reason).
// Throws InputError when the source cannot be read or lacks a column.
BudgetramImport readBudgetram(TabularSource& source);

}  // namespace namnd
