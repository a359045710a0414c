#pragma once
// Prognosis rows → one snapshot per prognosperiod. Each row names an org node at any level and
// gives either the helår outcome (prognos) or the helår deviation against budget (avvikelse).

#include <string>
#include <vector>

#include "core/import_summary.hpp"
#include "core/prognos_snapshot.hpp"
#include "ingest/table/tabular_source.hpp"

namespace namnd {

struct PrognosImport {
  ImportSummary summary;
  std::vector<PrognosSnapshot> snapshots;  // ascending by period
};

// Columns: prognosperiod (YYYYMM), ansvar (or enhet/kod: the org node), prognos or avvikelse
// (kr); optional kommentar, atgard. Throws InputError when the source cannot be read, lacks a
// required column, or has neither a prognos nor an avvikelse column.
PrognosImport readPrognos(TabularSource& source, const std::string& fileHash);

}  // namespace namnd
