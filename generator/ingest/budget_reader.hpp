#pragma once
// Budget rows → the file's cube of budget, one value per month, in every shape budgets come in:
// - monthly rows (a `period` column) are taken as given;
// - helår rows (an `ar` column) are spread over the year by the file's periodisation key;
// - revision rows (a `giltig_from` month, optionally a `version` name) change the helår budget
//   from that month on: the amount is spread over giltig_from..December only, so a mid-year
//   transfer between areas shows in ack budget from its month on and not before; the revision's
//   whole amount is also kept once at giltig_from as Measure::BudgetBeslut, so that a report for
//   an earlier month can leave it out of the helår budget (see aggregate/cell_figures.hpp).

#include <string>

#include "core/cube.hpp"
#include "core/import_summary.hpp"
#include "core/periodisation.hpp"
#include "ingest/table/tabular_source.hpp"

namespace namnd {

struct BudgetImport {
  ImportSummary summary;
  Cube cube;
};

// Columns: ar (YYYY) or period (YYYYMM), ansvar, konto, belopp (kr); optional giltig_from
// (YYYYMM or YYYY-MM-DD), version, verksamhet, projekt. Throws InputError when the source cannot
// be read or lacks a column.
BudgetImport readBudget(TabularSource& source, const std::string& fileHash,
                        const PeriodisationKey& key);

}  // namespace namnd
