#pragma once
// Budget rows → the file's cube of budget, one value per month. Helår rows (an `ar` column)
// are periodised linearly; monthly rows (a `period` column) are taken as given.

#include "core/cube.hpp"
#include "core/import_summary.hpp"
#include "ingest/source_file.hpp"

namespace namnd {

struct BudgetImport {
  ImportSummary summary;
  Cube cube;
};

// Columns: ar (YYYY) or period (YYYYMM), ansvar, konto, belopp (kr); optional verksamhet,
// projekt. A row may use either: an empty period on a file with both columns means helår.
// Throws InputError when the file is undecodable or lacks a required column.
BudgetImport readBudget(const SourceFile& file);

}  // namespace namnd
