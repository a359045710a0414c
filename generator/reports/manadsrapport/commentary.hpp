#pragma once
// One commentary section per verksamhetsområde (notes 002 R18): the controller's own text from
// a comments file, then the enhetschefer's kommentar and åtgärd from the current prognosis
// snapshot, placed under their area through the org tree.
//
// The comments file is plain UTF-8 text that any editor can write, Markdown-like:
//
//   # 202510                  optional: a month block; when the file has any, only the block of
//                             the report's period is used (one file can serve the whole year)
//   ## Äldreomsorg            an area, by name or code (as in org.csv, at the report level)
//   Text lines form a paragraph; a blank line ends it.
//   - A bullet (also "* "); indented lines continue it.
//   <!-- a note to oneself, left out of the report; it ends at the first "-->" -->
//
// Text before the first area heading, an unknown area, or another kind of heading is an
// InputError naming the file and line (every block is checked, not only the one used).

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "aggregate/org_rollup.hpp"
#include "core/org_tree.hpp"
#include "core/period.hpp"
#include "core/placeholders.hpp"
#include "core/prognos_snapshot.hpp"
#include "reports/model/document.hpp"
#include "reports/report_texts.hpp"

namespace namnd {

struct AreaText {
  std::vector<std::string> paragraphs;
  std::vector<std::string> bullets;
};

using ControllerComments = std::map<std::string, AreaText, std::less<>>;  // area code → text

// `fileName` is used in error messages. Areas are the nodes of `tree` at `areaLevel`.
ControllerComments parseControllerComments(std::string_view text, const std::string& fileName,
                                           const OrgTree& tree, int areaLevel, Period period);
// Throws InputError when the file cannot be read or is malformed.
ControllerComments readControllerComments(const std::filesystem::path& file,
                                          const std::string& displayName, const OrgTree& tree,
                                          int areaLevel, Period period);

// Sections "kommentar_<code>" in the order of `areas`, only for areas with some text; comments
// of snapshot entries that belong to no area go to "kommentar_ovriga". With no text at all, one
// section "kommentarer" says so. `snapshot` may be null.
std::vector<Section> buildCommentarySections(const OrgRollup& areas,
                                             const ControllerComments& controller,
                                             const PrognosSnapshot* snapshot, const OrgTree& tree,
                                             const ReportTexts& texts,
                                             const PlaceholderValues& values);

}  // namespace namnd
