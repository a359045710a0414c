// Investeringar (seed-004 §2.7, oracle O7): projects in two groups, a subtotal per group and no
// grand total; Utfall from the ledger's projekt, Summa budget = Budget + Ombudgetering,
// Avvikelse = Summa budget − Prognos.

#include <gtest/gtest.h>

#include <array>

#include "core/cube.hpp"
#include "core/errors.hpp"
#include "reports/delarsrapport/delar_appendix_tables.hpp"
#include "reports/delarsrapport/investment_table.hpp"
#include "support/test_support.hpp"

namespace namnd {
namespace {

using testing::mentions;
using testing::thrown;

ReportTexts bilagaTexts() {
  return ReportTexts::load(testing::repoPath("templates/text/delarsrapport-bilagor.json"));
}

InputFile fixture(const std::string& name) {
  InputFile file;
  file.path = testing::repoPath("tests/fixtures/herrljunga-bilagor/" + name);
  file.displayName = name;
  return file;
}

void book(Cube& cube, std::string_view projekt, int year, int month, std::int64_t kronor,
          Measure measure = Measure::Utfall) {
  cube.add("5100", "5410", "", projekt, Period(year, month), measure, kronor * 100);
}

// The Herrljunga ledger per 2022-08-31 in kr: amounts with sub-tkr parts, spread over months.
Cube herrljungaLedger() {
  Cube cube;
  book(cube, "9101", 2022, 3, 1'500);
  book(cube, "9101", 2022, 6, 2'700);  // 4 200 kr → 4 tkr
  book(cube, "9102", 2022, 2, 20'000'000);
  book(cube, "9102", 2022, 8, 23'300'880);                  // 43 300 880 kr → 43 301 tkr
  book(cube, "9102", 2022, 9, 5'000'000);                   // after the period: not in Utfall
  book(cube, "9102", 2021, 12, 7'000'000);                  // the year before: not in Utfall
  book(cube, "9102", 2022, 5, 9'999'000, Measure::Budget);  // not utfall
  book(cube, "9201", 2022, 4, 171'700);                     // → 172
  book(cube, "9209", 2022, 7, 170'400);                     // → 170
  book(cube, "9210", 2022, 1, 25'900);                      // → 26
  book(cube, "", 2022, 1, 800'000);                         // no projekt: drift, not an investment
  return cube;
}

const Table& tableOf(const std::vector<Section>& sections) {
  return std::get<Table>(sections.at(0));
}

std::vector<std::int64_t> amounts(const Row& row) {
  std::vector<std::int64_t> values;
  for (std::size_t c = 1; c < row.cells.size(); ++c)
    values.push_back(std::get<std::int64_t>(row.cells[c]));
  return values;
}

std::vector<Section> herrljungaSections(const Cube& ledger, RoundingMode mode) {
  const DelarAppendixInput input{.per = Period(2022, 8),
                                 .rounding = mode,
                                 .yearCube = ledger,
                                 .investeringar = fixture("investeringar-2022.csv"),
                                 .budgetram = std::nullopt,
                                 .mal = std::nullopt};
  return buildInvesteringarSections(input, bilagaTexts());
}

TEST(InvestmentTable, ReproducesTheHerrljungaSubtotalsExactly) {
  const Cube ledger = herrljungaLedger();
  for (const RoundingMode mode : {RoundingMode::PerCell, RoundingMode::Additive}) {
    const auto sections = herrljungaSections(ledger, mode);
    const Table& table = tableOf(sections);
    ASSERT_EQ(table.rows.size(), 2u + 1u + 10u + 1u);
    const Row& tn = table.rows[2];
    EXPECT_EQ(tn.kind, RowKind::Subtotal);
    EXPECT_EQ(std::get<std::string>(tn.cells[0]), "S:a investeringar gm TN");
    EXPECT_EQ(amounts(tn), (std::vector<std::int64_t>{43'305, 60'000, 4'166, 64'166, 64'166, 0}));
    const Row& egna = table.rows.back();
    EXPECT_EQ(egna.kind, RowKind::Subtotal);
    EXPECT_EQ(std::get<std::string>(egna.cells[0]), "S:a investeringar egna");
    EXPECT_EQ(amounts(egna), (std::vector<std::int64_t>{368, 3'200, 830, 4'030, 2'030, 2'000}));
    for (const Row& row : table.rows) EXPECT_NE(row.kind, RowKind::Total) << "no grand total";
  }
}

TEST(InvestmentTable, ProjectRowsFollowThePublishedTable) {
  const auto sections = herrljungaSections(herrljungaLedger(), RoundingMode::PerCell);
  const Table& table = tableOf(sections);
  EXPECT_EQ(table.columns.size(), 7u);
  EXPECT_EQ(table.columns[0].header, "INVESTERINGAR Belopp netto (tkr)");
  EXPECT_EQ(table.columns[1].header, "Utfall 2022-08-31");
  EXPECT_EQ(table.columns[2].header, "Budget 2022");
  EXPECT_EQ(table.columns[4].header, "Summa budget 2022");
  EXPECT_EQ(table.columns[5].header, "Prognos 2022");
  EXPECT_EQ(table.columns[6].header, "Avvikelse helår");
  // Förstudie Hagen: negative ombudgetering and prognos.
  EXPECT_EQ(std::get<std::string>(table.rows[0].cells[0]), "Förstudie Hagen demenscentra");
  EXPECT_EQ(amounts(table.rows[0]), (std::vector<std::int64_t>{4, 0, -1'263, -1'263, -1'263, 0}));
  EXPECT_EQ(amounts(table.rows[1]),
            (std::vector<std::int64_t>{43'301, 60'000, 5'429, 65'429, 65'429, 0}));
  // Nytt verksamhetssystem: prognos 0 → avvikelse 1 000; Hjälpmedel SN: prognos left empty,
  // shown as Summa budget (the published 200) but marked; Inventarier Hagen 200 + 500 = 700,
  // prognos 0.
  EXPECT_EQ(amounts(table.rows[5]), (std::vector<std::int64_t>{0, 1'000, 0, 1'000, 0, 1'000}));
  EXPECT_EQ(std::get<std::string>(table.rows[6].cells[0]), "Hjälpmedel SN *");
  EXPECT_EQ(amounts(table.rows[6]), (std::vector<std::int64_t>{0, 200, 0, 200, 200, 0}));
  EXPECT_EQ(amounts(table.rows[7]), (std::vector<std::int64_t>{0, 200, 500, 700, 0, 700}));
  ASSERT_EQ(table.footnotes.size(), 1u);
  EXPECT_TRUE(
      mentions(table.footnotes[0], {"* Prognos saknas", "Hjälpmedel SN (9204)", "budget antagen"}));
}

TEST(InvestmentTable, AMissingPrognosIsAWarningInTheChecksAndTheIdentitiesPass) {
  for (const RoundingMode mode : {RoundingMode::PerCell, RoundingMode::Additive}) {
    const auto sections = herrljungaSections(herrljungaLedger(), mode);
    const auto& checks = std::get<CheckSection>(sections.back());
    EXPECT_EQ(checks.id, "investeringar_kontroller");
    int warnings = 0;
    for (const CheckItem& item : checks.items) {
      EXPECT_NE(item.status, CheckStatus::Error) << item.description << ": " << item.detail;
      if (item.status == CheckStatus::Warning) {
        ++warnings;
        EXPECT_TRUE(mentions(item.detail, {"Hjälpmedel SN (9204)", "antagen som prognos"}));
      }
    }
    EXPECT_EQ(warnings, 1);
    EXPECT_EQ(checks.items.size(), 3u + 1u);  // summa, avvikelse, delsummor; the warning
  }
}

// Sub-tkr amounts (x,5 tkr halves): per cell each cell is rounded for itself, so a row may miss
// Summa = Budget + Ombudgetering by 1 (allowed, named); additive rounding keeps every identity.
TEST(InvestmentTable, AdditiveRoundingKeepsSummaAndAvvikelseAndSubtotalsExact) {
  const auto project = [](std::string code, std::int64_t budgetKr, std::int64_t ombKr,
                          std::int64_t prognosKr) {
    InvestmentProject p;
    p.projekt = code;
    p.namn = "Projekt " + code;
    p.grupp = "S:a";
    p.budgetOre = budgetKr * 100;
    p.ombudgeteringOre = ombKr * 100;
    p.prognosOre = prognosKr * 100;
    return p;
  };
  // 1 500 + 1 500 = 3 000 kr: per cell 2 + 2 tkr against Summa 3; prognos 1 400 → 1 tkr.
  const std::vector<InvestmentProject> projects = {project("1", 1'500, 1'500, 1'400),
                                                   project("2", 2'500, 2'500, 2'400),
                                                   project("3", 600, 0, 600)};
  PlaceholderValues values{{"ar", "2022"}};
  addPeriodPlaceholders(values, "per", Period(2022, 8));
  const auto perCell = buildInvestmentSections(projects, {}, Period(2022, 8), RoundingMode::PerCell,
                                               bilagaTexts(), values);
  const Table& shown = std::get<Table>(perCell[0]);
  // Independent arithmetic: round(1,5) = 2, round(3,0) = 3.
  EXPECT_EQ(amounts(shown.rows[0])[kInvBudget - 1], 2);
  EXPECT_EQ(amounts(shown.rows[0])[kInvOmbudgetering - 1], 2);
  EXPECT_EQ(amounts(shown.rows[0])[kInvSummaBudget - 1], 3);
  const auto& perCellChecks = std::get<CheckSection>(perCell.back());
  EXPECT_EQ(perCellChecks.items[0].status, CheckStatus::Ok);
  EXPECT_TRUE(mentions(perCellChecks.items[0].detail,
                       {"inom avrundningen", "Projekt 1 summa budget 3 (beräknat 4)"}));

  const auto additive = buildInvestmentSections(projects, {}, Period(2022, 8),
                                                RoundingMode::Additive, bilagaTexts(), values);
  const Table& table = std::get<Table>(additive[0]);
  ASSERT_EQ(table.rows.size(), 4u);
  std::vector<std::int64_t> sums(6, 0);
  for (std::size_t r = 0; r < 3; ++r) {
    const auto a = amounts(table.rows[r]);
    EXPECT_EQ(a[kInvSummaBudget - 1], a[kInvBudget - 1] + a[kInvOmbudgetering - 1]) << r;
    EXPECT_EQ(a[kInvAvvikelse - 1], a[kInvSummaBudget - 1] - a[kInvPrognos - 1]) << r;
    for (std::size_t c = 0; c < 6; ++c) sums[c] += a[c];
  }
  EXPECT_EQ(amounts(table.rows[3]), sums);
  // Σ budget 4 600 kr → 5 tkr, Σ ombudgetering 4 000 kr → 4 tkr.
  EXPECT_EQ(sums[kInvBudget - 1], 5);
  EXPECT_EQ(sums[kInvOmbudgetering - 1], 4);
  for (const CheckItem& item : std::get<CheckSection>(additive.back()).items)
    EXPECT_EQ(item.detail, "stämmer exakt i avrundade tkr") << item.description;
}

TEST(InvestmentTable, CommentsFollowTheTableOnePerProject) {
  const auto sections = herrljungaSections(herrljungaLedger(), RoundingMode::PerCell);
  ASSERT_EQ(sections.size(), 3u);  // the table, the comments, the checks
  const auto& comments = std::get<TextSection>(sections[1]);
  EXPECT_EQ(comments.title, "Kommentar till utfall och prognos investeringar");
  EXPECT_EQ(comments.paragraphs,
            (std::vector<std::string>{
                "Hagen ombyggnation + nybyggn.: Projektet följer tidplanen.",
                "Nytt verksamhetssystem: Projektet är försenat och räknas som driftskostnader."}));
}

const CheckItem* checkNamed(const std::vector<Section>& sections, std::string_view prefix) {
  for (const CheckItem& item : std::get<CheckSection>(sections.back()).items)
    if (item.description.starts_with(prefix)) return &item;
  return nullptr;
}

// P2501 in the example is drift (a grant): a ledger projekt the file lacks is a warning for the
// controller, not a footnote telling the nämnd about an investment.
TEST(InvestmentTable, ALedgerProjektMissingFromTheFileIsACheckWarningInTkrLikeTheTable) {
  Cube ledger = herrljungaLedger();
  ledger.add("5100", "5410", "", "P9999", Period(2022, 2), Measure::Utfall, 1'234'567);
  ledger.add("5100", "5410", "", "P8888", Period(2022, 3), Measure::Utfall, 500);
  ledger.add("5100", "5410", "", "P8888", Period(2022, 4), Measure::Utfall, -500);  // nets to 0
  const auto sections = herrljungaSections(ledger, RoundingMode::PerCell);
  const Table& table = tableOf(sections);
  ASSERT_EQ(table.footnotes.size(), 1u);  // only Hjälpmedel SN's missing prognos
  EXPECT_FALSE(testing::contains(table.footnotes[0], "P9999"));
  const CheckItem* item = checkNamed(sections, "Investeringar: projekt i huvudboken");
  ASSERT_NE(item, nullptr);
  EXPECT_EQ(item->status, CheckStatus::Warning);
  // 12 345,67 kr → 12 tkr, as the table would show it; P8888 nets to 0 and is not named.
  EXPECT_TRUE(mentions(item->detail, {"P9999 (12\xC2\xA0tkr)", "augusti 2022",
                                      "Är något av dem ett investeringsprojekt"}))
      << item->detail;
  EXPECT_FALSE(testing::contains(item->detail, "P8888"));
  // Under ½ tkr it is kronor, not "0 tkr": a booked amount is never shown as nothing.
  ledger.add("5100", "5410", "", "P7777", Period(2022, 5), Measure::Utfall, -41'000);
  const auto small = herrljungaSections(ledger, RoundingMode::PerCell);
  EXPECT_TRUE(mentions(checkNamed(small, "Investeringar: projekt i huvudboken")->detail,
                       {"P7777 (-410,00\xC2\xA0kr)", "P9999"}));
  // The subtotals are unchanged: the amount is named, not put in a group.
  EXPECT_EQ(std::get<std::int64_t>(table.rows[2].cells[1]), 43'305);
}

InvestmentProject withUtfall(std::string code, std::int64_t budgetKr,
                             std::optional<std::int64_t> utfallKr, std::optional<Period> period) {
  InvestmentProject p;
  p.projekt = code;
  p.namn = "Projekt " + code;
  p.grupp = "S:a egna";
  p.budgetOre = budgetKr * 100;
  p.prognosOre = budgetKr * 100;
  if (utfallKr) p.utfallOre = *utfallKr * 100;
  p.utfallPeriod = period;
  return p;
}

std::vector<Section> sectionsPer(const std::vector<InvestmentProject>& projects,
                                 const ProjektUtfall& utfall, Period per) {
  PlaceholderValues values{{"ar", std::to_string(per.year())}};
  addPeriodPlaceholders(values, "per", per);
  return buildInvestmentSections(projects, utfall, per, RoundingMode::PerCell, bilagaTexts(),
                                 values);
}

// The file's utfall is per August; a report per June has neither the file's June utfall nor
// ledger rows: the cells are empty, never 0, and the footnote and the check say why in the
// months that apply.
TEST(InvestmentTable, AJuneReportWithAnAugustFileShowsNoUtfallRatherThanZero) {
  const std::vector<InvestmentProject> projects = {
      withUtfall("1", 1'000'000, 400'000, Period(2025, 8)),
      withUtfall("2", 500'000, 120'000, Period(2025, 8))};
  const auto sections = sectionsPer(projects, {}, Period(2025, 6));
  const Table& table = tableOf(sections);
  ASSERT_EQ(table.rows.size(), 3u);
  for (const Row& row : table.rows)
    EXPECT_TRUE(std::holds_alternative<std::monostate>(row.cells[kInvUtfall]))
        << std::get<std::string>(row.cells[0]);
  // Budget is still shown: 1 000 + 500 tkr.
  EXPECT_EQ(std::get<std::int64_t>(table.rows[2].cells[kInvBudget]), 1'500);
  ASSERT_EQ(table.footnotes.size(), 1u);
  EXPECT_TRUE(mentions(table.footnotes[0], {"Utfall per juni 2025 saknas för alla projekt",
                                            "investeringsfilen har utfall per augusti 2025",
                                            "huvudboken har inga rader"}))
      << table.footnotes[0];
  EXPECT_FALSE(testing::contains(table.footnotes[0], "visas i stället huvudbokens"));
  const CheckItem* item = checkNamed(sections, "Investeringar: utfall saknas");
  ASSERT_NE(item, nullptr);
  EXPECT_EQ(item->status, CheckStatus::Warning);
  EXPECT_TRUE(mentions(item->detail, {"inte per juni 2025", "202506"})) << item->detail;
  // The identities still hold on what is shown; no check claims the empty utfall adds up.
  for (const CheckItem& check : std::get<CheckSection>(sections.back()).items)
    EXPECT_NE(check.status, CheckStatus::Error) << check.description;
}

// The file gives utfall per August for the other projects and leaves one empty, and the ledger
// has no rows for it: that is "uppgift saknas", not 0 (a project with nothing booked is typed 0).
// A project with ledger rows takes the ledger's; with a typed 0 it is 0.
TEST(InvestmentTable, AnEmptyUtfallInAFileThatGivesUtfallIsMissingNotZero) {
  const std::vector<InvestmentProject> projects = {
      withUtfall("1", 1'000'000, 400'000, Period(2025, 8)),
      withUtfall("2", 500'000, std::nullopt, std::nullopt),
      withUtfall("3", 300'000, 0, Period(2025, 8)), withUtfall("4", 200'000, std::nullopt, {})};
  const ProjektUtfall ledger = {{"4", 5'000'000}};  // 50 000 kr → 50 tkr
  const auto sections = sectionsPer(projects, ledger, Period(2025, 8));
  const Table& table = tableOf(sections);
  ASSERT_EQ(table.rows.size(), 5u);
  EXPECT_EQ(std::get<std::int64_t>(table.rows[0].cells[kInvUtfall]), 400);
  EXPECT_TRUE(std::holds_alternative<std::monostate>(table.rows[1].cells[kInvUtfall]));
  EXPECT_EQ(std::get<std::int64_t>(table.rows[2].cells[kInvUtfall]), 0);
  EXPECT_EQ(std::get<std::int64_t>(table.rows[3].cells[kInvUtfall]), 50);
  // 400 + ? + 0 + 50 is not known: the subtotal's utfall is empty, its budget is not.
  EXPECT_TRUE(std::holds_alternative<std::monostate>(table.rows[4].cells[kInvUtfall]));
  EXPECT_EQ(std::get<std::int64_t>(table.rows[4].cells[kInvBudget]), 1'000 + 500 + 300 + 200);
  bool named = false;
  for (const std::string& note : table.footnotes)
    if (mentions(note, {"Utfall per augusti 2025 saknas för Projekt 2 (2)",
                        "investeringsfilen har inget utfall för projektet"}))
      named = true;
  EXPECT_TRUE(named);
  const CheckItem* item = checkNamed(sections, "Investeringar: utfall saknas");
  ASSERT_NE(item, nullptr);
  EXPECT_TRUE(mentions(item->detail, {"Projekt 2 (2)", "skriv 0"})) << item->detail;
}

// A file without any utfall leaves utfall to the ledger: no rows there is nothing booked, 0.
TEST(InvestmentTable, WithoutUtfallInTheFileNoLedgerRowsMeansZero) {
  const std::vector<InvestmentProject> projects = {
      withUtfall("1", 1'000'000, std::nullopt, std::nullopt),
      withUtfall("2", 500'000, std::nullopt, std::nullopt)};
  const auto sections = sectionsPer(projects, {{"1", 20'000'000}}, Period(2025, 6));
  const Table& table = tableOf(sections);
  EXPECT_EQ(std::get<std::int64_t>(table.rows[0].cells[kInvUtfall]), 200);
  EXPECT_EQ(std::get<std::int64_t>(table.rows[1].cells[kInvUtfall]), 0);
  EXPECT_EQ(std::get<std::int64_t>(table.rows[2].cells[kInvUtfall]), 200);
  EXPECT_EQ(checkNamed(sections, "Investeringar: utfall saknas"), nullptr);
}

TEST(InvestmentTable, BadRowsStopTheReportNamingFileLineAndColumn) {
  testing::TempDir dir;
  const auto run = [&](const std::string& csv) {
    testing::writeFile(dir / "inv.csv", csv);
    InputFile file;
    file.path = dir / "inv.csv";
    file.displayName = "inv.csv";
    const Cube ledger;
    const DelarAppendixInput input{.per = Period(2022, 8),
                                   .yearCube = ledger,
                                   .investeringar = file,
                                   .budgetram = std::nullopt,
                                   .mal = std::nullopt};
    return thrown<InputError>([&] { buildInvesteringarSections(input, bilagaTexts()); });
  };
  const std::string header = "projekt;namn;budget;prognos\n";
  EXPECT_TRUE(mentions(run(header + "1;A;100;100\n2;B;tio;100\n"),
                       {"inv.csv", "rad 3", "budget", "ogiltigt belopp \"tio\""}));
  EXPECT_TRUE(mentions(run(header + "1;A;100;100\n1;B;200;200\n"),
                       {"inv.csv", "rad 3", "projekt", "projekt 1 finns redan på rad 2"}));
  EXPECT_TRUE(mentions(run(header + "1;;100;100\n"), {"inv.csv", "rad 2", "namn saknas"}));
  EXPECT_TRUE(mentions(run("projekt;namn\n1;A\n"), {"inv.csv", "budget"}));
}

TEST(InvestmentTable, NoFileNoSection) {
  const Cube ledger;
  const DelarAppendixInput input{.per = Period(2022, 8), .yearCube = ledger};
  EXPECT_TRUE(buildInvesteringarSections(input, bilagaTexts()).empty());
}

}  // namespace
}  // namespace namnd
