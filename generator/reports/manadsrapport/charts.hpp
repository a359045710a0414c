#pragma once
// The månadsrapport's economic charts: ack utfall against ack budget per verksamhetsområde, and
// how the helår prognosis moved over the year's snapshots. Values are tkr, rounded per cell.

#include <vector>

#include "aggregate/org_rollup.hpp"
#include "aggregate/prognos_rollup.hpp"
#include "core/placeholders.hpp"
#include "reports/model/document.hpp"
#include "reports/report_texts.hpp"

namespace namnd {

// Columns per area: "Ack utfall" and "Ack budget".
Chart buildAreaChart(const OrgRollup& areas, const ReportTexts& texts,
                     const PlaceholderValues& values);

// A line per area and one for Totalt, one point per snapshot (ascending); an area without an
// entry in a snapshot has no point there.
Chart buildPrognosTrendChart(const OrgRollup& areas, const std::vector<PrognosRollup>& snapshots,
                             const ReportTexts& texts, const PlaceholderValues& values);

}  // namespace namnd
