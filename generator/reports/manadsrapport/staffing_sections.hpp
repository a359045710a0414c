#pragma once
// The staffing part of the månadsrapport, from the hr input: övertid and mertid (hours, kr, and
// övertid in årsarbetare by time and by money), timavlönade hours per enhet (monthly average and
// share), inhyrd bemanning, and ej tillsatt tid (heltider and saved kr incl. PO). The parameters
// (hours per heltid and årsarbetare, PO %) are shown in a footnote.

#include <vector>

#include "core/hr_hours.hpp"
#include "core/org_tree.hpp"
#include "core/period.hpp"
#include "core/run_config.hpp"
#include "reports/model/document.hpp"
#include "reports/report_texts.hpp"

namespace namnd {

struct StaffingInput {
  const HrTable& hours;  // at least January through the period of the report's year
  const OrgTree& tree;   // as of the period
  int unitLevel = 3;     // the org level whose nodes are "enheter" in the tables and charts
  Period period;
  const StaffingParameters& parameters;
};

// Tables, charts and text in document order; empty when there are no hours for the year.
// `texts` is templates/text/personal.json. Throws ConfigError for a missing text.
std::vector<Section> buildStaffingSections(const StaffingInput& input, const ReportTexts& texts);

}  // namespace namnd
