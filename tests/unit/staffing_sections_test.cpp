#include "reports/manadsrapport/staffing_sections.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <variant>
#include <vector>

#include "core/errors.hpp"
#include "support/test_support.hpp"

namespace namnd {
namespace {

using testing::mentions;
using testing::thrown;

const std::string kNbsp = "\xC2\xA0";
constexpr std::int64_t kOre = 100;  // per krona

ReportTexts personalTexts() {
  return ReportTexts::load(testing::repoPath("templates/text/personal.json"));
}

// SN (1) → KPV, ÄO (2) → Hemsjukvård under KPV; Hemtjänsten, Säbo under ÄO (3) → ansvar (4).
OrgTree exampleTree() {
  OrgTree tree;
  tree.add({"SN", "Socialnämnden", "", 1, 1, {}});
  tree.add({"KPV", "KPV", "SN", 2, 1, {}});
  tree.add({"AO", "Äldreomsorg", "SN", 2, 2, {}});
  tree.add({"K1", "Hemsjukvård", "KPV", 3, 1, {}});
  tree.add({"HT", "Hemtjänsten", "AO", 3, 1, {}});
  tree.add({"SABO", "Säbo", "AO", 3, 2, {}});
  tree.add({"7101", "Hemsjukvård Dals", "K1", 4, 1, {}});
  tree.add({"7201", "Hemtjänst norr", "HT", 4, 1, {}});
  tree.add({"7202", "Hemtjänst söder", "HT", 4, 2, {}});
  tree.add({"7301", "Solgården", "SABO", 4, 1, {}});
  tree.validate();
  return tree;
}

void put(HrTable& table, const std::string& ansvar, int year, int month, HrKind kind, double hours,
         std::int64_t kronor = 0) {
  table[HrKey{ansvar, Period(year, month), kind}] +=
      HrAmount{std::llround(hours * 100), kronor * kOre};
}

// Built so that the Färgelanda sentences come out: övertid 1 785 h and 1 410 000 kr; timavlönade
// 59 700 h in ten months; 960 h ej tillsatt in October (6 heltider at 160 h).
HrTable exampleHours() {
  HrTable t;
  put(t, "7101", 2025, 1, HrKind::Overtid, 1000, 800'000);
  put(t, "7101", 2025, 3, HrKind::Overtid, 500.5, 400'000);
  put(t, "7201", 2025, 2, HrKind::Overtid, 284.5, 210'000);
  put(t, "7101", 2025, 11, HrKind::Overtid, 999, 999'000);  // after the period
  put(t, "7101", 2024, 12, HrKind::Overtid, 999, 999'000);  // the year before
  put(t, "7301", 2025, 4, HrKind::Mertid, 40, 12'000);

  put(t, "7201", 2025, 1, HrKind::Timavlonad, 10'000);
  put(t, "7202", 2025, 10, HrKind::Timavlonad, 8'530);
  for (int m = 1; m <= 10; ++m) put(t, "7301", 2025, m, HrKind::Timavlonad, 2'877);
  put(t, "7101", 2025, 6, HrKind::Timavlonad, 12'000);
  put(t, "9999", 2025, 9, HrKind::Timavlonad, 400);  // an ansvar the org does not know

  put(t, "7101", 2025, 1, HrKind::Inhyrd, 50, 40'000);
  put(t, "7101", 2025, 2, HrKind::Inhyrd, 60.25);
  put(t, "7101", 2025, 10, HrKind::Inhyrd, 10);
  put(t, "7201", 2025, 3, HrKind::Inhyrd, 30);  // not under KPV: in the sentence, not the chart

  put(t, "7201", 2025, 10, HrKind::EjTillsatt, 500);
  put(t, "7301", 2025, 10, HrKind::EjTillsatt, 460);
  put(t, "7201", 2025, 9, HrKind::EjTillsatt, 100);  // not the report month
  put(t, "7201", 2025, 10, HrKind::Arbetad, 5'000);  // not a staffing figure
  return t;
}

// F = 160 h, årsarbetare 1 700 h, 600 000 kr per åa, timkostnad 197,50 kr, PO 25 %:
// timkostnad × (1 + PO) × F = 39 500 kr per heltid-month (oracle O8).
StaffingParameters exampleParameters() {
  StaffingParameters p;
  p.hoursPerFullTimeMonth = 160;
  p.hoursPerFullTimeYear = 1700;
  p.costPerFullTimeYearOre = 600'000 * kOre;
  p.hourlyCostOre = 19'750;
  p.poPercent = 25;
  p.chartUnit = "KPV";
  return p;
}

template <typename T>
std::vector<const T*> all(const std::vector<Section>& sections) {
  std::vector<const T*> found;
  for (const Section& s : sections)
    if (const T* t = std::get_if<T>(&s)) found.push_back(t);
  return found;
}

const Table* tableWithId(const std::vector<Section>& sections, const std::string& id) {
  for (const Table* t : all<Table>(sections))
    if (t->id == id) return t;
  return nullptr;
}

std::int64_t count(const Row& row, std::size_t column) {
  return std::get<std::int64_t>(row.cells.at(column));
}
double decimal(const Row& row, std::size_t column) {
  return std::get<double>(row.cells.at(column));
}
std::string name(const Row& row) { return std::get<std::string>(row.cells.at(0)); }

struct Fixture {
  OrgTree tree = exampleTree();
  HrTable hours = exampleHours();
  StaffingParameters parameters = exampleParameters();
  ReportTexts texts = personalTexts();

  std::vector<Section> build(Period period = Period(2025, 10), int level = 3) const {
    return buildStaffingSections(StaffingInput{hours, tree, level, period, parameters}, texts);
  }
};

TEST(StaffingSections, SectionsInDocumentOrder) {
  const auto sections = Fixture().build();
  ASSERT_EQ(sections.size(), 6u);
  EXPECT_EQ(std::get<TextSection>(sections[0]).title, "Personal – nyckeltal");
  EXPECT_EQ(std::get<Table>(sections[1]).title, "Övertid och mertid per enhet");
  EXPECT_EQ(std::get<Table>(sections[2]).title, "Timavlönade timmar per enhet");
  EXPECT_EQ(std::get<Chart>(sections[3]).title,
            "Timavlönad personal, jan-okt 2025 (antal timmar per enhet)");
  EXPECT_EQ(std::get<Chart>(sections[4]).title,
            "Övertidsersättning och inhyrd personal KPV, timmar (Jan-okt 2025)");
  EXPECT_EQ(std::get<Table>(sections[5]).title, "Ej tillsatt tid oktober");
}

TEST(StaffingSections, KeyFigureSentencesReproduceTheFargelandaWording) {
  const auto sections = Fixture().build();
  const auto& text = std::get<TextSection>(sections.at(0));
  // Övertid: 1 785 / 1 700 = 1,05 åa; 1 410 000 / 600 000 = 2,35 åa; difference 1,3.
  // Timavlönade: 59 700 h / 10 months = 5 970 h per month; / 160 = 37,3 → "cirka 37".
  // Inhyrd: 50 + 60,25 + 10 + 30 = 150,25 h → 150; 40 000 kr.
  // Ej tillsatt oktober: 960 h / 160 = 6; 960 × 197,50 × 1,25 = 237 000 kr.
  const std::vector<std::string> expected{
      "Utbetald övertid motsvarar 1,05 årsarbetare i arbetstid och 2,35 årsarbetare i pengar.",
      "Man hade alltså kunnat anställa 1,3 åa mer för samma pengar.",
      "Timavlönad personal har arbetat 59" + kNbsp + "700 timmar jan–okt 2025, i snitt 5" + kNbsp +
          "970 timmar per månad, cirka 37 heltider.",
      "Inhyrd bemanning jan–okt 2025: 150 timmar, 40" + kNbsp + "000 kr.",
      "Ej tillsatt tid oktober: cirka 6 heltider; besparing cirka 237" + kNbsp + "000 kr inkl. PO.",
  };
  EXPECT_EQ(text.paragraphs, expected);
}

TEST(StaffingSections, ParametersAreStatedInTheFirstTablesFootnote) {
  const auto sections = Fixture().build();
  const auto& table = std::get<Table>(sections.at(1));
  ASSERT_FALSE(table.footnotes.empty());
  EXPECT_EQ(table.footnotes[0], "Heltid = 160 timmar per månad; årsarbetare = 1" + kNbsp +
                                    "700 timmar per år; kostnad per årsarbetare 600" + kNbsp +
                                    "000 kr inkl. PO; timkostnad 197,50 kr; PO 25 %.");
}

TEST(StaffingSections, OvertimeTablePerEnhet) {
  const auto sections = Fixture().build();
  const Table* table = tableWithId(sections, "personal_overtid");
  ASSERT_NE(table, nullptr);
  ASSERT_EQ(table->columns.size(), 7u);
  EXPECT_EQ(table->columns[1].header, "Övertid, timmar");
  EXPECT_EQ(table->columns[1].kind, ColumnKind::Count);
  EXPECT_EQ(table->columns[6].header, "Övertid, åa pengar");
  EXPECT_EQ(table->columns[6].kind, ColumnKind::Decimal);
  EXPECT_EQ(table->columns[6].decimals, 2);
  ASSERT_EQ(table->rows.size(), 4u);  // Hemsjukvård, Hemtjänsten, Säbo, Totalt

  const Row& k1 = table->rows[0];
  EXPECT_EQ(name(k1), "Hemsjukvård");
  EXPECT_EQ(count(k1, 1), 1501);  // 1 000 + 500,5 h, half away from zero
  EXPECT_EQ(count(k1, 2), 1'200'000);
  EXPECT_EQ(count(k1, 3), 0);
  EXPECT_DOUBLE_EQ(decimal(k1, 5), 1500.5 / 1700.0);
  EXPECT_DOUBLE_EQ(decimal(k1, 6), 1'200'000.0 / 600'000.0);

  const Row& ht = table->rows[1];
  EXPECT_EQ(name(ht), "Hemtjänsten");
  EXPECT_EQ(count(ht, 1), 285);  // 284,5 h
  EXPECT_EQ(count(ht, 2), 210'000);
  EXPECT_DOUBLE_EQ(decimal(ht, 6), 210'000.0 / 600'000.0);

  const Row& sabo = table->rows[2];
  EXPECT_EQ(name(sabo), "Säbo");
  EXPECT_EQ(count(sabo, 1), 0);
  EXPECT_EQ(count(sabo, 3), 40);
  EXPECT_EQ(count(sabo, 4), 12'000);

  const Row& total = table->rows[3];
  EXPECT_EQ(total.kind, RowKind::Total);
  EXPECT_EQ(name(total), "Totalt");
  EXPECT_EQ(count(total, 1), 1785);
  EXPECT_EQ(count(total, 2), 1'410'000);
  EXPECT_EQ(count(total, 3), 40);
  EXPECT_EQ(count(total, 4), 12'000);
  EXPECT_DOUBLE_EQ(decimal(total, 5), 1785.0 / 1700.0);
  EXPECT_DOUBLE_EQ(decimal(total, 6), 1'410'000.0 / 600'000.0);
}

TEST(StaffingSections, HourlyPaidTableAccountsForEveryHour) {
  const auto sections = Fixture().build();
  const Table* table = tableWithId(sections, "personal_timavlonade");
  ASSERT_NE(table, nullptr);
  ASSERT_EQ(table->rows.size(), 5u);
  const double total = 59'700;
  struct Expected {
    std::string name;
    double hours;
  };
  const std::vector<Expected> expected{{"Hemsjukvård", 12'000},
                                       {"Hemtjänsten", 10'000 + 8'530},
                                       {"Säbo", 10 * 2'877},
                                       {"Ej placerat i organisationen", 400},
                                       {"Totalt", total}};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const Row& row = table->rows[i];
    SCOPED_TRACE(expected[i].name);
    EXPECT_EQ(name(row), expected[i].name);
    EXPECT_EQ(count(row, 1), std::llround(expected[i].hours));
    EXPECT_EQ(count(row, 2), std::llround(expected[i].hours / 10));  // snitt, ten months
    EXPECT_DOUBLE_EQ(decimal(row, 3), expected[i].hours / total);
    EXPECT_DOUBLE_EQ(decimal(row, 4), expected[i].hours / 10 / 160);
  }
  EXPECT_EQ(table->rows.back().kind, RowKind::Total);
  ASSERT_EQ(table->footnotes.size(), 2u);
  EXPECT_TRUE(
      mentions(table->footnotes[1], {"400 timmar", "(9999)", "Ej placerat i organisationen"}));
}

TEST(StaffingSections, HourlyPaidChartHasOneBarPerEnhet) {
  const auto sections = Fixture().build();
  const auto charts = all<Chart>(sections);
  ASSERT_EQ(charts.size(), 2u);
  const Chart& chart = *charts[0];
  EXPECT_EQ(chart.kind, ChartKind::Bar);
  EXPECT_EQ(chart.categories, (std::vector<std::string>{"Hemsjukvård", "Hemtjänsten", "Säbo",
                                                        "Ej placerat i organisationen"}));
  ASSERT_EQ(chart.series.size(), 1u);
  const std::vector<std::optional<double>> values{12'000.0, 18'530.0, 28'770.0, 400.0};
  EXPECT_EQ(chart.series[0].values, values);
  EXPECT_EQ(chart.valueAxis, "Timmar");
  // The text alternative names the total and the largest enhet: 28 770 / 59 700 = 48 %.
  EXPECT_TRUE(mentions(chart.description, {"59" + kNbsp + "700 timmar", "Säbo",
                                           "28" + kNbsp + "770", "48" + kNbsp + "%"}));
}

TEST(StaffingSections, OvertimeAndHiredChartForTheChosenUnit) {
  const auto sections = Fixture().build();
  const Chart& chart = *all<Chart>(sections).at(1);
  EXPECT_EQ(chart.kind, ChartKind::Column);
  EXPECT_EQ(chart.categories, (std::vector<std::string>{"jan", "feb", "mar", "apr", "maj", "jun",
                                                        "jul", "aug", "sep", "okt"}));
  ASSERT_EQ(chart.series.size(), 2u);
  EXPECT_EQ(chart.series[0].name, "Inhyrd bemanning, timmar");
  EXPECT_EQ(chart.series[1].name, "Övertidsersättning, timmar");
  // Only ansvar 7101 is under KPV: its inhyrd (50; 60,25; okt 10) and övertid (1 000; mar 500,5).
  std::vector<std::optional<double>> inhyrd(10, 0.0);
  inhyrd[0] = 50.0;
  inhyrd[1] = 60.25;
  inhyrd[9] = 10.0;
  std::vector<std::optional<double>> overtid(10, 0.0);
  overtid[0] = 1000.0;
  overtid[2] = 500.5;
  EXPECT_EQ(chart.series[0].values, inhyrd);
  EXPECT_EQ(chart.series[1].values, overtid);
  EXPECT_TRUE(mentions(chart.description, {"KPV", "120 timmar", "1" + kNbsp + "501 timmar"}));
}

TEST(StaffingSections, UnfilledTimeTableForTheReportMonth) {
  const auto sections = Fixture().build();
  const Table* table = tableWithId(sections, "personal_ej_tillsatt");
  ASSERT_NE(table, nullptr);
  ASSERT_EQ(table->columns.size(), 4u);
  ASSERT_EQ(table->rows.size(), 3u);  // Hemtjänsten, Säbo, Totalt (September's 100 h left out)
  const double perHour = 197.50 * 1.25;
  EXPECT_EQ(name(table->rows[0]), "Hemtjänsten");
  EXPECT_EQ(count(table->rows[0], 1), 500);
  EXPECT_DOUBLE_EQ(decimal(table->rows[0], 2), 500.0 / 160);
  EXPECT_EQ(count(table->rows[0], 3), std::llround(500 * perHour));  // 123 437,5 → 123 438
  EXPECT_EQ(name(table->rows[1]), "Säbo");
  EXPECT_EQ(count(table->rows[1], 3), std::llround(460 * perHour));
  EXPECT_EQ(count(table->rows[2], 1), 960);
  EXPECT_DOUBLE_EQ(decimal(table->rows[2], 2), 6.0);
  EXPECT_EQ(count(table->rows[2], 3), 237'000);
}

TEST(StaffingSections, TheEnhetLevelIsAParameter) {
  const auto sections = Fixture().build(Period(2025, 10), 2);
  const Table* table = tableWithId(sections, "personal_timavlonade");
  ASSERT_NE(table, nullptr);
  ASSERT_EQ(table->rows.size(), 4u);  // KPV, Äldreomsorg, Ej placerat, Totalt
  EXPECT_EQ(name(table->rows[0]), "KPV");
  EXPECT_EQ(count(table->rows[0], 1), 12'000);
  EXPECT_EQ(name(table->rows[1]), "Äldreomsorg");
  EXPECT_EQ(count(table->rows[1], 1), 18'530 + 28'770);
}

TEST(StaffingSections, AnEarlierPeriodUsesItsOwnMonths) {
  // March: övertid 1 785 h still (Jan–Mar), timavlönade Jan–Mar only, no ej tillsatt in March.
  const auto sections = Fixture().build(Period(2025, 3));
  const auto& text = std::get<TextSection>(sections.at(0));
  // Timavlönade Jan–Mar: 10 000 + 3 × 2 877 = 18 631 h; / 3 = 6 210,3; / 160 = 38,8 → 39.
  EXPECT_EQ(text.paragraphs.at(2), "Timavlönad personal har arbetat 18" + kNbsp +
                                       "631 timmar jan–mar 2025, i snitt 6" + kNbsp +
                                       "210 timmar per månad, cirka 39 heltider.");
  EXPECT_EQ(tableWithId(sections, "personal_ej_tillsatt"), nullptr);
  EXPECT_EQ(all<Chart>(sections).at(1)->categories.size(), 3u);
}

TEST(StaffingSections, MissingCostParametersAreSaidAndTheirPartsLeftOut) {
  Fixture f;
  f.parameters.costPerFullTimeYearOre = 0;
  f.parameters.hourlyCostOre = 0;
  f.parameters.chartUnit.clear();
  const auto sections = f.build();
  const auto& text = std::get<TextSection>(sections.at(0));
  EXPECT_EQ(text.paragraphs.at(0), "Utbetald övertid motsvarar 1,05 årsarbetare i arbetstid.");
  EXPECT_TRUE(mentions(text.paragraphs.at(1),
                       {"kan inte beräknas", "personal.kostnad_per_arsarbetare_kr"}));
  EXPECT_EQ(text.paragraphs.back(),
            "Ej tillsatt tid oktober: cirka 6 heltider. Besparingen kan inte beräknas: timkostnad "
            "saknas i konfigurationen (personal.timkostnad_kr).");
  for (const std::string& p : text.paragraphs)
    EXPECT_FALSE(testing::contains(p, "kunnat anställa"));

  const Table* overtid = tableWithId(sections, "personal_overtid");
  ASSERT_NE(overtid, nullptr);
  EXPECT_EQ(overtid->columns.size(), 6u);  // no "åa pengar"
  EXPECT_TRUE(mentions(overtid->footnotes.at(0),
                       {"kostnad per årsarbetare ej angiven", "timkostnad ej angiven"}));
  const Table* ejTillsatt = tableWithId(sections, "personal_ej_tillsatt");
  ASSERT_NE(ejTillsatt, nullptr);
  EXPECT_EQ(ejTillsatt->columns.size(), 3u);   // no besparing
  EXPECT_EQ(all<Chart>(sections).size(), 1u);  // no övertid/inhyrd chart without diagram_enhet
}

TEST(StaffingSections, HoursWithoutKronorHaveNoMoneyColumns) {
  Fixture f;
  f.hours.clear();
  put(f.hours, "7101", 2025, 2, HrKind::Overtid, 1785);
  put(f.hours, "7301", 2025, 2, HrKind::Mertid, 20);
  const auto sections = f.build();
  ASSERT_EQ(sections.size(), 3u);  // sentences, the övertid table, the KPV chart
  const auto& text = std::get<TextSection>(sections[0]);
  ASSERT_EQ(text.paragraphs.size(), 2u);
  EXPECT_EQ(text.paragraphs[0], "Utbetald övertid motsvarar 1,05 årsarbetare i arbetstid.");
  EXPECT_TRUE(mentions(text.paragraphs[1], {"saknar belopp i kronor"}));
  const auto& table = std::get<Table>(sections[1]);
  ASSERT_EQ(table.columns.size(), 4u);  // enhet, övertid h, mertid h, åa tid
  EXPECT_EQ(table.columns[2].header, "Mertid, timmar");
}

TEST(StaffingSections, OvertimeCheaperThanEmploymentIsWordedTheOtherWay) {
  Fixture f;
  f.hours.clear();
  // 1 785 h (1,05 åa) paid 300 000 kr (0,50 åa).
  put(f.hours, "7101", 2025, 2, HrKind::Overtid, 1785, 300'000);
  const auto sections = f.build();
  const auto& text = std::get<TextSection>(sections.at(0));
  EXPECT_EQ(text.paragraphs.at(0),
            "Utbetald övertid motsvarar 1,05 årsarbetare i arbetstid och 0,50 årsarbetare i "
            "pengar.");
  EXPECT_EQ(text.paragraphs.at(1),
            "Övertiden har alltså inte kostat mer än samma arbetstid i ordinarie anställning.");
}

TEST(StaffingSections, WithoutTablesTheParametersCloseTheKeyFigures) {
  Fixture f;
  f.hours.clear();
  f.parameters.chartUnit.clear();
  put(f.hours, "7101", 2025, 2, HrKind::Inhyrd, 12.5);
  const auto sections = f.build();
  ASSERT_EQ(sections.size(), 1u);
  const auto& text = std::get<TextSection>(sections[0]);
  ASSERT_EQ(text.paragraphs.size(), 2u);
  EXPECT_EQ(text.paragraphs[0], "Inhyrd bemanning jan–okt 2025: 13 timmar.");  // 12,5 → 13
  EXPECT_TRUE(mentions(text.paragraphs[1], {"Heltid = 160 timmar per månad"}));
}

TEST(StaffingSections, NoHoursForTheYearGiveNoSections) {
  Fixture f;
  f.hours.clear();
  EXPECT_TRUE(f.build().empty());
  put(f.hours, "7201", 2025, 10, HrKind::Arbetad, 5'000);  // not a staffing figure
  put(f.hours, "7201", 2025, 11, HrKind::Overtid, 10);     // after the period
  put(f.hours, "7201", 2024, 10, HrKind::Overtid, 10);     // the year before
  EXPECT_TRUE(f.build().empty());
}

TEST(StaffingSections, AnUnknownChartUnitIsAConfigError) {
  Fixture f;
  f.parameters.chartUnit = "KPX";
  const auto error = thrown<ConfigError>([&] { f.build(); });
  EXPECT_TRUE(mentions(error, {"personal.diagram_enhet", "KPX"}));
}

}  // namespace
}  // namespace namnd
