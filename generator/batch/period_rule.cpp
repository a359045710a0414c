#include "batch/period_rule.hpp"

#include <ctime>

namespace namnd {

std::optional<Period> lastClosedMonth(const std::vector<ImportSummary>& importLog,
                                      Period currentMonth) {
  std::optional<Period> latest;
  for (const ImportSummary& import : importLog) {
    if (import.kind != SourceKind::Huvudbok) continue;
    for (const auto& total : import.periodTotals) {
      if (total.rows == 0) continue;
      const auto period = Period::parse(std::to_string(total.period));
      if (period && *period < currentMonth && (!latest || *latest < *period)) latest = period;
    }
  }
  return latest;
}

Period currentMonthByClock() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return Period(local.tm_year + 1900, local.tm_mon + 1);
}

}  // namespace namnd
