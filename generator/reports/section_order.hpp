#pragma once
// Which parts a report has and in which order: the list "sektioner" in its text template. An item
// {"id": …, "beskrivning": …} is a section the builder makes (the description is for whoever
// edits the file); an item {"del": "Tjänsteskrivelse"} starts a part of the document, whose title
// heads the sections after it up to the next part, and {"del": ""} ends a part. A section left out
// of the list is left out of the report, except "kontroller", which every report carries.

#include <string>
#include <vector>

#include "core/placeholders.hpp"
#include "reports/model/document.hpp"
#include "reports/report_texts.hpp"

namespace namnd {

// One item of "sektioner", in the template's order.
struct PlannedSection {
  bool isPart = false;
  std::string id;         // a section's id; a part's is "del-1", "del-2" … (its page anchor)
  std::string partTitle;  // a part's title, placeholders unexpanded; empty = ends the part before
};

// The sections and parts in the template's order. Throws ConfigError naming `file` for a section
// id not in `known`, a repeated id, an item that is neither a section nor a part (or both), or
// when "kontroller" is missing.
std::vector<PlannedSection> sectionPlan(const ReportTexts& texts,
                                        const std::vector<std::string>& known,
                                        const std::string& file);

// The section ids only, in the template's order (the parts left out); the same checks.
std::vector<std::string> sectionOrder(const ReportTexts& texts,
                                      const std::vector<std::string>& known,
                                      const std::string& file);

// The model's PartHeading for a part of the plan: its title with placeholders filled. ConfigError
// naming `file` when a placeholder is unknown.
PartHeading partHeading(const PlannedSection& part, const PlaceholderValues& values,
                        const std::string& file);

}  // namespace namnd
