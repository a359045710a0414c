#include "core/import_summary.hpp"

#include <algorithm>

namespace namnd {

std::string_view sourceKindName(SourceKind kind) {
  switch (kind) {
    case SourceKind::Huvudbok:
      return "huvudbok";
    case SourceKind::Budget:
      return "budget";
    case SourceKind::Prognos:
      return "prognos";
    case SourceKind::Hr:
      return "hr";
  }
  return "okänd";
}

void ImportSummary::addToPeriod(int period, std::int64_t ore) {
  // Files are mostly in period order, so the last entry is nearly always the one.
  auto at = periodTotals.end();
  if (periodTotals.empty() || periodTotals.back().period != period)
    at = std::lower_bound(periodTotals.begin(), periodTotals.end(), period,
                          [](const PeriodTotal& t, int p) { return t.period < p; });
  else
    at = periodTotals.end() - 1;
  if (at == periodTotals.end() || at->period != period)
    at = periodTotals.insert(at, {period, 0, 0});
  at->rows += 1;
  at->ore += ore;
}

void ImportSummary::absorb(ImportSummary&& later) {
  rowsRead += later.rowsRead;
  rowsAccepted += later.rowsAccepted;
  acceptedOre += later.acceptedOre;
  rejectedOre += later.rejectedOre;
  rejected.insert(rejected.end(), std::make_move_iterator(later.rejected.begin()),
                  std::make_move_iterator(later.rejected.end()));
  for (const PeriodTotal& total : later.periodTotals) {
    auto at = std::lower_bound(periodTotals.begin(), periodTotals.end(), total.period,
                               [](const PeriodTotal& t, int p) { return t.period < p; });
    if (at == periodTotals.end() || at->period != total.period)
      at = periodTotals.insert(at, {total.period, 0, 0});
    at->rows += total.rows;
    at->ore += total.ore;
  }
  warnings.insert(warnings.end(), later.warnings.begin(), later.warnings.end());
  notes.insert(notes.end(), later.notes.begin(), later.notes.end());
}

}  // namespace namnd
