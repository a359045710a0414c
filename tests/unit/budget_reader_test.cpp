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

// öre per month (1..12) of one ansvar and konto in the given year.
std::vector<std::int64_t> months(const Cube& cube, std::string_view ansvar, std::string_view konto,
                                 int year) {
  std::vector<std::int64_t> result(12, 0);
  cube.forEachSorted([&](const CubeCell& c) {
    EXPECT_EQ(c.measure, Measure::Budget);
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
