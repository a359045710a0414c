// The example kommun's delårsrapport inputs: deterministic, and read back without a rejection.

#include <gtest/gtest.h>

#include "cli/example_delar.hpp"
#include "ingest/budgetram_reader.hpp"
#include "ingest/goal_reader.hpp"
#include "ingest/investment_reader.hpp"
#include "ingest/table/open_source.hpp"
#include "reports/delarsrapport/delar_appendix_tables.hpp"
#include "support/test_support.hpp"

namespace namnd {
namespace {

InputFile inputAt(const std::filesystem::path& path) {
  InputFile file;
  file.path = path;
  file.displayName = path.filename().string();
  return file;
}

TEST(ExampleDelar, IsByteIdenticalOnEveryRun) {
  testing::TempDir first;
  testing::TempDir second;
  writeExampleDelar(first.path());
  writeExampleDelar(second.path() / "ny");  // the folder is created
  for (const char* name : {"investeringar-2025.csv", "budgetram-2025.csv", "mal-2025.csv",
                           "verksamhetsmatt-2025.csv"}) {
    EXPECT_EQ(testing::readFile(first / name), testing::readFile(second.path() / "ny" / name))
        << name;
  }
  EXPECT_EQ(testing::entriesIn(first.path()), 4);
}

TEST(ExampleDelar, ReadsBackWithoutRejections) {
  testing::TempDir dir;
  writeExampleDelar(dir.path());

  auto investments = openTabularSource(inputAt(dir / "investeringar-2025.csv"));
  const InvestmentImport inv = readInvestments(*investments);
  EXPECT_TRUE(inv.summary.rejected.empty());
  EXPECT_GE(inv.projects.size(), 10u);
  EXPECT_LE(inv.projects.size(), 14u);

  auto ram = openTabularSource(inputAt(dir / "budgetram-2025.csv"));
  const BudgetramImport changes = readBudgetram(*ram);
  EXPECT_TRUE(changes.summary.rejected.empty());
  EXPECT_EQ(changes.changes.size(), 4u);

  auto mal = openTabularSource(inputAt(dir / "mal-2025.csv"));
  const GoalImport goals = readGoals(*mal, 2025);
  EXPECT_TRUE(goals.summary.rejected.empty());
  ASSERT_EQ(goals.areas.size(), 3u);
  for (const bool has : goals.hasColumn) EXPECT_TRUE(has);  // headers written with the years
  // The typed Delår values are as of August.
  EXPECT_EQ(goals.areas[0].goals[0].measures[0].period, Period(2025, 8));
  // Two changes decided by June, two in August.
  int byJune = 0;
  for (const BudgetramChange& change : changes.changes)
    byJune += change.beslutad && *change.beslutad <= Period(2025, 6) ? 1 : 0;
  EXPECT_EQ(byJune, 2);

  // Verksamhetsmått: three areas; placeringsdygn (summa), invånare (senaste) and the share of
  // beviljad tid computed, the rest typed per August.
  auto matt = openTabularSource(inputAt(dir / "verksamhetsmatt-2025.csv"));
  const GoalImport measures = readGoals(*matt, 2025);
  EXPECT_TRUE(measures.summary.rejected.empty());
  ASSERT_EQ(measures.areas.size(), 3u);
  std::vector<std::string> computed;
  for (const GoalArea& area : measures.areas)
    for (const Goal& goal : area.goals)
      for (const GoalMeasure& measure : goal.measures)
        if (measure.berakning) computed.push_back(measure.berakning->text());
  EXPECT_EQ(computed, (std::vector<std::string>{"senaste(invanare)",
                                                "andel(summa(utford_tid), summa(beviljad_tid))",
                                                "summa(placeringsdygn)"}));
}

TEST(ExampleDelar, BuildsEveryTableWithTwoInvestmentGroups) {
  testing::TempDir dir;
  writeExampleDelar(dir.path());
  Cube ledger;
  ledger.add("2490", "5710", "", "P2501", Period(2025, 3), Measure::Utfall, 12'345'600);
  const DelarAppendixInput input{.per = Period(2025, 8),
                                 .yearCube = ledger,
                                 .investeringar = inputAt(dir / "investeringar-2025.csv"),
                                 .budgetram = inputAt(dir / "budgetram-2025.csv"),
                                 .mal = inputAt(dir / "mal-2025.csv")};
  const ReportTexts texts =
      ReportTexts::load(testing::repoPath("templates/text/delarsrapport-bilagor.json"));

  const auto investments = buildInvesteringarSections(input, texts);
  const Table& table = std::get<Table>(investments.at(0));
  int subtotals = 0;
  for (const Row& row : table.rows) subtotals += row.kind == RowKind::Subtotal ? 1 : 0;
  EXPECT_EQ(subtotals, 2);
  // Summa budget of the tekniska nämnden group: 18 000 + 2 350 − 310 + 1 500 tkr.
  EXPECT_EQ(std::get<std::int64_t>(table.rows.at(3).cells[4]), 18'000 + 2'350 - 310 + 1'500);
  // Utfall from the file for all 12 projects (Lärkan's is a typed 0); 93105 has no prognos.
  // P2501 is drift: named in the checks in tkr (123 456,00 kr → 123 tkr), not in the footnotes.
  ASSERT_EQ(table.footnotes.size(), 2u);
  EXPECT_EQ(table.footnotes[0], "Utfall enligt investeringsfilen (projektredovisningen).");
  EXPECT_TRUE(testing::mentions(table.footnotes[1], {"Prognos saknas", "(93105)"}));
  bool p2501 = false;
  for (const CheckItem& item : std::get<CheckSection>(investments.back()).items)
    if (testing::contains(item.detail, "P2501 (123\xC2\xA0tkr)"))
      p2501 = item.status == CheckStatus::Warning;
  EXPECT_TRUE(p2501);
  // Utfall of Ombyggnad Lindgården etapp 2: 11 842 317,50 kr → 11 842 tkr.
  EXPECT_EQ(std::get<std::int64_t>(table.rows.at(0).cells[1]), 11'842);

  const auto ram = buildBudgetramSections(input, texts);
  EXPECT_EQ(std::get<std::int64_t>(std::get<Table>(ram.at(0)).rows.back().cells[1]),
            4'180 + 215 + 480 + 320);

  const auto goals = buildMalSections(input, texts);
  // Three målområde headings; nämndsmål 2 + 1 + 1; then the checks of the computed mätetal
  // (andel heltid), which cannot be computed here: this input has no volymer.
  ASSERT_EQ(goals.size(), 3u + 4u + 1u);
  const auto* checks = std::get_if<CheckSection>(&goals.back());
  ASSERT_NE(checks, nullptr);
  bool namesTheRow = false;
  for (const CheckItem& item : checks->items)
    namesTheRow = namesTheRow ||
                  testing::contains(item.description + " " + item.detail, "Andel heltidsanställda");
  EXPECT_TRUE(namesTheRow);
}

// The example config's delårsrapport block, run end to end for both dates: its texts read right
// for the halvår and the delår (no "augusti" in June's tjänsteskrivelse), the enhetschefer's
// comments say the month in words, and the appendix checks are in the Kontroller.
TEST(ExampleDelar, TheExampleConfigReadsRightPerJuneAndPerAugust) {
  namespace fs = std::filesystem;
  testing::TempDir root;
  const fs::path exempel = root / "data" / "exempel";
  const auto generated = testing::layOutExampleKommun(root.path());
  ASSERT_EQ(generated.exitCode, 0) << generated.output;

  const auto page = [&](const std::string& per, const std::string& stamp) {
    const auto run = testing::runNamnd(
        {"delarsrapport", "--config", (exempel / "namnd.json").string(), "--per", per});
    EXPECT_EQ(run.exitCode, 0) << run.output;
    return testing::readFile(root / "output" / ("delarsrapport-" + stamp + ".html"));
  };
  const std::string june = page("2025-06-30", "20250630");
  EXPECT_TRUE(testing::mentions(
      june, {"Socialnämnden godkänner halvårsrapporten per 30 juni 2025.",
             "Halvårsrapport per 2025-06-30 för Socialnämnden", "(prognos lämnad i juni 2025)"}));
  // The tjänsteskrivelse (up to the report's own Sammanfattning) says nothing of August.
  const std::string tjansteskrivelse = june.substr(0, june.find("id=\"sammanfattning\""));
  EXPECT_FALSE(testing::contains(tjansteskrivelse, "augusti"));
  EXPECT_FALSE(testing::contains(tjansteskrivelse, "delårsrapport"));
  EXPECT_FALSE(testing::contains(june, "lämnad 2025"));
  // Nothing of August is shown as if it were June's: no investment utfall (the file is per
  // August, the ledger has none), no budgetram change decided in August, no typed Delår per
  // August; the verksamhetsmått table is there, computed for June.
  EXPECT_TRUE(testing::mentions(
      june, {"Halvårsrapporten avser perioden januari–juni 2025",
             "Utfall per juni 2025 saknas för alla projekt: investeringsfilen har utfall per "
             "augusti 2025",
             "Investeringar: utfall saknas", "Verksamhetsmått och nyckeltal", "Antal invånare",
             "Delår 2025: uppgift per juni 2025 saknas; underlaget har värden per augusti 2025.",
             "Budgetram: förändringar beslutade efter juni 2025 ingår inte",
             "Projekt i huvudboken som inte finns i investeringsfilen, utfall januari–juni 2025: "
             "P2501 ("}));
  EXPECT_FALSE(testing::contains(june, "gäller till och med augusti"));
  EXPECT_FALSE(testing::contains(june, "Avser ökad hyra efter ombyggnad"));  // the August row
  EXPECT_FALSE(testing::contains(june, "Projekt P2501 finns i huvudboken"));

  const std::string august = page("2025-08-31", "20250831");
  EXPECT_TRUE(testing::mentions(
      august,
      {"Socialnämnden godkänner delårsrapporten per 31 augusti 2025.",
       "(prognos lämnad i augusti 2025)", "Budgetram: Totalt = Σ rader",
       "Investeringar: Summa budget = Budget + Ombudgetering",
       "Investeringar: Avvikelse helår = Summa budget − Prognos",
       "Investeringar: delsumma = Σ gruppens projekt", "Bilaga per ansvarsnivå: område = Σ enheter",
       "Bilaga per ansvarsnivå: Totalsumma = Σ områden", "Investeringar: prognos saknas",
       "Hjälpmedel hemsjukvård (93105)"}));
  EXPECT_TRUE(testing::mentions(august, {"Delårsrapporten avser perioden januari–augusti 2025",
                                         "Verksamhetsmått och nyckeltal", "Placeringsdygn"}));
  EXPECT_FALSE(testing::contains(august, "Investeringar: utfall saknas"));
  EXPECT_FALSE(testing::contains(august, "uppgift per augusti 2025 saknas"));
  EXPECT_FALSE(testing::contains(august, "lämnad 2025"));
  EXPECT_FALSE(testing::contains(august, "class=\"status-error\""));
}

}  // namespace
}  // namespace namnd
