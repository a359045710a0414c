#pragma once
// Huvudbok (ledger) rows → the file's cube of utfall. Bad rows are rejected with a reason and
// counted; the file is refused whole only when it cannot be read at all.

#include <string>

#include "core/cube.hpp"
#include "core/import_summary.hpp"
#include "ingest/largest_transactions.hpp"
#include "ingest/table/tabular_source.hpp"

namespace namnd {

struct LedgerImport {
  ImportSummary summary;
  Cube cube;
  // The kStoredTransactionsPerAnsvarMonth accepted rows with the largest |belopp| of each ansvar
  // and month (of equal ones the first in the file), ordered by period, ansvar and largest first.
  KeptTransactions keptRows;
};

// Columns: period (YYYYMM) or datum, konto (or "konto text"), ansvar, belopp (kr); optional
// verksamhet, aktivitet, projekt, motpart, vernr, text. Throws InputError when the source cannot
// be read or lacks a column.
LedgerImport readLedger(TabularSource& source, const std::string& fileHash);

}  // namespace namnd
