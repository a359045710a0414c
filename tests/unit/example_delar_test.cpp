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
  for (const char* name : {"investeringar-2025.csv", "budgetram-2025.csv", "mal-2025.csv"}) {
    EXPECT_EQ(testing::readFile(first / name), testing::readFile(second.path() / "ny" / name))
        << name;
  }
  EXPECT_EQ(testing::entriesIn(first.path()), 3);
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
  // Utfall from the file for 11 of the 12 projects (93109 leaves it to the ledger, which has
  // none); P2501 is drift: named in tkr (123 456,00 kr → 123 tkr), not lost; 93105 has no prognos.
  ASSERT_EQ(table.footnotes.size(), 3u);
  EXPECT_TRUE(testing::contains(table.footnotes[0], "för 11 projekt")) << table.footnotes[0];
  EXPECT_TRUE(testing::mentions(table.footnotes[1], {"P2501", "utfall 123\xC2\xA0tkr"}));
  EXPECT_TRUE(testing::mentions(table.footnotes[2], {"Prognos saknas", "(93105)"}));
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
  fs::create_directories(exempel);
  fs::create_directories(root / "data" / "kommunbas");
  for (const char* name : {"namnd.json", "org.csv", "kommentarer-2025.md"})
    fs::copy_file(testing::repoPath(std::string("data/exempel/") + name), exempel / name);
  fs::copy_file(testing::repoPath("data/kommunbas/kontoplan.csv"),
                root / "data" / "kommunbas" / "kontoplan.csv");
  fs::copy(testing::repoPath("templates"), root / "templates", fs::copy_options::recursive);
  const auto generated =
      testing::runNamnd({"exempeldata", "--ut", (exempel / "genererat").string()});
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
  EXPECT_FALSE(testing::contains(august, "lämnad 2025"));
  EXPECT_FALSE(testing::contains(august, "class=\"status-error\""));
}

}  // namespace
}  // namespace namnd
