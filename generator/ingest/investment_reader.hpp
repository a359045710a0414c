#pragma once
// The investeringar file a controller keeps per year: one row per investment project with its
// budget, ombudgetering (carry-over) and helårsprognos. Utfall is the ledger's utfall on the
// project's code, unless the file has it: the drift tables are built on result accounts
// (classes 3–8; the SIE reader keeps only those), so a kommun that books investments on balance
// accounts (class 1) gives the project ledger's utfall here.
//
// Columns: projekt (code as booked in the ledger), namn, budget (kr); optional grupp (the group's
// subtotal label, "S:a investeringar gm TN"), ombudgetering (kr), prognos (kr, helår; empty =
// Summa budget, i.e. no deviation), utfall (kr, January through `period`; empty = the ledger's
// when it has rows on the code — in a file that gives utfall for other projects, an empty cell
// is "uppgift saknas", not 0: type 0 for nothing booked) with period (YYYYMM, required with
// utfall: a report for another month does not use it), kommentar. Amounts may be negative. How
// the table picks each project's utfall: reports/delarsrapport/investment_table.hpp.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/import_summary.hpp"
#include "core/period.hpp"
#include "ingest/table/tabular_source.hpp"

namespace namnd {

struct InvestmentProject {
  std::string projekt;
  std::string namn;
  std::string grupp;  // empty: the group without a label
  std::int64_t budgetOre = 0;
  std::int64_t ombudgeteringOre = 0;
  std::optional<std::int64_t> prognosOre;  // none: Summa budget
  std::optional<std::int64_t> utfallOre;   // none: the ledger's utfall on the projekt
  std::optional<Period> utfallPeriod;      // the month utfallOre runs through (set with it)
  std::string kommentar;
  SourceLocation where;  // the row, for messages
};

struct InvestmentImport {
  // Counts and rejected rows (the summary's kind is not meaningful: these files are not stored).
  ImportSummary summary;
  std::vector<InvestmentProject> projects;  // accepted rows in file order
};

// Rejects (file, line, column, Swedish reason) a row without projekt or namn, an unreadable
// amount and a projekt code that an earlier row already has. Throws InputError when the source
// cannot be read or lacks a column.
InvestmentImport readInvestments(TabularSource& source);

}  // namespace namnd
