#pragma once
// The volymer file (CSV or a sheet of a workbook): one value per mått, ansvar and month —
// invånare, anställda, heltidsanställda, placeringsdygn, utförd and beviljad tid, referenskostnad —
// that mål, verksamhetsmått and nyckeltal are computed from (core/volym_formula.hpp).
//
// Columns: period (YYYYMM), matt (any name; folded to a code: "Utförd tid" → utford_tid),
// varde (decimal comma or point, at most two decimals, spaces between thousands); optional
// ansvar (empty = the whole kommun or nämnd, as for invånare).
//
// The file is refused whole, with file, line and column, at its first bad row: a figure in the
// nämnd's papers must not be computed from a file with rows left out. Also refused: a second row
// of the same (period, matt, ansvar), and rows of one mått and month both with and without
// ansvar (a Σ over ansvar would count the total twice).

#include "core/import_summary.hpp"
#include "core/volym_table.hpp"
#include "ingest/table/tabular_source.hpp"

namespace namnd {

struct VolymImport {
  ImportSummary summary;  // counts; kind not meaningful (volymer are not stored)
  VolymTable table;
};

// Throws InputError for an unreadable file, a missing column or the first bad row (with how many
// more there are).
VolymImport readVolymer(TabularSource& source);

}  // namespace namnd
