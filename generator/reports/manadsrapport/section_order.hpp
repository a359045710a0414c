#pragma once
// Which parts the månadsrapport has and in which order: the list "sektioner" in
// templates/text/manadsrapport.json, each item {"id": …, "beskrivning": …} (the description is
// for whoever edits the file) or {"del": …}, the start of a part (see reports/section_order.hpp). A
// part left out of the list is left out of the report, except "kontroller", which every report
// carries.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "reports/report_texts.hpp"
#include "reports/section_order.hpp"

namespace namnd {

// Every part the builder knows, in the default order.
std::span<const std::string_view> manadsrapportSectionIds();

// Throws ConfigError naming the file for an unknown or repeated id, or when "kontroller" is
// missing. `file` is the template's name for messages.
std::vector<std::string> manadsrapportSectionOrder(const ReportTexts& texts,
                                                   const std::string& file);
// The same with the parts of the document ({"del": …} items) in their places.
std::vector<PlannedSection> manadsrapportSectionPlan(const ReportTexts& texts,
                                                     const std::string& file);

}  // namespace namnd
