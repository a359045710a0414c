#include "aggregate/prognos_rollup.hpp"

namespace namnd {

PrognosRollup rollUpPrognos(const PrognosSnapshot& snapshot, const OrgTree& tree,
                            const OrgRollup& figures) {
  PrognosRollup result{.snapshotPeriod = snapshot.period};
  for (const PrognosEntry& entry : snapshot.entries) {
    const std::int64_t avvikelse =
        entry.avvikelseOre ? *entry.avvikelseOre
                           : figures.under(tree, entry.node).helarBudget - *entry.prognosOre;
    const OrgNode* node = tree.ancestorAtLevel(entry.node, figures.level);
    if (!node) {
      result.unmapped.emplace_back(entry.node, avvikelse);
      continue;
    }
    result.avvikelseByNode[node->code] += avvikelse;
    result.total += avvikelse;
  }
  for (const auto& [node, f] : figures.rows)
    if ((f.helarBudget != 0 || f.ackUtfall != 0) && !result.avvikelseByNode.count(node->code)) {
      result.missing.push_back(node->name);
      result.missingCodes.push_back(node->code);
    }
  return result;
}

}  // namespace namnd
