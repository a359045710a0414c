#include "reports/delarsrapport/goal_tables.hpp"

#include <algorithm>

#include "reports/delarsrapport/goal_cell.hpp"

namespace namnd {
namespace {

bool anyMeasureStatus(const GoalImport& goals) {
  for (const GoalArea& area : goals.areas)
    for (const Goal& goal : area.goals)
      for (const GoalMeasure& measure : goal.measures)
        if (!measure.status.empty()) return true;
  return false;
}

// "*" + "Mätningen görs vartannat år" → "* Mätningen görs vartannat år"; a text that already
// starts with its marker, and one without a marker (about a whole column), are kept as typed.
std::string footnoteText(const GoalFootnote& note) {
  if (note.marker.empty() || note.text.starts_with(note.marker)) return note.text;
  return note.marker + " " + note.text;
}

}  // namespace

std::vector<Section> buildGoalSections(const GoalImport& goals, const ReportTexts& texts,
                                       const PlaceholderValues& values) {
  const bool withStatus = anyMeasureStatus(goals);
  std::vector<Column> columns = {{texts.text("mal.matetal", values), ColumnKind::Text}};
  std::vector<std::size_t> shownValues;
  for (std::size_t c = 0; c < kGoalValueCount; ++c) {
    if (!goals.hasColumn[c]) continue;
    shownValues.push_back(c);
    // Count: right-aligned; whole numbers stay numbers, text is shown as typed.
    columns.push_back(
        {texts.text("mal." + std::string(kGoalValueColumns[c]), values), ColumnKind::Count});
  }
  if (withStatus) columns.push_back({texts.text("mal.status", values), ColumnKind::Text});

  std::vector<Section> sections;
  for (std::size_t a = 0; a < goals.areas.size(); ++a) {
    const GoalArea& area = goals.areas[a];
    TextSection heading;
    heading.id = "malomrade_" + std::to_string(a + 1);
    heading.title = area.name;
    if (!area.vision.empty()) heading.paragraphs.push_back(area.vision);
    sections.emplace_back(std::move(heading));
    for (std::size_t g = 0; g < area.goals.size(); ++g) {
      const Goal& goal = area.goals[g];
      if (goal.measures.empty() && goal.status.empty()) continue;
      Table table;
      table.id = "mal_" + std::to_string(a + 1) + "_" + std::to_string(g + 1);
      if (goal.mal.empty()) {
        table.title = area.name;
      } else {
        PlaceholderValues withGoal = values;
        withGoal["mal"] = goal.mal;
        table.title = texts.text("mal.namndsmal", withGoal);
      }
      table.columns = columns;
      for (const GoalMeasure& measure : goal.measures) {
        Row row{
            RowKind::Item,
            0,
            {measure.fotnot.empty() ? measure.matetal : measure.matetal + " " + measure.fotnot}};
        for (const std::size_t c : shownValues) row.cells.push_back(goalCell(measure.values[c]));
        if (withStatus)
          row.cells.push_back(measure.status.empty() ? CellValue{} : CellValue{measure.status});
        table.rows.push_back(std::move(row));
      }
      if (!goal.status.empty()) {
        PlaceholderValues withStatusValue = values;
        withStatusValue["status"] = goal.status;
        Row row{RowKind::Subtotal, 0, {texts.text("mal.maluppfyllelse", withStatusValue)}};
        row.cells.resize(columns.size());
        table.rows.push_back(std::move(row));
      }
      for (const GoalFootnote& note : goal.footnotes) table.footnotes.push_back(footnoteText(note));
      sections.emplace_back(std::move(table));
    }
  }
  return sections;
}

Table buildMeasureTable(const GoalImport& measures, const ReportTexts& texts,
                        const PlaceholderValues& values) {
  Table table;
  table.id = "verksamhetsmatt";
  table.title = texts.text("verksamhetsmatt.rubrik", values);
  table.columns = {{texts.text("verksamhetsmatt.matt", values), ColumnKind::Text}};
  std::vector<std::size_t> shownValues;
  for (std::size_t c = 0; c < kGoalValueCount; ++c) {
    if (!measures.hasColumn[c]) continue;
    shownValues.push_back(c);
    table.columns.push_back(
        {texts.text("verksamhetsmatt." + std::string(kGoalValueColumns[c]), values),
         ColumnKind::Count});
  }
  const auto groupRow = [&](const std::string& label, int level) {
    Row row{RowKind::Subtotal, level, {label}};
    row.cells.resize(table.columns.size());
    table.rows.push_back(std::move(row));
  };
  for (const GoalArea& area : measures.areas) {
    groupRow(area.name, 0);
    for (const Goal& goal : area.goals) {
      const int level = goal.mal.empty() ? 1 : 2;
      if (!goal.mal.empty()) groupRow(goal.mal, 1);
      for (const GoalMeasure& measure : goal.measures) {
        Row row{
            RowKind::Item,
            level,
            {measure.fotnot.empty() ? measure.matetal : measure.matetal + " " + measure.fotnot}};
        for (const std::size_t c : shownValues) row.cells.push_back(goalCell(measure.values[c]));
        table.rows.push_back(std::move(row));
      }
      for (const GoalFootnote& note : goal.footnotes) {
        std::string text = footnoteText(note);
        if (std::find(table.footnotes.begin(), table.footnotes.end(), text) ==
            table.footnotes.end())
          table.footnotes.push_back(std::move(text));
      }
    }
  }
  return table;
}

}  // namespace namnd
