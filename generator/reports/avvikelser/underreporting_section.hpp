#pragma once
// The under-reporting signal as a section of its own: a lack of reports is a risk, not a
// success. Enheter with no avvikelse in the period, and — when the rule has a rate and its basis
// (arbetade timmar, or a volym such as brukare) has values for the period — enheter with fewer
// avvikelser than the rate per `per` units of the basis.

#include <optional>
#include <string>
#include <vector>

#include "reports/avvikelser/avvikelser_view.hpp"

namespace namnd {

// Whether the rate is applied: the rule has one, and its basis had values in the period (the
// enheter were judged against it).
bool underReportingBasisApplies(const AvvikelserView& view);

// The basis as the report names it in running text: "arbetade timmar", "brukare" (the rule's
// "namn", by default its "matt" as the config writes it).
std::string underReportingBasisName(const AvvikelserView& view);

// The check's warning when the rule has a rate but its basis no value for the period (only
// enheter without reports are then flagged); nullopt otherwise.
std::optional<CheckItem> underReportingBasisCheck(const AvvikelserView& view);

// The explaining text, then the table of flagged enheter (when any).
std::vector<Section> buildUnderReportingSections(const AvvikelserView& view);

}  // namespace namnd
