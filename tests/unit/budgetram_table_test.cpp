// Budgetram changes (seed-004 §2.6, oracle O8): 3 740 + 153 + 542 = 4 435.

#include <gtest/gtest.h>

#include "core/errors.hpp"
#include "reports/delarsrapport/budgetram_table.hpp"
#include "reports/delarsrapport/delar_appendix_tables.hpp"
#include "support/test_support.hpp"

namespace namnd {
namespace {

ReportTexts bilagaTexts() {
  return ReportTexts::load(testing::repoPath("templates/text/delarsrapport-bilagor.json"));
}

TEST(BudgetramTable, ReproducesTheHerrljungaTable) {
  InputFile file;
  file.path = testing::repoPath("tests/fixtures/herrljunga-bilagor/budgetram-2022.csv");
  file.displayName = "budgetram-2022.csv";
  const Cube ledger;
  const DelarAppendixInput input{.per = Period(2022, 8), .yearCube = ledger, .budgetram = file};
  const auto sections = buildBudgetramSections(input, bilagaTexts());
  ASSERT_EQ(sections.size(), 2u);  // the table and its checks
  const auto& checks = std::get<CheckSection>(sections[1]);
  ASSERT_EQ(checks.items.size(), 1u);
  EXPECT_EQ(checks.items[0].description, "Budgetram: Totalt = Σ rader");
  EXPECT_EQ(checks.items[0].status, CheckStatus::Ok);
  const Table& table = std::get<Table>(sections[0]);
  ASSERT_EQ(table.columns.size(), 3u);
  EXPECT_EQ(table.columns[0].header, "Område");
  EXPECT_EQ(table.columns[1].header, "Belopp (tkr)");
  EXPECT_EQ(table.columns[2].header, "Kommentar");
  ASSERT_EQ(table.rows.size(), 4u);
  EXPECT_EQ(std::get<std::string>(table.rows[0].cells[0]), "Lönepott 2022");
  EXPECT_EQ(std::get<std::int64_t>(table.rows[0].cells[1]), 3'740);
  EXPECT_EQ(std::get<std::string>(table.rows[0].cells[2]), "Avser lönerevision apr-dec 2022");
  EXPECT_EQ(std::get<std::int64_t>(table.rows[1].cells[1]), 153);
  EXPECT_EQ(std::get<std::int64_t>(table.rows[2].cells[1]), 542);
  EXPECT_EQ(table.rows[3].kind, RowKind::Total);
  EXPECT_EQ(std::get<std::string>(table.rows[3].cells[0]), "Totalt");
  EXPECT_EQ(std::get<std::int64_t>(table.rows[3].cells[1]), 3'740 + 153 + 542);
  EXPECT_TRUE(std::holds_alternative<std::monostate>(table.rows[3].cells[2]));
}

PlaceholderValues values() {
  PlaceholderValues v{{"ar", "2022"}};
  addPeriodPlaceholders(v, "per", Period(2022, 8));
  return v;
}

TEST(BudgetramTable, AdditiveRoundingMakesTheRowsAddUpToTotalt) {
  // 3 × 400,40 kr = 0,4004 tkr each → per cell 0 + 0 + 0 but Totalt round(1,2012) = 1.
  const std::vector<BudgetramChange> changes = {
      {"A", 40'040, ""}, {"B", 40'040, ""}, {"C", 40'040, ""}};
  const auto perCell = buildBudgetramTable(changes, RoundingMode::PerCell, bilagaTexts(), values());
  EXPECT_EQ(std::get<std::int64_t>(perCell.rows[0].cells[1]), 0);
  EXPECT_EQ(std::get<std::int64_t>(perCell.rows[3].cells[1]), 1);
  const auto additive =
      buildBudgetramTable(changes, RoundingMode::Additive, bilagaTexts(), values());
  std::int64_t sum = 0;
  for (std::size_t i = 0; i < 3; ++i) sum += std::get<std::int64_t>(additive.rows[i].cells[1]);
  EXPECT_EQ(sum, std::get<std::int64_t>(additive.rows[3].cells[1]));
  EXPECT_EQ(sum, 1);
}

TEST(BudgetramTable, ABadAmountNamesFileLineAndColumn) {
  testing::TempDir dir;
  testing::writeFile(dir / "ram.csv", "omrade;belopp\nLönepott;3 740 000\nPott;3,7 mnkr\n");
  InputFile file;
  file.path = dir / "ram.csv";
  file.displayName = "ram.csv";
  const Cube ledger;
  const DelarAppendixInput input{.per = Period(2022, 8), .yearCube = ledger, .budgetram = file};
  EXPECT_TRUE(testing::mentions(
      testing::thrown<InputError>([&] { buildBudgetramSections(input, bilagaTexts()); }),
      {"ram.csv", "rad 3", "belopp", "ogiltigt belopp"}));
}

// A change decided after the report's month is not in that report: per June the August
// decision is left out and Totalt is the sum of the rest; per August both are in.
TEST(BudgetramTable, AChangeDecidedAfterTheReportMonthIsLeftOut) {
  testing::TempDir dir;
  testing::writeFile(dir / "ram.csv",
                     "omrade;belopp;kommentar;beslutad\n"
                     "Lönepott;4 180 000;;202505\n"
                     "Kapitalkostnadspott;215 000;;2025-08-20\n"
                     "Effektiviseringsfond;480 000;;\n");
  InputFile file;
  file.path = dir / "ram.csv";
  file.displayName = "ram.csv";
  const Cube ledger;
  const auto totalPer = [&](Period per, std::vector<CheckItem>* checks) {
    const DelarAppendixInput input{.per = per, .yearCube = ledger, .budgetram = file};
    const auto sections = buildBudgetramSections(input, bilagaTexts());
    const Table& table = std::get<Table>(sections.at(0));
    *checks = std::get<CheckSection>(sections.at(1)).items;
    EXPECT_EQ(table.rows.size(), per.month() == 6 ? 3u : 4u);
    return std::get<std::int64_t>(table.rows.back().cells[1]);
  };
  std::vector<CheckItem> june;
  EXPECT_EQ(totalPer(Period(2025, 6), &june), 4'180 + 480);
  ASSERT_EQ(june.size(), 2u);
  EXPECT_EQ(june[0].status, CheckStatus::Ok);  // Totalt = Σ of the rows shown
  EXPECT_TRUE(
      testing::mentions(june[1].description + " " + june[1].detail,
                        {"efter juni 2025", "Kapitalkostnadspott (beslutad augusti 2025)"}));
  std::vector<CheckItem> august;
  EXPECT_EQ(totalPer(Period(2025, 8), &august), 4'180 + 215 + 480);
  EXPECT_EQ(august.size(), 1u);
}

TEST(BudgetramTable, AnUnreadableBeslutadNamesFileLineAndColumn) {
  testing::TempDir dir;
  testing::writeFile(dir / "ram.csv", "omrade;belopp;beslutad\nLönepott;3 740 000;i augusti\n");
  InputFile file;
  file.path = dir / "ram.csv";
  file.displayName = "ram.csv";
  const Cube ledger;
  const DelarAppendixInput input{.per = Period(2025, 8), .yearCube = ledger, .budgetram = file};
  EXPECT_TRUE(testing::mentions(
      testing::thrown<InputError>([&] { buildBudgetramSections(input, bilagaTexts()); }),
      {"ram.csv", "rad 2", "beslutad"}));
}

}  // namespace
}  // namespace namnd
