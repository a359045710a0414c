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

}  // namespace namnd
