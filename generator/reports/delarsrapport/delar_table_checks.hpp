#pragma once
// The identities of the delårsrapport's appendix tables, checked on the cells as shown (tkr), so
// that a table that was built or edited wrong is caught, not just the arithmetic behind it:
//   Investeringar: Summa budget = Budget + Ombudgetering and Avvikelse helår = Summa budget −
//     Prognos on every row, each group's subtotal = Σ its projects;
//   Budgetram: Totalt = Σ rows;
//   Bilaga per ansvarsnivå: every area = Σ its enheter, Totalsumma = Σ areas.
// Per-cell rounding allows ±1 tkr on a row identity and ±(n/2 + 1) tkr on a sum of n rows
// (Ok, with the differences named); additive rounding allows nothing. Beyond that: Error.
// Blank cells take no part.

#include <vector>

#include "core/rounding.hpp"
#include "reports/model/document.hpp"

namespace namnd {

// Columns as buildInvestmentSections lays them out (see investment_table.hpp); Subtotal rows
// close the group of Item rows above them.
std::vector<CheckItem> checkInvestmentTable(const Table& table, RoundingMode mode);
// Item rows with the amount in column 1, closed by the Total row.
std::vector<CheckItem> checkBudgetramTable(const Table& table, RoundingMode mode);
// Level-0 rows are areas with their enheter as the level-1 rows beneath; the Total row closes.
std::vector<CheckItem> checkBilagaTable(const Table& table, RoundingMode mode);

}  // namespace namnd
