#include "reports/avvikelser/underreporting_section.hpp"

#include "aggregate/staffing_figures.hpp"
#include "core/number_format.hpp"
#include "core/rounding.hpp"

namespace namnd {

bool underReportingUsesHours(const AvvikelserView& view) {
  const AvvikelserInput& input = view.input();
  return input.config.avvikelser.minPerTenThousandHours > 0 && input.hours &&
         hasHours(*input.hours, HrKind::Arbetad, monthsOf(view.period()));
}

std::vector<Section> buildUnderReportingSections(const AvvikelserView& view) {
  const bool withHours = underReportingUsesHours(view);
  TextSection intro{.id = "underrapportering", .title = view.text("underrapportering.rubrik")};
  intro.paragraphs.push_back(view.text("underrapportering.inledning"));
  intro.paragraphs.push_back(
      withHours
          ? view.text("underrapportering.grund_timmar",
                      {{"grans",
                        formatDecimal(view.input().config.avvikelser.minPerTenThousandHours, 1)}})
          : view.text("underrapportering.grund_utan_timmar"));

  Table table{.id = "underrapportering_enheter",
              .title = view.text("underrapportering.tabell_rubrik")};
  table.columns = {{view.text("underrapportering.kolumn_verksamhet"), ColumnKind::Text},
                   {view.text("underrapportering.kolumn_enhet"), ColumnKind::Text},
                   {view.text("underrapportering.kolumn_antal"), ColumnKind::Count}};
  if (withHours) {
    table.columns.push_back({view.text("underrapportering.kolumn_timmar"), ColumnKind::Count});
    table.columns.push_back(
        {view.text("underrapportering.kolumn_per_timmar"), ColumnKind::Decimal, 1});
  }
  table.columns.push_back({view.text("underrapportering.kolumn_signal"), ColumnKind::Text});
  bool missingHours = false;
  for (const UnitReporting& u : view.figures().units) {
    if (!u.flagged()) continue;
    Row row{.cells = {u.area->name, u.unit == u.area ? std::string() : u.unit->name, u.reports}};
    if (withHours) {
      missingHours |= !u.centihours;
      row.cells.push_back(u.centihours ? CellValue(roundHalfAwayFromZero(*u.centihours, 100))
                                       : CellValue());
      row.cells.push_back(u.perTenThousandHours ? CellValue(*u.perTenThousandHours) : CellValue());
    }
    row.cells.push_back(
        view.text(u.noReports ? "underrapportering.signal_inga" : "underrapportering.signal_fa"));
    table.rows.push_back(std::move(row));
  }
  if (table.rows.empty()) {
    intro.paragraphs.push_back(view.text("underrapportering.inga"));
    return {intro};
  }
  if (missingHours) table.footnotes.push_back(view.text("underrapportering.fotnot_timmar_saknas"));
  std::string withoutStaff;
  for (const UnitReporting& u : view.figures().units)
    if (u.withoutStaff) withoutStaff += (withoutStaff.empty() ? "" : ", ") + u.unit->name;
  if (!withoutStaff.empty()) {
    PlaceholderValues names;
    names["enheter"] = withoutStaff;
    table.footnotes.push_back(view.text("underrapportering.fotnot_utan_personal", names));
  }
  return {intro, table};
}

}  // namespace namnd
