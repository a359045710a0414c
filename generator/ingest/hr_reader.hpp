#pragma once
// Hr rows (hours, and kronor where the export has them, per ansvar, month and kind of time) →
// the file's HrTable. Bad rows are rejected with a reason and counted; the file is refused whole
// only when it cannot be read at all.

#include <optional>
#include <string>
#include <string_view>

#include "core/hr_hours.hpp"
#include "core/import_summary.hpp"
#include "ingest/table/tabular_source.hpp"

namespace namnd {

struct HrImport {
  ImportSummary summary;  // kind Hr; acceptedOre/rejectedOre are Σ belopp, notes give Σ timmar
  HrTable hours;          // rows of the same ansvar, month and typ are summed
};

// Columns: period (YYYYMM), ansvar, typ, timmar (decimal comma or point, at most two decimals);
// optional belopp (kr). Throws InputError when the source cannot be read or lacks a column.
HrImport readHr(TabularSource& source, const std::string& fileHash);

// The typ as exports write it → the kind: case and å/ä/ö are folded, spaces and hyphens read as
// '_' ("Övertid", "Ej tillsatt", "ej-tillsatt"). nullopt for anything else.
std::optional<HrKind> hrKindFromExport(std::string_view text);

}  // namespace namnd
