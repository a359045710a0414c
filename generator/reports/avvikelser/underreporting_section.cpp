#include "reports/avvikelser/underreporting_section.hpp"

#include <algorithm>
#include <cmath>

#include "core/number_format.hpp"
#include "core/rounding.hpp"
#include "core/swedish_calendar.hpp"

namespace namnd {
namespace {

using Basis = UnderReportingRule::Basis;

UnderReportingRule configuredRule(const AvvikelserView& view) {
  return view.input().config.avvikelser.underReportingRule();
}

// A config number as few decimals as it needs (at most two): 2 → "2", 2,5 → "2,5", 10 000.
std::string configNumber(const AvvikelserView& view, double value) {
  const std::string separator = view.text("tusentalsavgransare");
  for (int decimals = 0; decimals < 2; ++decimals) {
    const double scale = std::pow(10.0, decimals);
    if (std::abs(value * scale - std::round(value * scale)) < 1e-9)
      return formatDecimal(value, decimals, separator);
  }
  return formatDecimal(value, 2, separator);
}

bool averaged(const UnderReportingRule& rule) {
  return rule.basis == Basis::Volym && !rule.summeras;
}

PlaceholderValues basisValues(const AvvikelserView& view) {
  const UnderReportingRule rule = configuredRule(view);
  PlaceholderValues values;
  values["underlag"] = underReportingBasisName(view);
  values["underlag_rubrik"] = capitalizeFirst(values["underlag"]);
  values["grans"] = configNumber(view, rule.minst);
  values["avvikelser"] = view.text(rule.minst == 1 ? "underrapportering.avvikelse_en"
                                                   : "underrapportering.avvikelse_flera");
  values["per"] = configNumber(view, rule.per);
  // A stock's rate is per half-year (aggregate/avvikelse_units.hpp), and the texts say so.
  values["per_tid"] = averaged(rule) ? view.text("underrapportering.per_halvar") : "";
  return values;
}

}  // namespace

bool underReportingBasisApplies(const AvvikelserView& view) {
  if (!(configuredRule(view).minst > 0)) return false;
  // The enheter were judged against the basis exactly when it had values in the period: then
  // each has a basis or is marked as without one.
  const auto& units = view.figures().units;
  return std::any_of(units.begin(), units.end(),
                     [](const UnitReporting& u) { return u.basis || u.withoutBasis; });
}

std::string underReportingBasisName(const AvvikelserView& view) {
  const UnderReportingRule rule = configuredRule(view);
  if (rule.basis == Basis::ArbetadeTimmar) return view.text("underrapportering.arbetade_timmar");
  return rule.name.empty() ? rule.matt : rule.name;
}

std::optional<CheckItem> underReportingBasisCheck(const AvvikelserView& view) {
  if (!(configuredRule(view).minst > 0) || view.figures().units.empty() ||
      underReportingBasisApplies(view))
    return std::nullopt;
  const PlaceholderValues values = basisValues(view);
  return CheckItem{view.text("kontroller.underlag", values),
                   view.text("kontroller.detalj_underlag", values), CheckStatus::Warning};
}

std::vector<Section> buildUnderReportingSections(const AvvikelserView& view) {
  const UnderReportingRule rule = configuredRule(view);
  const bool withBasis = underReportingBasisApplies(view);
  const PlaceholderValues values = basisValues(view);
  TextSection intro{.id = "underrapportering", .title = view.text("underrapportering.rubrik")};
  intro.paragraphs.push_back(view.text("underrapportering.inledning"));
  intro.paragraphs.push_back(withBasis
                                 ? view.text("underrapportering.grund", values)
                                 : view.text("underrapportering.grund_utan_underlag", values));
  if (withBasis && rule.basis == Basis::Volym)
    intro.paragraphs.push_back(view.text(
        averaged(rule) ? "underrapportering.volym_snitt" : "underrapportering.volym_summa",
        values));

  Table table{.id = "underrapportering_enheter",
              .title = view.text("underrapportering.tabell_rubrik")};
  table.columns = {{view.text("underrapportering.kolumn_verksamhet"), ColumnKind::Text},
                   {view.text("underrapportering.kolumn_enhet"), ColumnKind::Text},
                   {view.text("underrapportering.kolumn_antal"), ColumnKind::Count}};
  if (withBasis) {
    // A stock's average is shown with one decimal (42,5 brukare); a sum as a whole number.
    if (averaged(rule))
      table.columns.push_back(
          {view.text("underrapportering.kolumn_underlag_snitt", values), ColumnKind::Decimal, 1});
    else
      table.columns.push_back(
          {view.text("underrapportering.kolumn_underlag_summa", values), ColumnKind::Count});
    table.columns.push_back(
        {view.text("underrapportering.kolumn_per", values), ColumnKind::Decimal, 1});
  }
  table.columns.push_back({view.text("underrapportering.kolumn_signal"), ColumnKind::Text});
  for (const UnitReporting& u : view.figures().units) {
    if (!u.flagged()) continue;
    Row row{.cells = {u.area->name, u.unit == u.area ? std::string() : u.unit->name, u.reports}};
    if (withBasis) {
      if (!u.basis)
        row.cells.push_back(CellValue());
      else if (averaged(rule))
        row.cells.push_back(static_cast<double>(*u.basis) / 100.0);
      else
        row.cells.push_back(roundHalfAwayFromZero(*u.basis, 100));
      row.cells.push_back(u.rate ? CellValue(*u.rate) : CellValue());
    }
    row.cells.push_back(
        view.text(u.noReports ? "underrapportering.signal_inga" : "underrapportering.signal_fa"));
    table.rows.push_back(std::move(row));
  }
  if (table.rows.empty()) {
    intro.paragraphs.push_back(view.text("underrapportering.inga"));
    return {intro};
  }
  // Enheter without a value of the basis: with staff of their own judged only on whether they
  // report at all, without staff not judged.
  std::string staffed, notJudged;
  for (const UnitReporting& u : view.figures().units) {
    if (!u.withoutBasis) continue;
    std::string& list = u.staffedWithoutBasis ? staffed : notJudged;
    list += (list.empty() ? "" : ", ") + u.unit->name;
  }
  const auto footnote = [&](const std::string& key, const std::string& names) {
    PlaceholderValues withNames = values;
    withNames["enheter"] = names;
    table.footnotes.push_back(view.text(key, withNames));
  };
  if (!staffed.empty()) footnote("underrapportering.fotnot_underlag_saknas", staffed);
  if (!notJudged.empty())
    footnote(rule.basis == Basis::ArbetadeTimmar ? "underrapportering.fotnot_utan_personal"
                                                 : "underrapportering.fotnot_utan_volym",
             notJudged);
  return {intro, table};
}

}  // namespace namnd
