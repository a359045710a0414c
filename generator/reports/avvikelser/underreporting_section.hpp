#pragma once
// The under-reporting signal as a section of its own: a lack of reports is a risk, not a
// success. Enheter with no avvikelse in the period, and — when a rate is configured and arbetade
// timmar are given — enheter with fewer than the rate per 10 000 timmar.

#include <vector>

#include "reports/avvikelser/avvikelser_view.hpp"

namespace namnd {

// Whether the rate per 10 000 arbetade timmar is applied: configured, and hours of kind Arbetad
// exist in the period.
bool underReportingUsesHours(const AvvikelserView& view);

// The explaining text, then the table of flagged enheter (when any).
std::vector<Section> buildUnderReportingSections(const AvvikelserView& view);

}  // namespace namnd
