#pragma once
// The arithmetic behind the staffing figures of the månadsrapport, with every parameter explicit:
// hours → heltider and årsarbetare, övertid in årsarbetare by time and by money, the saving of
// unfilled time incl. PO, and the hr hours summed per enhet without losing any hour.
//
// Hours stay in hundredths and money in öre while they are summed; a ratio becomes a double only
// at the end.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/hr_hours.hpp"
#include "core/org_tree.hpp"
#include "core/period.hpp"

namespace namnd {

// ---- Formulas ----

// Heltider: hours ÷ hours of one heltid per month (1 853 h at 160 h → 11,58).
double fullTimeEquivalents(std::int64_t centihours, double hoursPerFullTimeMonth);

// Årsarbetare by time: hours ÷ årsarbetstid (1 785 h at 1 700 h → 1,05).
double annualWorkersByTime(std::int64_t centihours, double hoursPerFullTimeYear);

// Årsarbetare by money: kronor ÷ cost of one årsarbetare incl. PO (1 410 000 kr at 600 000 kr →
// 2,35). costPerFullTimeYearOre > 0.
double annualWorkersByMoney(std::int64_t ore, std::int64_t costPerFullTimeYearOre);

// hours × timkostnad × (1 + PO/100), in öre rounded half away from zero. PO is taken to
// hundredths of a percent (31,42 %), so that the product is exact integer arithmetic.
std::int64_t costIncludingPoOre(std::int64_t centihours, std::int64_t hourlyCostOre,
                                double poPercent);

// Övertid as årsarbetare, by time and (when the cost per årsarbetare is given and the hours carry
// kronor) by money. The difference is what "hade kunnat anställa X åa mer" says.
struct OvertimeAnnualWorkers {
  double byTime = 0;
  std::optional<double> byMoney;
  std::optional<double> difference() const {
    if (!byMoney) return std::nullopt;
    return *byMoney - byTime;
  }
};
OvertimeAnnualWorkers overtimeAnnualWorkers(const HrAmount& overtime, double hoursPerFullTimeYear,
                                            std::int64_t costPerFullTimeYearOre);

// Timavlönade hours of one enhet over `months` months (January through the report month).
struct HourlyPaidFigures {
  std::int64_t centihours = 0;
  double monthlyAverageHours = 0;  // Σ ÷ months
  double share = 0;              // Σ ÷ Σ of all enheter, a ratio (0.31 = 31 %); 0 when that is 0
  double fullTimeOfAverage = 0;  // monthly average ÷ hours per heltid-month
};
HourlyPaidFigures hourlyPaidFigures(std::int64_t centihours, std::int64_t totalCentihours,
                                    int months, double hoursPerFullTimeMonth);

// Ej tillsatt tid of one month: heltider, and the saving incl. PO when a timkostnad is given.
struct UnfilledTimeFigures {
  double fullTime = 0;
  std::optional<std::int64_t> savingOre;
};
UnfilledTimeFigures unfilledTimeFigures(std::int64_t centihours, double hoursPerFullTimeMonth,
                                        std::int64_t hourlyCostOre, double poPercent);

// ---- Sums per enhet ----

// One kind of hours over a range of months per node at one org level, in report order (nodes
// without hours included). Hours of codes the tree does not know, or that sit above the level,
// are kept apart: Σ rows + unplaced = total, the Σ of every matching row of the table.
struct HoursByUnit {
  std::vector<std::pair<const OrgNode*, HrAmount>> rows;
  std::map<std::string, HrAmount, std::less<>> unplacedCodes;
  HrAmount unplaced;
  HrAmount total;
};

// The rows point into `tree`, which must outlive the result.
HoursByUnit hoursByUnit(const HrTable& hours, const OrgTree& tree, int level, HrKind kind,
                        PeriodRange range);
HoursByUnit hoursByUnit(const HrTable& hours, OrgTree&& tree, int level, HrKind kind,
                        PeriodRange range) = delete;

// One kind of hours per month of `range` (one entry per month, oldest first) for the codes under
// `unit` (a node of `tree`, at any level, itself included).
std::vector<HrAmount> monthlyHoursUnder(const HrTable& hours, const OrgTree& tree,
                                        const OrgNode& unit, HrKind kind, PeriodRange range);

// Whether the table has any row of `kind` in `range`.
bool hasHours(const HrTable& hours, HrKind kind, PeriodRange range);

}  // namespace namnd
