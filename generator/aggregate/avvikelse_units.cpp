#include "aggregate/avvikelse_units.hpp"

#include <algorithm>
#include <functional>

#include "aggregate/avvikelse_counts.hpp"
#include "aggregate/staffing_figures.hpp"
#include "aggregate/volym_by_unit.hpp"
#include "core/category_name.hpp"
#include "core/rounding.hpp"

namespace namnd {

std::optional<DominantHandelsetyp> dominantHandelsetyp(const HandelsetypTally& tally) {
  std::optional<DominantHandelsetyp> best;
  std::vector<std::string> tied;
  for (const auto& [name, count] : tally.byType) {
    if (name.empty() || count <= 0) continue;
    if (!best || count > best->count) {
      best = DominantHandelsetyp{name, count, {}};
      tied = {name};
    } else if (count == best->count) {
      tied.push_back(name);
    }
  }
  if (!best) return best;
  std::sort(tied.begin(), tied.end(),
            [](const std::string& a, const std::string& b) { return swedishLess(a, b); });
  best->handelsetyp = tied.front();
  best->tiedWith.assign(tied.begin() + 1, tied.end());
  return best;
}

const HandelsetypTally* OrgTally::find(std::string_view code) const {
  const auto found = byNode.find(code);
  return found == byNode.end() ? nullptr : &found->second;
}

std::int64_t OrgTally::count(std::string_view code) const {
  const HandelsetypTally* tally = find(code);
  return tally ? tally->total : 0;
}

OrgTally tallyByOrg(std::span<const AvvikelseRecord* const> records, const OrgTree& tree,
                    int topLevel) {
  OrgTally result;
  for (const AvvikelseRecord* r : records) {
    result.all.add(r->handelsetyp);
    const OrgNode* node = tree.find(r->org);
    if (!node || node->level < topLevel) {
      result.unplaced.add(r->handelsetyp);
      ++result.unplacedCodes[r->org];
      continue;
    }
    while (node && node->level >= topLevel) {
      result.byNode[node->code].add(r->handelsetyp);
      node = node->parent.empty() ? nullptr : tree.find(node->parent);
    }
  }
  return result;
}

std::vector<const OrgNode*> reportUnits(const OrgTree& tree, int areaLevel, int unitLevel) {
  std::vector<const OrgNode*> units;
  std::function<void(const OrgNode&)> walk = [&](const OrgNode& node) {
    const auto children = tree.children(node.code);
    if (node.level >= unitLevel || children.empty()) {
      units.push_back(&node);
      return;
    }
    for (const OrgNode* child : children) walk(*child);
  };
  for (const OrgNode* area : tree.nodesAtLevel(areaLevel)) walk(*area);
  return units;
}

const OrgNode* unitOf(const OrgTree& tree, std::string_view code,
                      const std::set<std::string, std::less<>>& unitCodes) {
  const OrgNode* node = tree.find(code);
  while (node) {
    if (unitCodes.count(node->code)) return node;
    node = node->parent.empty() ? nullptr : tree.find(node->parent);
  }
  return nullptr;
}

PeriodRange monthsOf(const HalfYearPeriod& span) {
  return {Period(span.year, span.half == 2 ? 7 : 1), Period(span.year, span.half == 1 ? 6 : 12)};
}

bool basisHasValues(const UnderReportingRule& rule, const HrTable* hours, const VolymTable* volymer,
                    const HalfYearPeriod& span) {
  const PeriodRange months = monthsOf(span);
  if (rule.basis == UnderReportingRule::Basis::ArbetadeTimmar)
    return hours && hasHours(*hours, HrKind::Arbetad, months);
  if (!volymer) return false;
  for (const Period p : volymer->periods(rule.matt))
    if (months.contains(p)) return true;
  return false;
}

namespace {

// An enhet's basis over the span as an exact fraction: hundredths over `months` (the months a
// stock is averaged over; 1 for a sum). 0 / 0 when it has no value.
struct BasisFraction {
  std::int64_t hundredths = 0;
  std::int64_t months = 0;
};

// The enhet's arbetade timmar over the months, in hundredths of an hour.
std::int64_t workedCentihours(const HrTable& hours, const OrgTree& tree, const OrgNode& unit,
                              PeriodRange months) {
  std::int64_t centihours = 0;
  for (const HrAmount& month : monthlyHoursUnder(hours, tree, unit, HrKind::Arbetad, months))
    centihours += month.centihours;
  return centihours;
}

BasisFraction basisOf(const UnderReportingInput& input, const UnderReportingRule& rule,
                      const OrgNode& unit, PeriodRange months) {
  BasisFraction basis;
  if (rule.basis == UnderReportingRule::Basis::ArbetadeTimmar)
    return {workedCentihours(*input.hours, input.tree, unit, months), 1};
  for (const std::optional<std::int64_t>& month :
       monthlyVolymUnder(*input.volymer, input.tree, unit, rule.matt, months)) {
    if (!month) continue;
    basis.hundredths += *month;
    ++basis.months;
  }
  if (rule.summeras && basis.months > 0) basis.months = 1;
  return basis;
}

}  // namespace

std::vector<UnitReporting> underReporting(const UnderReportingInput& input) {
  const OrgTree& tree = input.tree;
  const std::vector<const OrgNode*> units = reportUnits(tree, input.areaLevel, input.unitLevel);
  std::set<std::string, std::less<>> unitCodes;
  for (const OrgNode* u : units) unitCodes.insert(u->code);

  std::set<std::string, std::less<>> reportingAreas;
  std::map<std::string, std::int64_t, std::less<>> reportsPerUnit;
  for (const AvvikelseRecord& r : input.records) {
    if (r.typ != AvvikelseTyp::Avvikelse) continue;
    if (const OrgNode* area = tree.ancestorAtLevel(r.org, input.areaLevel))
      reportingAreas.insert(area->code);
    if (!registeredIn(r, input.span)) continue;
    if (const OrgNode* unit = unitOf(tree, r.org, unitCodes)) ++reportsPerUnit[unit->code];
  }

  const UnderReportingRule& rule = input.rule;
  const bool hoursBasis = rule.basis == UnderReportingRule::Basis::ArbetadeTimmar;
  const PeriodRange months = monthsOf(input.span);
  // A stock's rate is per half-year, so that one threshold means the same in a half-year report
  // and in a year's (a year has twice the reports on the same number of brukare).
  const std::int64_t halfYearsInSpan = input.span.half == 0 ? 2 : 1;
  const bool stock = rule.basis == UnderReportingRule::Basis::Volym && !rule.summeras;
  const bool withBasis = basisHasValues(rule, input.hours, input.volymer, input.span);
  std::vector<UnitReporting> result;
  for (const OrgNode* unit : units) {
    const OrgNode* area = tree.ancestorAtLevel(unit->code, input.areaLevel);
    if (!area || !reportingAreas.count(area->code)) continue;
    UnitReporting row;
    row.area = area;
    row.unit = unit;
    if (const auto found = reportsPerUnit.find(unit->code); found != reportsPerUnit.end())
      row.reports = found->second;
    row.noReports = row.reports == 0;
    if (withBasis) {
      const BasisFraction basis = basisOf(input, rule, *unit, months);
      row.withoutBasis = basis.hundredths <= 0;
      if (row.withoutBasis && !hoursBasis && input.hours)
        row.staffedWithoutBasis = workedCentihours(*input.hours, tree, *unit, months) > 0;
      if (!row.withoutBasis) {
        row.basis = roundHalfAwayFromZero(basis.hundredths, basis.months);
        // reports ÷ (basis ÷ per), the basis being hundredths ÷ 100 ÷ months; a stock's per
        // half-year.
        const double reportsTimesScale =
            static_cast<double>(row.reports) * rule.per * 100.0 * static_cast<double>(basis.months);
        const auto hundredths = static_cast<double>(basis.hundredths) *
                                static_cast<double>(stock ? halfYearsInSpan : 1);
        row.rate = reportsTimesScale / hundredths;
        // Compared without the division, so that an enhet exactly at the rate is not flagged
        // by a rounding of the quotient.
        row.fewReports =
            !row.noReports && rule.minst > 0 && reportsTimesScale < rule.minst * hundredths;
        if (hoursBasis) {
          row.centihours = basis.hundredths;
          row.perTenThousandHours = static_cast<double>(row.reports) * 10'000.0 * 100.0 /
                                    static_cast<double>(basis.hundredths);
        }
      }
    }
    result.push_back(row);
  }
  return result;
}

}  // namespace namnd
