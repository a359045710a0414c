#include "aggregate/staffing_figures.hpp"

#include <cmath>
#include <limits>

#include "core/rounding.hpp"

namespace namnd {
namespace {

constexpr double kCentihoursPerHour = 100.0;

using Int128 = WideInt;

bool inRange(const HrKey& key, HrKind kind, PeriodRange range) {
  return key.kind == kind && range.contains(key.period);
}

int monthIndex(Period first, Period p) {
  return (p.year() - first.year()) * 12 + p.month() - first.month();
}

}  // namespace

double fullTimeEquivalents(std::int64_t centihours, double hoursPerFullTimeMonth) {
  return static_cast<double>(centihours) / kCentihoursPerHour / hoursPerFullTimeMonth;
}

double annualWorkersByTime(std::int64_t centihours, double hoursPerFullTimeYear) {
  return static_cast<double>(centihours) / kCentihoursPerHour / hoursPerFullTimeYear;
}

double annualWorkersByMoney(std::int64_t ore, std::int64_t costPerFullTimeYearOre) {
  return static_cast<double>(ore) / static_cast<double>(costPerFullTimeYearOre);
}

std::int64_t costIncludingPoOre(std::int64_t centihours, std::int64_t hourlyCostOre,
                                double poPercent) {
  // centihours × öre/h × (10 000 + PO in hundredths of a percent) ÷ (100 × 10 000); 128 bits so
  // that a year of a large förvaltning's hours cannot overflow the product.
  const auto poHundredths = static_cast<Int128>(std::llround(poPercent * 100.0));
  const Int128 product = static_cast<Int128>(centihours) * hourlyCostOre * (10'000 + poHundredths);
  constexpr Int128 kDivisor = 100 * 10'000;
  // A result beyond 64 bits (beyond any real payroll) saturates rather than wraps.
  return divideRoundedWide(product, kDivisor)
      .value_or(product < 0 ? std::numeric_limits<std::int64_t>::min()
                            : std::numeric_limits<std::int64_t>::max());
}

OvertimeAnnualWorkers overtimeAnnualWorkers(const HrAmount& overtime, double hoursPerFullTimeYear,
                                            std::int64_t costPerFullTimeYearOre) {
  OvertimeAnnualWorkers result;
  result.byTime = annualWorkersByTime(overtime.centihours, hoursPerFullTimeYear);
  // No kronor in the input means the export had no belopp column, not that övertid was free.
  if (costPerFullTimeYearOre > 0 && overtime.ore != 0)
    result.byMoney = annualWorkersByMoney(overtime.ore, costPerFullTimeYearOre);
  return result;
}

HourlyPaidFigures hourlyPaidFigures(std::int64_t centihours, std::int64_t totalCentihours,
                                    int months, double hoursPerFullTimeMonth) {
  HourlyPaidFigures f;
  f.centihours = centihours;
  f.monthlyAverageHours = static_cast<double>(centihours) / kCentihoursPerHour / months;
  f.share = totalCentihours == 0
                ? 0.0
                : static_cast<double>(centihours) / static_cast<double>(totalCentihours);
  f.fullTimeOfAverage = f.monthlyAverageHours / hoursPerFullTimeMonth;
  return f;
}

UnfilledTimeFigures unfilledTimeFigures(std::int64_t centihours, double hoursPerFullTimeMonth,
                                        std::int64_t hourlyCostOre, double poPercent) {
  UnfilledTimeFigures f;
  f.fullTime = fullTimeEquivalents(centihours, hoursPerFullTimeMonth);
  if (hourlyCostOre > 0) f.savingOre = costIncludingPoOre(centihours, hourlyCostOre, poPercent);
  return f;
}

HoursByUnit hoursByUnit(const HrTable& hours, const OrgTree& tree, int level, HrKind kind,
                        PeriodRange range) {
  std::map<std::string, HrAmount, std::less<>> byCode;
  for (const auto& [key, amount] : hours)
    if (inRange(key, kind, range)) byCode[key.ansvar] += amount;

  HoursByUnit result;
  std::map<const OrgNode*, HrAmount> byNode;
  for (const auto& [code, amount] : byCode) {
    result.total += amount;
    if (const OrgNode* node = tree.ancestorAtLevel(code, level)) {
      byNode[node] += amount;
    } else {
      result.unplacedCodes[code] += amount;
      result.unplaced += amount;
    }
  }
  for (const OrgNode* node : tree.nodesAtLevel(level)) {
    const auto found = byNode.find(node);
    result.rows.emplace_back(node, found == byNode.end() ? HrAmount{} : found->second);
  }
  return result;
}

std::vector<HrAmount> monthlyHoursUnder(const HrTable& hours, const OrgTree& tree,
                                        const OrgNode& unit, HrKind kind, PeriodRange range) {
  std::vector<HrAmount> months(static_cast<std::size_t>(range.months()));
  for (const auto& [key, amount] : hours) {
    if (!inRange(key, kind, range)) continue;
    if (tree.ancestorAtLevel(key.ansvar, unit.level) != &unit) continue;
    months[static_cast<std::size_t>(monthIndex(range.first, key.period))] += amount;
  }
  return months;
}

bool hasHours(const HrTable& hours, HrKind kind, PeriodRange range) {
  for (const auto& [key, amount] : hours)
    if (inRange(key, kind, range) && (amount.centihours != 0 || amount.ore != 0)) return true;
  return false;
}

}  // namespace namnd
