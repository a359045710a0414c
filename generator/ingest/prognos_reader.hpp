#pragma once
// Prognosis rows → one snapshot per prognosperiod. Each row names an org node at any level and
// gives either the helår outcome (prognos) or the helår deviation against budget (avvikelse).

#include <vector>

#include "core/import_summary.hpp"
#include "core/prognos_snapshot.hpp"
#include "ingest/source_file.hpp"

namespace namnd {

struct PrognosImport {
  ImportSummary summary;
  std::vector<PrognosSnapshot> snapshots;  // ascending by period
};

// Columns: prognosperiod (YYYYMM), ansvar (or enhet/kod: the org node), prognos or avvikelse
// (kr); optional kommentar, atgard. Throws InputError when the file is undecodable, lacks a
// required column, or has neither a prognos nor an avvikelse column.
PrognosImport readPrognos(const SourceFile& file);

}  // namespace namnd
