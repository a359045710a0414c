#pragma once
// The drill-down under each verksamhetsområde (notes 002 oracle O3): the area's own row (a
// subtotal with the area's figures, the same as in the main table) followed by its enheter one
// level below, each with ack budget, ack utfall, avvikelse and avvikelse in % of ack budget.
// Amounts are rounded per cell; what was posted on the area itself and on no enhet gets a row of
// its own, so the enheter and that row always add up to the area.

#include "aggregate/org_rollup.hpp"
#include "core/org_tree.hpp"
#include "core/placeholders.hpp"
#include "reports/model/document.hpp"
#include "reports/report_texts.hpp"

namespace namnd {

// `areas` is the rollup at the report level, `enheter` the same cube rolled up one level below
// (both from `tree`). The percentage is avvikelse ÷ |ack budget| (so that its sign is the
// deviation's even for a negative budget), empty when the ack budget is 0.
Table buildDrillDown(const OrgRollup& areas, const OrgRollup& enheter, const OrgTree& tree,
                     const ReportTexts& texts, const PlaceholderValues& values);

}  // namespace namnd
