#pragma once
// Huvudbok (ledger) rows → the file's cube of utfall. Bad rows are rejected with a reason and
// counted; the file is refused whole only when it cannot be read at all.

#include "core/cube.hpp"
#include "core/import_summary.hpp"
#include "ingest/source_file.hpp"

namespace namnd {

struct LedgerImport {
  ImportSummary summary;
  Cube cube;
};

// Columns: period (YYYYMM) or datum, konto, ansvar, belopp (kr); optional verksamhet, projekt.
// Throws InputError when the file is undecodable or lacks a required column.
LedgerImport readLedger(const SourceFile& file);

}  // namespace namnd
