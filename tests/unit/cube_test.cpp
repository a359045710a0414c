#include "core/cube.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "core/dictionary.hpp"

namespace namnd {
namespace {

// A cell spelled out as text, easy to compare:
// "ansvar|konto|verksamhet|projekt|period|measure=öre".
std::vector<std::string> cells(const Cube& cube) {
  std::vector<std::string> result;
  cube.forEachSorted([&](const CubeCell& c) {
    result.push_back(std::string(c.ansvar) + "|" + std::string(c.konto) + "|" +
                     std::string(c.verksamhet) + "|" + std::string(c.projekt) + "|" +
                     c.period.toString() + "|" + std::string(measureName(c.measure)) + "=" +
                     std::to_string(c.ore));
  });
  return result;
}

const Period kJan(2025, 1);
const Period kFeb(2025, 2);

TEST(Cube, SameKeyIsSummed) {
  Cube cube;
  EXPECT_TRUE(cube.empty());
  cube.add("100", "5011", "510", "", kJan, Measure::Utfall, 1'000);
  cube.add("100", "5011", "510", "", kJan, Measure::Utfall, -250);
  EXPECT_EQ(cube.cellCount(), 1u);
  EXPECT_FALSE(cube.empty());
  EXPECT_EQ(cells(cube), (std::vector<std::string>{"100|5011|510||202501|utfall=750"}));
}

TEST(Cube, EveryDimensionSeparatesCells) {
  Cube cube;
  cube.add("100", "5011", "", "", kJan, Measure::Utfall, 1);
  cube.add("200", "5011", "", "", kJan, Measure::Utfall, 2);
  cube.add("100", "5012", "", "", kJan, Measure::Utfall, 4);
  cube.add("100", "5011", "510", "", kJan, Measure::Utfall, 8);
  cube.add("100", "5011", "", "P1", kJan, Measure::Utfall, 16);
  cube.add("100", "5011", "", "", kFeb, Measure::Utfall, 32);
  cube.add("100", "5011", "", "", kJan, Measure::Budget, 64);
  EXPECT_EQ(cube.cellCount(), 7u);
  EXPECT_EQ(cube.total(Measure::Utfall), 63);
  EXPECT_EQ(cube.total(Measure::Budget), 64);
}

TEST(Cube, IteratesInSortedOrderWhateverTheInsertionOrder) {
  Cube cube;
  cube.add("200", "3011", "", "", kJan, Measure::Utfall, 5);
  cube.add("100", "5011", "", "", kFeb, Measure::Budget, 4);
  cube.add("100", "5011", "", "", kFeb, Measure::Utfall, 3);
  cube.add("100", "5011", "", "", kJan, Measure::Utfall, 2);
  cube.add("100", "3011", "", "", kJan, Measure::Utfall, 1);
  EXPECT_EQ(cells(cube), (std::vector<std::string>{
                             "100|3011|||202501|utfall=1",
                             "100|5011|||202501|utfall=2",
                             "100|5011|||202502|utfall=3",
                             "100|5011|||202502|budget=4",
                             "200|3011|||202501|utfall=5",
                         }));
}

TEST(Cube, MergeReinternsCodes) {
  Cube a;
  a.add("100", "5011", "", "", kJan, Measure::Utfall, 10);
  Cube b;  // interns its codes in another order, so its ids differ from a's
  b.add("300", "4010", "", "", kJan, Measure::Budget, 7);
  b.add("100", "5011", "", "", kJan, Measure::Utfall, 5);
  a.merge(b);
  EXPECT_EQ(cells(a), (std::vector<std::string>{"100|5011|||202501|utfall=15",
                                                "300|4010|||202501|budget=7"}));
  EXPECT_EQ(cells(b).size(), 2u);  // the source is unchanged
}

TEST(Cube, CopyOutlivesTheOriginal) {
  auto original = std::make_unique<Cube>();
  original->add("100", "5011", "", "", kJan, Measure::Utfall, 42);
  const Cube copy = *original;
  original.reset();
  EXPECT_EQ(cells(copy), (std::vector<std::string>{"100|5011|||202501|utfall=42"}));
}

TEST(Cube, TotalsCanBeNegativeAndLarge) {
  Cube cube;
  cube.add("100", "3011", "", "", kJan, Measure::Utfall, -6'287'600'000);
  cube.add("100", "5011", "", "", kJan, Measure::Utfall, 12'275'900'000);
  EXPECT_EQ(cube.total(Measure::Utfall), 5'988'300'000);
  EXPECT_EQ(cube.total(Measure::Budget), 0);
}

TEST(Cube, MeasureNames) {
  EXPECT_EQ(measureName(Measure::Utfall), "utfall");
  EXPECT_EQ(measureName(Measure::Budget), "budget");
  EXPECT_EQ(measureName(Measure::BudgetBeslut), "budgetbeslut");
}

// A revision's decision is kept in its own cell beside the budget of the same month and key,
// and totals of one measure never include the other.
TEST(Cube, BudgetDecisionIsACellOfItsOwn) {
  Cube cube;
  cube.add("100", "5011", "", "", kFeb, Measure::Budget, 1'000);
  cube.add("100", "5011", "", "", kFeb, Measure::BudgetBeslut, 11'000);
  cube.add("100", "5011", "", "", kFeb, Measure::Utfall, 7);
  EXPECT_EQ(cube.cellCount(), 3u);
  EXPECT_EQ(cube.total(Measure::Budget), 1'000);
  EXPECT_EQ(cube.total(Measure::BudgetBeslut), 11'000);
  EXPECT_EQ(cube.total(Measure::Utfall), 7);
  std::vector<Measure> order;
  cube.forEachSorted([&](const CubeCell& c) { order.push_back(c.measure); });
  EXPECT_EQ(order, (std::vector<Measure>{Measure::Utfall, Measure::Budget, Measure::BudgetBeslut}));
  Cube merged;
  merged.merge(cube);
  merged.merge(cube);
  EXPECT_EQ(merged.total(Measure::BudgetBeslut), 22'000);
  EXPECT_EQ(merged.total(Measure::Budget), 2'000);
}

TEST(Dictionary, InternsDenseIdsWithEmptyFirst) {
  Dictionary dictionary;
  EXPECT_EQ(dictionary.intern(""), Dictionary::kEmpty);
  EXPECT_EQ(dictionary.intern("100"), 1u);
  EXPECT_EQ(dictionary.intern("5011"), 2u);
  EXPECT_EQ(dictionary.intern("100"), 1u);
  EXPECT_EQ(dictionary.size(), 3u);
  EXPECT_EQ(dictionary.text(2), "5011");
}

TEST(Dictionary, ViewsStayValidAsItGrows) {
  Dictionary dictionary;
  const std::string_view first = dictionary.text(dictionary.intern("första"));
  for (int i = 0; i < 10'000; ++i) dictionary.intern("kod" + std::to_string(i));
  EXPECT_EQ(first, "första");
  EXPECT_EQ(dictionary.intern("kod9999"), 10'001u);  // "" is 0, "första" 1, kod0 2 …
}

TEST(Dictionary, CopyKeepsIdsAndIsIndependent) {
  Dictionary original;
  original.intern("a");
  original.intern("b");
  Dictionary copy(original);
  EXPECT_EQ(copy.intern("b"), 2u);
  EXPECT_EQ(copy.intern("c"), 3u);
  EXPECT_EQ(original.size(), 3u);
  Dictionary assigned;
  assigned = copy;
  EXPECT_EQ(assigned.text(3), "c");
  EXPECT_EQ(assigned.intern("a"), 1u);
}

}  // namespace
}  // namespace namnd

namespace namnd {
namespace {

TEST(Cube, ManyCellsKeepEveryAmountAndSortStably) {
  // 300 000 distinct cells (420 ansvar × 60 konton × 12 months ≈ 302 400), each added twice.
  Cube cube;
  std::int64_t expected = 0;
  int cells = 0;
  for (int a = 0; a < 420 && cells < 300'000; ++a)
    for (int k = 0; k < 60 && cells < 300'000; ++k)
      for (int m = 1; m <= 12 && cells < 300'000; ++m, ++cells) {
        const std::int64_t ore = (a + 1) * 1000 + k * 10 + m;
        cube.add(std::to_string(1000 + a), std::to_string(5000 + k), "", "", Period(2025, m),
                 Measure::Utfall, ore);
        cube.add(std::to_string(1000 + a), std::to_string(5000 + k), "", "", Period(2025, m),
                 Measure::Utfall, ore);
        expected += 2 * ore;
      }
  EXPECT_EQ(cube.cellCount(), 300'000u);
  EXPECT_EQ(cube.total(Measure::Utfall), expected);
  // A merged copy doubles every cell and keeps the count.
  Cube merged;
  merged.merge(cube);
  merged.merge(cube);
  EXPECT_EQ(merged.cellCount(), 300'000u);
  EXPECT_EQ(merged.total(Measure::Utfall), 2 * expected);
  std::string previous;
  std::size_t visited = 0;
  merged.forEachSorted([&](const CubeCell& c) {
    const std::string key =
        std::string(c.ansvar) + "|" + std::string(c.konto) + "|" + std::to_string(c.period.code());
    EXPECT_LT(previous, key);
    previous = key;
    ++visited;
  });
  EXPECT_EQ(visited, 300'000u);
}

}  // namespace
}  // namespace namnd
