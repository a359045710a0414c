#include "aggregate/avvikelse_units.hpp"

#include <algorithm>
#include <functional>

#include "aggregate/avvikelse_counts.hpp"
#include "aggregate/staffing_figures.hpp"
#include "core/category_name.hpp"

namespace namnd {

namespace {

// The code points of a folded UTF-8 name (a byte that is not valid UTF-8 stands for itself).
std::vector<std::uint32_t> codePoints(std::string_view text) {
  std::vector<std::uint32_t> points;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t length = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
    if (length == 1 || i + length > text.size()) {
      points.push_back(c);
      ++i;
      continue;
    }
    std::uint32_t point = c & (0xFF >> (length + 1));
    for (std::size_t k = 1; k < length; ++k)
      point = (point << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    points.push_back(point);
    i += length;
  }
  return points;
}

// A letter's place in the Swedish alphabet: four slots per code point, so that å, ä and ö fit
// between z and the next character.
std::uint32_t swedishWeight(std::uint32_t point) {
  switch (point) {
    case 0xE5:  // å
      return 'z' * 4 + 1;
    case 0xE4:  // ä
    case 0xE6:  // æ
      return 'z' * 4 + 2;
    case 0xF6:  // ö
    case 0xF8:  // ø
      return 'z' * 4 + 3;
    case 0xE9:  // é
    case 0xE8:  // è
      return 'e' * 4;
    case 0xE1:  // á
    case 0xE0:  // à
      return 'a' * 4;
    case 0xFC:  // ü
      return 'y' * 4;
    default:
      return point * 4;
  }
}

}  // namespace

bool swedishLess(std::string_view a, std::string_view b) {
  const std::vector<std::uint32_t> x = codePoints(foldCategoryName(a));
  const std::vector<std::uint32_t> y = codePoints(foldCategoryName(b));
  const auto weightLess = [](std::uint32_t p, std::uint32_t q) {
    return swedishWeight(p) < swedishWeight(q);
  };
  if (std::lexicographical_compare(x.begin(), x.end(), y.begin(), y.end(), weightLess)) return true;
  if (std::lexicographical_compare(y.begin(), y.end(), x.begin(), x.end(), weightLess))
    return false;
  return a < b;
}

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
