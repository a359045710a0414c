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
  // none); P2501 is drift: named, not lost.
  ASSERT_EQ(table.footnotes.size(), 2u);
  EXPECT_TRUE(testing::contains(table.footnotes[0], "för 11 projekt")) << table.footnotes[0];
  EXPECT_TRUE(testing::contains(table.footnotes[1], "P2501"));
  // Utfall of Ombyggnad Lindgården etapp 2: 11 842 317,50 kr → 11 842 tkr.
  EXPECT_EQ(std::get<std::int64_t>(table.rows.at(0).cells[1]), 11'842);

  const auto ram = buildBudgetramSections(input, texts);
  EXPECT_EQ(std::get<std::int64_t>(std::get<Table>(ram.at(0)).rows.back().cells[1]),
            4'180 + 215 + 480 + 320);

  const auto goals = buildMalSections(input, texts);
  EXPECT_EQ(goals.size(), 3u + 4u);  // three målområde headings; nämndsmål 2 + 1 + 1
}

}  // namespace
}  // namespace namnd
