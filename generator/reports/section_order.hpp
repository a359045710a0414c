#pragma once
// Which parts a report has and in which order: the list "sektioner" in its text template, each
// item {"id": …, "beskrivning": …} (the description is for whoever edits the file). A part left
// out of the list is left out of the report, except "kontroller", which every report carries.

#include <string>
#include <vector>

#include "reports/report_texts.hpp"

namespace namnd {

// The ids in the template's order. Throws ConfigError naming `file` for an id not in `known`, a
// repeated id, or when "kontroller" is missing.
std::vector<std::string> sectionOrder(const ReportTexts& texts,
                                      const std::vector<std::string>& known,
                                      const std::string& file);

}  // namespace namnd
