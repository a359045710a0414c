#include "reports/prognosunderlag/prognosunderlag_builder.hpp"

#include <algorithm>
#include <map>

#include "aggregate/org_rollup.hpp"
#include "core/placeholders.hpp"

namespace namnd {
namespace {

struct Candidate {
  const OrgNode* node;
  bool leaf;
};

// The node and everything beneath it, depth first in report order.
void collectSubtree(const OrgTree& tree, const OrgNode* node, std::vector<Candidate>& out) {
  const auto children = tree.children(node->code);
  out.push_back({node, children.empty()});
  for (const OrgNode* child : children) collectSubtree(tree, child, out);
}

// The previous snapshot's prognosis and comments onto the row: an outcome given there becomes
// a deviation against the row's budget helår; the comments pre-fill the input cells, so that an
// unchanged comment comes back with the import.
void carryPrevious(const PrognosEntry& entry, PrognosunderlagRow& row) {
  row.previousAvvikelseOre =
      entry.avvikelseOre ? *entry.avvikelseOre : row.figures.helarBudget - *entry.prognosOre;
  row.previousKommentar = entry.kommentar;
  row.kommentar = entry.kommentar;
  row.atgard = entry.atgard;
}

}  // namespace

int prognosunderlagLevel(const RunConfig& config) {
  if (config.prognosunderlag.level > 0) return config.prognosunderlag.level;
  const int deepest = std::max(1, static_cast<int>(config.levelNames.size()));
  return std::min(config.reportLevel + 1, deepest);
}

std::optional<Period> previousSnapshotPeriod(const std::vector<Period>& periods, Period period) {
  std::optional<Period> latest;
  for (const Period p : periods)
    if (p.year() == period.year() && p < period && (!latest || *latest < p)) latest = p;
  return latest;
}

Prognosunderlag buildPrognosunderlag(const PrognosunderlagInput& input, const ReportTexts& texts) {
  const OrgTree& tree = *input.tree;
  PlaceholderValues values{{"kommun", input.kommun}, {"namnd", input.namnd}};
  addPeriodPlaceholders(values, "period", input.period);

  Prognosunderlag underlag{.kommun = input.kommun, .period = input.period};
  if (input.previous) underlag.previousPeriod = input.previous->period;
  underlag.subtitle = texts.text("underrubrik", values);
  for (const auto& [number, line] : texts.pairs("instruktioner", "nr", "text"))
    underlag.instructions.push_back(expandPlaceholders(line, values));

  // The figures of every code booked in the year (ack utfall, ack and helår budget).
  const OrgRollup rollup = rollUpToLevel(*input.yearCube, tree, input.unitLevel, input.period);
  std::map<std::string, const PrognosEntry*, std::less<>> previousByNode;
  if (input.previous)
    for (const PrognosEntry& entry : input.previous->entries) previousByNode[entry.node] = &entry;

  for (const OrgNode* unitNode : tree.nodesAtLevel(input.unitLevel)) {
    PrognosunderlagUnit unit{.code = unitNode->code, .name = unitNode->name};
    PlaceholderValues unitValues = values;
    unitValues["enhet"] = unitNode->name;
    unitValues["enhetskod"] = unitNode->code;
    unit.title = texts.text("titel", unitValues);
    unit.sumLabel = texts.text("summa", unitValues);

    std::vector<Candidate> candidates;
    collectSubtree(tree, unitNode, candidates);
    for (const auto& [node, isLeaf] : candidates) {
      // Ledger and budget rows name org nodes, so a node's own figures are its code's.
      const auto data = rollup.byCode.find(node->code);
      const bool hasData = data != rollup.byCode.end();
      const Figures figures = hasData ? data->second : Figures{};
      const auto previous = previousByNode.find(node->code);
      const PrognosEntry* entry = previous == previousByNode.end() ? nullptr : previous->second;
      // A node above the ansvar level is a row only for amounts booked on it directly.
      if (isLeaf ? !hasData && !entry : !hasData) continue;

      PrognosunderlagRow row{.code = node->code, .name = node->name, .figures = figures};
      // The unit's own code on a unit with ansvar beneath it: its prognosis is the unit row's.
      row.takesPrognosis = node != unitNode || isLeaf;
      if (entry && row.takesPrognosis) carryPrevious(*entry, row);
      row.proposal = proposePrognosis(node->code, figures, input.period, input.choice);
      row.methodText = proposalMethodText(row.proposal.method);
      unit.total += figures;
      unit.rows.push_back(std::move(row));
    }

    const auto unitEntry = previousByNode.find(unitNode->code);
    const bool hasUnitEntry = unitEntry != previousByNode.end();
    if (!tree.children(unitNode->code).empty()) {
      PrognosunderlagRow whole{
          .code = unitNode->code, .name = unitNode->name, .figures = unit.total};
      if (hasUnitEntry) carryPrevious(*unitEntry->second, whole);
      whole.proposal = proposePrognosis(unitNode->code, unit.total, input.period, input.choice);
      whole.methodText = proposalMethodText(whole.proposal.method);
      unit.wholeUnit = std::move(whole);
    }
    const bool unitPrognosis = unit.wholeUnit && unit.wholeUnit->previousAvvikelseOre;
    if (!unit.rows.empty() || unitPrognosis) underlag.units.push_back(std::move(unit));
  }
  return underlag;
}

}  // namespace namnd
