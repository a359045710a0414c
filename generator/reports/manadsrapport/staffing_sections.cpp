#include "reports/manadsrapport/staffing_sections.hpp"

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "aggregate/staffing_figures.hpp"
#include "core/errors.hpp"
#include "core/number_format.hpp"
#include "core/rounding.hpp"
#include "core/swedish_calendar.hpp"

namespace namnd {
namespace {

constexpr std::int64_t kCentihoursPerHour = 100;
constexpr std::int64_t kOrePerKrona = 100;

std::int64_t wholeHours(std::int64_t centihours) {
  return roundHalfAwayFromZero(centihours, kCentihoursPerHour);
}
std::int64_t wholeKronor(std::int64_t ore) { return roundHalfAwayFromZero(ore, kOrePerKrona); }
double hours(std::int64_t centihours) {
  return static_cast<double>(centihours) / static_cast<double>(kCentihoursPerHour);
}
std::string formatHours(std::int64_t centihours) { return formatInteger(wholeHours(centihours)); }

// "cirka 12 heltider": whole numbers, but a fraction below one keeps a decimal ("cirka 0,4").
std::string approximately(double value) {
  return formatDecimal(value, std::fabs(value) < 0.95 ? 1 : 0);
}

// "cirka 237 000 kr": thousands, or whole kronor below a thousand.
std::string approximatelyKronor(std::int64_t ore) {
  constexpr std::int64_t kOrePerThousand = 1000 * kOrePerKrona;
  if (std::llabs(ore) < kOrePerThousand) return formatInteger(wholeKronor(ore));
  return formatInteger(roundHalfAwayFromZero(ore, kOrePerThousand) * 1000);
}

// A config value as the user wrote it: 165 → "165", 152.5 → "152,5", 31.42 → "31,42".
std::string formatParameter(double value) {
  std::string text = formatDecimal(value, 2);
  while (text.ends_with('0')) text.pop_back();
  if (text.ends_with(',')) text.pop_back();
  return text;
}

std::string formatKronorParameter(std::int64_t ore) {
  return ore % kOrePerKrona == 0 ? formatInteger(ore / kOrePerKrona) : formatOreAsKronor(ore);
}

bool isZero(const HrAmount& a) { return a.centihours == 0 && a.ore == 0; }

std::string codeList(const std::map<std::string, HrAmount, std::less<>>& codes) {
  std::string list;
  for (const auto& [code, amount] : codes) list += (list.empty() ? "" : ", ") + code;
  return list;
}

class StaffingBuilder {
 public:
  StaffingBuilder(const StaffingInput& input, const ReportTexts& texts)
      : in_(input),
        p_(input.parameters),
        texts_(texts),
        ack_(PeriodRange::ack(input.period)),
        month_{input.period, input.period} {
    addPeriodPlaceholders(values_, "period", input.period);
    const std::string ackWords =
        input.period.month() == 1
            ? std::string(swedishMonthAbbrev(1))
            : "jan\xE2\x80\x93" + std::string(swedishMonthAbbrev(input.period.month()));
    values_["ack"] = ackWords;  // "jan–okt": en dash in running text
    values_["Ack"] = capitalizeFirst(values_.at("period.ackmanader"));  // "Jan-okt" (titles)
    values_["manader"] = std::to_string(input.period.month());
  }

  std::vector<Section> build() {
    const HrKind kinds[] = {HrKind::Overtid, HrKind::Mertid, HrKind::Timavlonad, HrKind::Inhyrd,
                            HrKind::EjTillsatt};
    bool any = false;
    for (HrKind kind : kinds) any = any || hasHours(in_.hours, kind, ack_);
    if (!any) return {};

    // Checked before anything is built, so a wrong code is reported even without hours for it.
    const OrgNode* chartUnit = nullptr;
    if (!p_.chartUnit.empty()) {
      chartUnit = in_.tree.find(p_.chartUnit);
      if (!chartUnit)
        throw ConfigError("personal.diagram_enhet: koden \"" + p_.chartUnit +
                          "\" finns inte i organisationen för " + in_.period.toString() + ".");
    }

    const HoursByUnit overtid = byUnit(HrKind::Overtid, ack_);
    const HoursByUnit mertid = byUnit(HrKind::Mertid, ack_);
    const HoursByUnit timavlonade = byUnit(HrKind::Timavlonad, ack_);
    const HoursByUnit inhyrd = byUnit(HrKind::Inhyrd, ack_);
    const HoursByUnit ejTillsatt = byUnit(HrKind::EjTillsatt, month_);

    std::vector<Section> sections;
    TextSection text{"personal_nyckeltal", texts_.text("nyckeltal.rubrik", values_), {}, {}};
    addOvertimeSentences(text, overtid.total);
    if (timavlonade.total.centihours != 0) addHourlyPaidSentence(text, timavlonade.total);
    if (!isZero(inhyrd.total)) addHiredSentence(text, inhyrd.total);
    if (ejTillsatt.total.centihours != 0) addUnfilledSentence(text, ejTillsatt.total);
    sections.push_back(std::move(text));

    if (!isZero(overtid.total) || !isZero(mertid.total))
      sections.push_back(overtimeTable(overtid, mertid));
    if (timavlonade.total.centihours != 0) {
      sections.push_back(hourlyPaidTable(timavlonade));
      sections.push_back(hourlyPaidChart(timavlonade));
    }
    if (chartUnit) sections.push_back(overtimeAndHiredChart(*chartUnit));
    if (ejTillsatt.total.centihours != 0) sections.push_back(unfilledTable(ejTillsatt));

    addParameterNote(sections);
    auto& first = std::get<TextSection>(sections.front());
    if (first.paragraphs.empty()) sections.erase(sections.begin());
    return sections;
  }

 private:
  HoursByUnit byUnit(HrKind kind, PeriodRange range) const {
    return hoursByUnit(in_.hours, in_.tree, in_.unitLevel, kind, range);
  }

  std::string text(std::string_view key, PlaceholderValues extra = {}) const {
    PlaceholderValues values = values_;
    for (auto& [name, value] : extra) values[name] = std::move(value);
    return texts_.text(key, values);
  }

  // ---- Sentences ----

  void addOvertimeSentences(TextSection& section, const HrAmount& overtime) const {
    if (isZero(overtime)) return;
    const OvertimeAnnualWorkers aa =
        overtimeAnnualWorkers(overtime, p_.hoursPerFullTimeYear, p_.costPerFullTimeYearOre);
    const std::string byTime = formatDecimal(aa.byTime, 2);
    if (!aa.byMoney) {
      section.paragraphs.push_back(text("nyckeltal.overtid_tid", {{"tid", byTime}}));
      section.paragraphs.push_back(text(p_.costPerFullTimeYearOre <= 0
                                            ? "nyckeltal.overtid_saknar_kostnad"
                                            : "nyckeltal.overtid_saknar_belopp"));
      return;
    }
    section.paragraphs.push_back(
        text("nyckeltal.overtid_tid_och_pengar",
             {{"tid", byTime}, {"pengar", formatDecimal(*aa.byMoney, 2)}}));
    const double difference = *aa.difference();
    // Judged on the figure shown: "1,3 åa mer" only when it does not round to 0,0.
    if (std::round(difference * 10.0) > 0)
      section.paragraphs.push_back(
          text("nyckeltal.kunnat_anstalla", {{"skillnad", formatDecimal(difference, 1)}}));
    else
      section.paragraphs.push_back(text("nyckeltal.inte_dyrare"));
  }

  void addHourlyPaidSentence(TextSection& section, const HrAmount& total) const {
    const HourlyPaidFigures f = hourlyPaidFigures(total.centihours, total.centihours,
                                                  in_.period.month(), p_.hoursPerFullTimeMonth);
    section.paragraphs.push_back(
        text("nyckeltal.timavlonade", {{"timmar", formatHours(total.centihours)},
                                       {"snitt", formatDecimal(f.monthlyAverageHours, 0)},
                                       {"heltider", approximately(f.fullTimeOfAverage)}}));
  }

  void addHiredSentence(TextSection& section, const HrAmount& total) const {
    if (total.ore == 0)
      section.paragraphs.push_back(
          text("nyckeltal.inhyrd", {{"timmar", formatHours(total.centihours)}}));
    else
      section.paragraphs.push_back(
          text("nyckeltal.inhyrd_med_kr", {{"timmar", formatHours(total.centihours)},
                                           {"kr", formatInteger(wholeKronor(total.ore))}}));
  }

  void addUnfilledSentence(TextSection& section, const HrAmount& total) const {
    const UnfilledTimeFigures f = unfilledTimeFigures(total.centihours, p_.hoursPerFullTimeMonth,
                                                      p_.hourlyCostOre, p_.poPercent);
    if (f.savingOre)
      section.paragraphs.push_back(text(
          "nyckeltal.ej_tillsatt",
          {{"heltider", approximately(f.fullTime)}, {"kr", approximatelyKronor(*f.savingOre)}}));
    else
      section.paragraphs.push_back(
          text("nyckeltal.ej_tillsatt_utan_kostnad", {{"heltider", approximately(f.fullTime)}}));
  }

  // ---- Tables ----

  std::string unplacedLabel() const { return text("ej_placerat"); }

  std::string unplacedNote(std::int64_t centihours,
                           const std::map<std::string, HrAmount, std::less<>>& codes) const {
    return text("fotnot_ej_placerat", {{"timmar", formatHours(centihours)},
                                       {"koder", codeList(codes)},
                                       {"rad", unplacedLabel()}});
  }

  Table overtimeTable(const HoursByUnit& overtid, const HoursByUnit& mertid) const {
    bool withKronor = overtid.unplaced.ore != 0 || mertid.unplaced.ore != 0;
    for (std::size_t i = 0; i < overtid.rows.size(); ++i)
      withKronor = withKronor || overtid.rows[i].second.ore != 0 || mertid.rows[i].second.ore != 0;
    const bool withMoney = p_.costPerFullTimeYearOre > 0 && overtid.total.ore != 0;

    Table table;
    table.id = "personal_overtid";
    table.title = text("overtid.rubrik");
    table.unitNote = text("overtid.enhet");
    table.columns.push_back({text("enhet_kolumn"), ColumnKind::Text});
    table.columns.push_back({text("overtid.overtid_timmar"), ColumnKind::Count});
    if (withKronor) table.columns.push_back({text("overtid.overtid_kr"), ColumnKind::Count});
    table.columns.push_back({text("overtid.mertid_timmar"), ColumnKind::Count});
    if (withKronor) table.columns.push_back({text("overtid.mertid_kr"), ColumnKind::Count});
    table.columns.push_back({text("overtid.aa_tid"), ColumnKind::Decimal, 2});
    if (withMoney) table.columns.push_back({text("overtid.aa_pengar"), ColumnKind::Decimal, 2});

    auto row = [&](RowKind kind, std::string name, const HrAmount& ot, const HrAmount& mt) {
      Row r{kind, 0, {std::move(name)}};
      r.cells.push_back(wholeHours(ot.centihours));
      if (withKronor) r.cells.push_back(wholeKronor(ot.ore));
      r.cells.push_back(wholeHours(mt.centihours));
      if (withKronor) r.cells.push_back(wholeKronor(mt.ore));
      r.cells.push_back(annualWorkersByTime(ot.centihours, p_.hoursPerFullTimeYear));
      if (withMoney) r.cells.push_back(annualWorkersByMoney(ot.ore, p_.costPerFullTimeYearOre));
      table.rows.push_back(std::move(r));
    };
    for (std::size_t i = 0; i < overtid.rows.size(); ++i) {
      const HrAmount& ot = overtid.rows[i].second;
      const HrAmount& mt = mertid.rows[i].second;
      if (!isZero(ot) || !isZero(mt)) row(RowKind::Item, overtid.rows[i].first->name, ot, mt);
    }
    if (!isZero(overtid.unplaced) || !isZero(mertid.unplaced))
      row(RowKind::Item, unplacedLabel(), overtid.unplaced, mertid.unplaced);
    row(RowKind::Total, text("totalt"), overtid.total, mertid.total);

    table.footnotes.push_back(text("overtid.fotnot_aa"));
    if (!isZero(overtid.unplaced) || !isZero(mertid.unplaced)) {
      auto codes = overtid.unplacedCodes;
      for (const auto& [code, amount] : mertid.unplacedCodes) codes[code] += amount;
      table.footnotes.push_back(
          unplacedNote(overtid.unplaced.centihours + mertid.unplaced.centihours, codes));
    }
    return table;
  }

  Table hourlyPaidTable(const HoursByUnit& timavlonade) const {
    Table table;
    table.id = "personal_timavlonade";
    table.title = text("timavlonade.rubrik");
    table.unitNote = text("timavlonade.enhet");
    table.columns = {{text("enhet_kolumn"), ColumnKind::Text},
                     {text("timavlonade.timmar"), ColumnKind::Count},
                     {text("timavlonade.snitt"), ColumnKind::Count},
                     {text("timavlonade.andel"), ColumnKind::Percent, 1},
                     {text("timavlonade.heltider"), ColumnKind::Decimal, 1}};
    const std::int64_t total = timavlonade.total.centihours;
    auto row = [&](RowKind kind, std::string name, std::int64_t centihours) {
      const HourlyPaidFigures f =
          hourlyPaidFigures(centihours, total, in_.period.month(), p_.hoursPerFullTimeMonth);
      table.rows.push_back({kind,
                            0,
                            {std::move(name), wholeHours(centihours),
                             std::llround(f.monthlyAverageHours), f.share, f.fullTimeOfAverage}});
    };
    for (const auto& [node, amount] : timavlonade.rows)
      if (amount.centihours != 0) row(RowKind::Item, node->name, amount.centihours);
    if (timavlonade.unplaced.centihours != 0)
      row(RowKind::Item, unplacedLabel(), timavlonade.unplaced.centihours);
    row(RowKind::Total, text("totalt"), total);
    table.footnotes.push_back(text("timavlonade.fotnot"));
    if (timavlonade.unplaced.centihours != 0)
      table.footnotes.push_back(
          unplacedNote(timavlonade.unplaced.centihours, timavlonade.unplacedCodes));
    return table;
  }

  Table unfilledTable(const HoursByUnit& ejTillsatt) const {
    const bool withSaving = p_.hourlyCostOre > 0;
    Table table;
    table.id = "personal_ej_tillsatt";
    table.title = text("ej_tillsatt.rubrik");
    table.unitNote = text("ej_tillsatt.enhet");
    table.columns = {{text("enhet_kolumn"), ColumnKind::Text},
                     {text("ej_tillsatt.timmar"), ColumnKind::Count},
                     {text("ej_tillsatt.heltider"), ColumnKind::Decimal, 1}};
    if (withSaving) table.columns.push_back({text("ej_tillsatt.besparing"), ColumnKind::Count});
    auto row = [&](RowKind kind, std::string name, std::int64_t centihours) {
      const UnfilledTimeFigures f =
          unfilledTimeFigures(centihours, p_.hoursPerFullTimeMonth, p_.hourlyCostOre, p_.poPercent);
      Row r{kind, 0, {std::move(name), wholeHours(centihours), f.fullTime}};
      if (withSaving) r.cells.push_back(wholeKronor(*f.savingOre));
      table.rows.push_back(std::move(r));
    };
    for (const auto& [node, amount] : ejTillsatt.rows)
      if (amount.centihours != 0) row(RowKind::Item, node->name, amount.centihours);
    if (ejTillsatt.unplaced.centihours != 0)
      row(RowKind::Item, unplacedLabel(), ejTillsatt.unplaced.centihours);
    row(RowKind::Total, text("totalt"), ejTillsatt.total.centihours);
    table.footnotes.push_back(text("ej_tillsatt.fotnot"));
    if (ejTillsatt.unplaced.centihours != 0)
      table.footnotes.push_back(
          unplacedNote(ejTillsatt.unplaced.centihours, ejTillsatt.unplacedCodes));
    return table;
  }

  // ---- Charts ----

  Chart hourlyPaidChart(const HoursByUnit& timavlonade) const {
    Chart chart;
    chart.id = "personal_timavlonade_diagram";
    chart.title = text("diagram_timavlonade.rubrik");
    chart.valueAxis = text("diagram_timavlonade.axel");
    chart.kind = ChartKind::Bar;
    ChartSeries series{text("diagram_timavlonade.serie"), {}};
    std::string largest;
    std::int64_t largestCentihours = 0;
    auto add = [&](const std::string& name, std::int64_t centihours) {
      chart.categories.push_back(name);
      series.values.push_back(hours(centihours));
      if (largest.empty() || centihours > largestCentihours) {
        largest = name;
        largestCentihours = centihours;
      }
    };
    for (const auto& [node, amount] : timavlonade.rows)
      if (amount.centihours != 0) add(node->name, amount.centihours);
    if (timavlonade.unplaced.centihours != 0) add(unplacedLabel(), timavlonade.unplaced.centihours);
    chart.series.push_back(std::move(series));
    const std::int64_t total = timavlonade.total.centihours;
    chart.description = text(
        "diagram_timavlonade.beskrivning",
        {{"timmar", formatHours(total)},
         {"storst", largest},
         {"storst_timmar", formatHours(largestCentihours)},
         {"storst_andel",
          formatPercent(static_cast<double>(largestCentihours) / static_cast<double>(total), 0)}});
    return chart;
  }

  Chart overtimeAndHiredChart(const OrgNode& unit) const {
    const auto hired = monthlyHoursUnder(in_.hours, in_.tree, unit, HrKind::Inhyrd, ack_);
    const auto overtime = monthlyHoursUnder(in_.hours, in_.tree, unit, HrKind::Overtid, ack_);
    Chart chart;
    chart.id = "personal_overtid_inhyrd";
    chart.title = text("diagram_overtid_inhyrd.rubrik", {{"enhet", unit.name}});
    chart.valueAxis = text("diagram_overtid_inhyrd.axel");
    chart.kind = ChartKind::Column;
    ChartSeries hiredSeries{text("diagram_overtid_inhyrd.serie_inhyrd"), {}};
    ChartSeries overtimeSeries{text("diagram_overtid_inhyrd.serie_overtid"), {}};
    std::int64_t hiredTotal = 0;
    std::int64_t overtimeTotal = 0;
    for (int m = 1; m <= in_.period.month(); ++m) {
      const auto i = static_cast<std::size_t>(m - 1);
      chart.categories.emplace_back(swedishMonthAbbrev(m));
      hiredSeries.values.push_back(hours(hired[i].centihours));
      overtimeSeries.values.push_back(hours(overtime[i].centihours));
      hiredTotal += hired[i].centihours;
      overtimeTotal += overtime[i].centihours;
    }
    chart.series = {std::move(hiredSeries), std::move(overtimeSeries)};
    chart.description =
        text("diagram_overtid_inhyrd.beskrivning", {{"enhet", unit.name},
                                                    {"inhyrd", formatHours(hiredTotal)},
                                                    {"overtid", formatHours(overtimeTotal)}});
    return chart;
  }

  // ---- The parameters ----

  std::string parameterNote() const {
    std::string note =
        text("parametrar.heltid", {{"timmar", formatParameter(p_.hoursPerFullTimeMonth)}});
    note += "; " +
            text("parametrar.arsarbetare", {{"timmar", formatParameter(p_.hoursPerFullTimeYear)}});
    note += "; " + (p_.costPerFullTimeYearOre > 0
                        ? text("parametrar.kostnad",
                               {{"kr", formatKronorParameter(p_.costPerFullTimeYearOre)}})
                        : text("parametrar.kostnad_saknas"));
    note += "; " + (p_.hourlyCostOre > 0 ? text("parametrar.timkostnad",
                                                {{"kr", formatKronorParameter(p_.hourlyCostOre)}})
                                         : text("parametrar.timkostnad_saknas"));
    note += "; " + text("parametrar.po", {{"procent", formatParameter(p_.poPercent)}}) + ".";
    return note;
  }

  // On the first table; where there is none, as the last paragraph of the key figures.
  void addParameterNote(std::vector<Section>& sections) const {
    for (Section& section : sections)
      if (auto* table = std::get_if<Table>(&section)) {
        table->footnotes.insert(table->footnotes.begin(), parameterNote());
        return;
      }
    std::get<TextSection>(sections.front()).paragraphs.push_back(parameterNote());
  }

  const StaffingInput& in_;
  const StaffingParameters& p_;
  const ReportTexts& texts_;
  PeriodRange ack_;
  PeriodRange month_;
  PlaceholderValues values_;
};

}  // namespace

std::vector<Section> buildStaffingSections(const StaffingInput& input, const ReportTexts& texts) {
  return StaffingBuilder(input, texts).build();
}

}  // namespace namnd
