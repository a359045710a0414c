#pragma once
// Mål: per målområde a heading with its vision, then per nämndsmål a table Mätetal | Utfall år−2
// | Utfall år−1 | Mål år | Delår år | Prognos år | Status with the cells as typed (see
// goal_cell.hpp), footnote markers after the mätetal and the footnotes' texts under the table.

#include <vector>

#include "core/placeholders.hpp"
#include "ingest/goal_reader.hpp"
#include "reports/model/document.hpp"
#include "reports/report_texts.hpp"

namespace namnd {

// Sections in order: TextSection "malomrade_<n>" (title the målområde, the vision as its
// paragraph), then Table "mal_<n>_<m>" per nämndsmål. Value columns are those the file has;
// Status only when some mätetal has a status. A nämndsmål's own status is a last row.
std::vector<Section> buildGoalSections(const GoalImport& goals, const ReportTexts& texts,
                                       const PlaceholderValues& values);

// Verksamhetsmått och nyckeltal: the same file shape as one table "verksamhetsmatt" — a group row
// per område (the file's malomrade), a nämndsmål (if any) as a group row beneath it, the mått as
// rows, the value columns the file has with headers from texts "verksamhetsmatt.*", and every
// område's footnotes under the table (each text once).
Table buildMeasureTable(const GoalImport& measures, const ReportTexts& texts,
                        const PlaceholderValues& values);

}  // namespace namnd
