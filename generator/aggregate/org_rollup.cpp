#include "aggregate/org_rollup.hpp"

#include <vector>

#include "aggregate/cell_figures.hpp"

namespace namnd {

Figures OrgRollup::under(const OrgTree& tree, std::string_view code) const {
  Figures sum;
  const OrgNode* node = tree.find(code);
  if (!node) return sum;
  for (const auto& [leaf, figures] : byCode)
    if (tree.ancestorAtLevel(leaf, node->level) == node) sum += figures;
  return sum;
}

OrgRollup rollUpToLevel(const Cube& yearCube, const OrgTree& tree, int level, Period through) {
  OrgRollup rollup{.through = through, .level = level};
  const PeriodRange year = PeriodRange::wholeYear(through.year());

  // Sum per ansvar id first (an index, no map lookup per cell), then name the codes once.
  std::vector<Figures> byId(yearCube.codeCount());
  std::vector<std::string_view> codeOf(yearCube.codeCount());
  std::vector<bool> seen(yearCube.codeCount(), false);
  yearCube.forEachUnordered([&](const CubeCell& cell) {
    if (!year.contains(cell.period)) return;
    byId[cell.ids.ansvar] += cellFigures(cell, through);
    rollup.laterRevisions += laterRevisionOre(cell, through);
    codeOf[cell.ids.ansvar] = cell.ansvar;
    seen[cell.ids.ansvar] = true;
  });
  for (std::size_t id = 0; id < byId.size(); ++id) {
    if (!seen[id]) continue;
    rollup.byCode[std::string(codeOf[id])] += byId[id];
    rollup.source += byId[id];
  }

  std::map<const OrgNode*, Figures> byNode;
  for (const auto& [code, figures] : rollup.byCode) {
    if (const OrgNode* node = tree.ancestorAtLevel(code, level)) {
      byNode[node] += figures;
    } else {
      rollup.unmappedCodes[code] += figures;
      rollup.unmapped += figures;
    }
  }
  for (const OrgNode* node : tree.nodesAtLevel(level)) {
    const auto found = byNode.find(node);
    const Figures figures = found == byNode.end() ? Figures{} : found->second;
    rollup.rows.emplace_back(node, figures);
    rollup.reported += figures;
  }
  return rollup;
}

}  // namespace namnd
