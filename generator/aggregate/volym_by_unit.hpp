#pragma once
// One mått of the volymer summed over an enhet's ansvar, month by month: the volym counterpart of
// monthlyHoursUnder (aggregate/staffing_figures.hpp), with the same attribution, so that an
// enhet's hours and its volymer cover the same ansvar.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/org_tree.hpp"
#include "core/period.hpp"
#include "core/volym_table.hpp"

namespace namnd {

// Σ of `matt` (a canonical code) over the ansvar under `unit` (a node of `tree`, at any level,
// itself included) per month of `range`, oldest first, in hundredths; nullopt for a month where
// none of them has a row. A row without ansvar (the whole kommun) or on a code the tree does not
// know belongs to no enhet.
std::vector<std::optional<std::int64_t>> monthlyVolymUnder(const VolymTable& volymer,
                                                           const OrgTree& tree, const OrgNode& unit,
                                                           std::string_view matt,
                                                           PeriodRange range);

}  // namespace namnd
