#include "aggregate/volym_by_unit.hpp"

namespace namnd {

std::vector<std::optional<std::int64_t>> monthlyVolymUnder(const VolymTable& volymer,
                                                           const OrgTree& tree, const OrgNode& unit,
                                                           std::string_view matt,
                                                           PeriodRange range) {
  // The codes monthlyHoursUnder counts for the enhet: those whose ancestor at its level is it.
  std::vector<const OrgNode*> codes;
  for (const OrgNode* node : tree.allNodes())
    if (tree.ancestorAtLevel(node->code, unit.level) == &unit) codes.push_back(node);
  std::vector<std::optional<std::int64_t>> months;
  for (Period p = range.first; p <= range.last; p = p.next()) {
    std::optional<std::int64_t> sum;
    for (const OrgNode* node : codes)
      if (const auto value = volymer.value(matt, node->code, p)) sum = sum.value_or(0) + *value;
    months.push_back(sum);
  }
  return months;
}

}  // namespace namnd
