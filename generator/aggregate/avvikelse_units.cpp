#include "aggregate/avvikelse_units.hpp"

#include <functional>

#include "aggregate/avvikelse_counts.hpp"
#include "aggregate/staffing_figures.hpp"

namespace namnd {

std::optional<DominantHandelsetyp> dominantHandelsetyp(const HandelsetypTally& tally) {
  std::optional<DominantHandelsetyp> best;
  // byType is in byte order, so the first of equals is kept: the stated tie rule.
  for (const auto& [name, count] : tally.byType) {
    if (name.empty() || count <= 0) continue;
    if (!best || count > best->count) {
      best = DominantHandelsetyp{name, count, {}};
    } else if (count == best->count) {
      best->tiedWith.push_back(name);
    }
  }
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

  const PeriodRange months = monthsOf(input.span);
  const bool withHours = input.hours && !input.hours->empty();
  std::vector<UnitReporting> result;
  for (const OrgNode* unit : units) {
    const OrgNode* area = tree.ancestorAtLevel(unit->code, input.areaLevel);
    if (!area || !reportingAreas.count(area->code)) continue;
    UnitReporting row;
    row.area = area;
    row.unit = unit;
    if (const auto found = reportsPerUnit.find(unit->code); found != reportsPerUnit.end())
      row.reports = found->second;
    if (withHours) {
      std::int64_t centihours = 0;
      for (const HrAmount& month :
           monthlyHoursUnder(*input.hours, tree, *unit, HrKind::Arbetad, months))
        centihours += month.centihours;
      row.withoutStaff = centihours == 0;
      if (centihours > 0) {
        row.centihours = centihours;
        row.perTenThousandHours =
            static_cast<double>(row.reports) * 10'000.0 * 100.0 / static_cast<double>(centihours);
      }
    }
    row.noReports = row.reports == 0;
    row.fewReports = !row.noReports && input.minPerTenThousandHours > 0 &&
                     row.perTenThousandHours &&
                     *row.perTenThousandHours < input.minPerTenThousandHours;
    result.push_back(row);
  }
  return result;
}

}  // namespace namnd
