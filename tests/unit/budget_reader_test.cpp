#include "ingest/budget_reader.hpp"

#include <gtest/gtest.h>

#include "support/csv_text_source.hpp"

#include <map>
#include <string>
#include <vector>

#include "core/errors.hpp"

namespace namnd {
namespace {

// The budget text as the file budget.csv with hash "f00d", read through the real CsvSource,
// periodised linearly.
struct BudgetText {
  std::string text;
};
BudgetText budgetFile(std::string text) { return {std::move(text)}; }
BudgetImport readBudget(const BudgetText& budget) {
  testing::CsvTextSource source(budget.text, "budget.csv");
  return readBudget(source, "f00d", PeriodisationKey{});
}

// Budget öre per month (1..12) of one ansvar and konto in the given year.
std::vector<std::int64_t> months(const Cube& cube, std::string_view ansvar, std::string_view konto,
                                 int year) {
  std::vector<std::int64_t> result(12, 0);
  cube.forEachSorted([&](const CubeCell& c) {
    EXPECT_NE(c.measure, Measure::Utfall);
    if (c.measure != Measure::Budget) return;
    if (c.ansvar == ansvar && c.konto == konto && c.period.year() == year)
      result[static_cast<std::size_t>(c.period.month() - 1)] += c.ore;
  });
  return result;
}

using Months = std::vector<std::int64_t>;

TEST(BudgetReader, HelarRowsArePeriodisedIntoTwelveMonths) {
  const BudgetImport budget =
      readBudget(budgetFile("ar;ansvar;konto;belopp\n"
                            "2025;100;5011;1 200 000\n"
                            "2025;100;5012;1,00\n"         // 100 öre: 9, 9, 9, 9 and 8 × 8
                            "2025;100;3011;-1,00\n"        // the same, negative
                            "2025;200;5011;1 000,07\n"));  // 100 007 öre = 12 × 8 333 + 11
  EXPECT_EQ(months(budget.cube, "100", "5011", 2025), Months(12, 10'000'000));
  EXPECT_EQ(months(budget.cube, "100", "5012", 2025), (Months{9, 9, 9, 9, 8, 8, 8, 8, 8, 8, 8, 8}));
  EXPECT_EQ(months(budget.cube, "100", "3011", 2025),
            (Months{-9, -9, -9, -9, -8, -8, -8, -8, -8, -8, -8, -8}));
  EXPECT_EQ(
      months(budget.cube, "200", "5011", 2025),
      (Months{8'334, 8'334, 8'334, 8'334, 8'334, 8'334, 8'334, 8'334, 8'334, 8'334, 8'334, 8'333}));
  EXPECT_EQ(budget.cube.cellCount(), 48u);
  EXPECT_EQ(budget.summary.kind, SourceKind::Budget);
  EXPECT_EQ(budget.summary.rowsRead, 4);
  EXPECT_EQ(budget.summary.rowsAccepted, 4);
  EXPECT_EQ(budget.summary.acceptedOre, 120'000'000 + 100 - 100 + 100'007);
  EXPECT_EQ(budget.cube.total(Measure::Budget), budget.summary.acceptedOre);
}

TEST(BudgetReader, MonthlyRowsAreTakenAsGiven) {
  const BudgetImport budget =
      readBudget(budgetFile("period;ansvarskod;kontonr;budgetbelopp\n"
                            "202501;100;5011;50\n"
                            "202502;100;5011;70,25\n"
                            "202512;100;5011;-3\n"));
  EXPECT_EQ(months(budget.cube, "100", "5011", 2025),
            (Months{5'000, 7'025, 0, 0, 0, 0, 0, 0, 0, 0, 0, -300}));
  EXPECT_EQ(budget.cube.cellCount(), 3u);
  EXPECT_EQ(budget.summary.acceptedOre, 5'000 + 7'025 - 300);
}

TEST(BudgetReader, FileWithBothColumnsTakesEitherPerRow) {
  const BudgetImport budget =
      readBudget(budgetFile("år;period;ansvar;konto;belopp\n"
                            "2025;;100;5011;12\n"          // helår: 100 öre a month
                            ";202503;100;5011;5\n"         // March only, on top
                            "2025;202504;100;5011;1\n"));  // a filled period makes the row monthly
  EXPECT_EQ(months(budget.cube, "100", "5011", 2025),
            (Months{100, 100, 600, 200, 100, 100, 100, 100, 100, 100, 100, 100}));
  EXPECT_EQ(budget.summary.acceptedOre, 1'200 + 500 + 100);
}

// The revision markers ("ansvar|konto|period=öre"): each revision's whole amount, once.
std::vector<std::string> decisions(const Cube& cube) {
  std::vector<std::string> result;
  cube.forEachSorted([&](const CubeCell& c) {
    if (c.measure == Measure::BudgetBeslut)
      result.push_back(std::string(c.ansvar) + "|" + std::string(c.konto) + "|" +
                       c.period.toString() + "=" + std::to_string(c.ore));
  });
  return result;
}

TEST(BudgetReader, RevisionIsSpreadFromItsMonthAndDecidedOnceThere) {
  const BudgetImport budget =
      readBudget(budgetFile("ar;giltig_from;version;ansvar;konto;belopp\n"
                            "2025;;;100;5011;12 000\n"
                            "2025;202510;KS 2025-09-24;100;5011;300\n"
                            "2025;2025-03-01;SN 2025-02-18;200;5011;-1 000,01\n"
                            "2025;;;200;5011;2 400\n"));
  // 1 200 000 öre in twelfths; from October 30 000 öre in thirds on top.
  EXPECT_EQ(months(budget.cube, "100", "5011", 2025),
            (Months{100'000, 100'000, 100'000, 100'000, 100'000, 100'000, 100'000, 100'000, 100'000,
                    110'000, 110'000, 110'000}));
  // 240 000 öre in twelfths; −100 001 öre over March–December: −10 000 a month and the odd öre.
  const Months two = months(budget.cube, "200", "5011", 2025);
  EXPECT_EQ(two[0], 20'000);
  EXPECT_EQ(two[1], 20'000);
  std::int64_t revised = 0;
  for (std::size_t m = 2; m < 12; ++m) {
    EXPECT_LE(two[m], 20'000 - 10'000) << m + 1;
    EXPECT_GE(two[m], 20'000 - 10'001) << m + 1;
    revised += two[m] - 20'000;
  }
  EXPECT_EQ(revised, -100'001);
  EXPECT_EQ(decisions(budget.cube),
            (std::vector<std::string>{"100|5011|202510=30000", "200|5011|202503=-100001"}));
  EXPECT_EQ(budget.cube.total(Measure::BudgetBeslut), 30'000 - 100'001);

  // The summary counts what the file says once: the markers are no amounts read.
  const std::int64_t belopp = 1'200'000 + 30'000 - 100'001 + 240'000;
  EXPECT_EQ(budget.summary.acceptedOre, belopp);
  EXPECT_EQ(budget.cube.total(Measure::Budget), belopp);
  std::int64_t perPeriod = 0, partRows = 0;
  for (const auto& total : budget.summary.periodTotals) {
    perPeriod += total.ore;
    partRows += total.rows;
  }
  EXPECT_EQ(perPeriod, belopp);
  EXPECT_EQ(partRows, 12 + 3 + 10 + 12);  // one per month each row is spread over
  EXPECT_EQ(budget.summary.rowsAccepted, 4);
}

TEST(BudgetReader, BadRowsAreRejectedWithTheirPlace) {
  const BudgetImport budget =
      readBudget(budgetFile("ar;ansvar;konto;belopp\n"
                            "25;100;5011;12\n"       // line 2: year of two digits
                            "2025;;5011;12\n"        // line 3: no ansvar
                            "2025;100;;12\n"         // line 4: no konto
                            "2025;100;5011;1,234\n"  // line 5: three decimals
                            "2025;100;5011\n"        // line 6: ragged
                            "2025;100;5011;24\n"));  // line 7: accepted
  const auto& rejected = budget.summary.rejected;
  ASSERT_EQ(rejected.size(), 5u);
  EXPECT_EQ(rejected[0].where.line, 2);
  EXPECT_EQ(rejected[0].where.column, "ar");
  EXPECT_EQ(rejected[1].where.line, 3);
  EXPECT_EQ(rejected[1].where.column, "ansvar");
  EXPECT_EQ(rejected[2].where.line, 4);
  EXPECT_EQ(rejected[2].where.column, "konto");
  EXPECT_EQ(rejected[3].where.line, 5);
  EXPECT_EQ(rejected[3].where.column, "belopp");
  EXPECT_EQ(rejected[4].where.line, 6);
  for (const RejectedRow& row : rejected) EXPECT_EQ(row.where.file, "budget.csv");
  EXPECT_EQ(budget.summary.rowsRead, 6);
  EXPECT_EQ(budget.summary.rowsAccepted, 1);
  EXPECT_EQ(months(budget.cube, "100", "5011", 2025), Months(12, 200));
}

TEST(BudgetReader, BadMonthlyPeriodIsRejected) {
  const BudgetImport budget =
      readBudget(budgetFile("period;ansvar;konto;belopp\n202513;100;5011;1\n"));
  ASSERT_EQ(budget.summary.rejected.size(), 1u);
  EXPECT_EQ(budget.summary.rejected[0].where.column, "period");
  EXPECT_TRUE(budget.cube.empty());
}

TEST(BudgetReader, MissingColumnsRefuseTheFile) {
  EXPECT_THROW(readBudget(budgetFile("ansvar;konto;belopp\n100;5011;1\n")), InputError);
  EXPECT_THROW(readBudget(budgetFile("ar;konto;belopp\n2025;5011;1\n")), InputError);
}

}  // namespace
}  // namespace namnd
