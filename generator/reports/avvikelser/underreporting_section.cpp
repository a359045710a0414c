#include "reports/avvikelser/underreporting_section.hpp"

#include <algorithm>
#include <cmath>

#include "core/number_format.hpp"
#include "core/rounding.hpp"

namespace namnd {
namespace {

using Basis = UnderReportingRule::Basis;

UnderReportingRule configuredRule(const AvvikelserView& view) {
  return view.input().config.avvikelser.underReportingRule();
}

// The first letter in upper case: ASCII, and the two-byte UTF-8 letters à–þ (å, ä, ö, é).
std::string upperFirst(std::string text) {
  if (text.empty()) return text;
  const auto first = static_cast<unsigned char>(text[0]);
  if (first >= 'a' && first <= 'z') {
    text[0] = static_cast<char>(first - 32);
  } else if (first == 0xC3 && text.size() > 1) {
    const auto second = static_cast<unsigned char>(text[1]);
    if (second >= 0xA0 && second <= 0xBE && second != 0xB7)  // not ÷
      text[1] = static_cast<char>(second - 0x20);
  }
  return text;
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

PlaceholderValues basisValues(const AvvikelserView& view) {
  const UnderReportingRule rule = configuredRule(view);
  PlaceholderValues values;
  values["underlag"] = underReportingBasisName(view);
  values["underlag_rubrik"] = upperFirst(values["underlag"]);
  values["grans"] = configNumber(view, rule.minst);
  values["per"] = configNumber(view, rule.per);
  return values;
}

bool averaged(const UnderReportingRule& rule) {
  return rule.basis == Basis::Volym && !rule.summeras;
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
  if (!rule.name.empty()) return rule.name;
  std::string name = rule.matt;
  std::replace(name.begin(), name.end(), '_', ' ');
  return name;
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
  bool missingBasis = false;
  for (const UnitReporting& u : view.figures().units) {
    if (!u.flagged()) continue;
    Row row{.cells = {u.area->name, u.unit == u.area ? std::string() : u.unit->name, u.reports}};
    if (withBasis) {
      missingBasis |= !u.basis;
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
  if (missingBasis)
    table.footnotes.push_back(view.text("underrapportering.fotnot_underlag_saknas", values));
  std::string withoutBasis;
  for (const UnitReporting& u : view.figures().units)
    if (u.withoutBasis) withoutBasis += (withoutBasis.empty() ? "" : ", ") + u.unit->name;
  if (!withoutBasis.empty()) {
    PlaceholderValues names = values;
    names["enheter"] = withoutBasis;
    table.footnotes.push_back(view.text(rule.basis == Basis::ArbetadeTimmar
                                            ? "underrapportering.fotnot_utan_personal"
                                            : "underrapportering.fotnot_utan_volym",
                                        names));
  }
  return {intro, table};
}

}  // namespace namnd
