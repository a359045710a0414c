// Two prognosis snapshots side by side (notes 002 R3), and which two a report compares.

#include "reports/manadsrapport/snapshot_comparison.hpp"

#include <gtest/gtest.h>

#include "core/errors.hpp"
#include "support/test_support.hpp"

namespace namnd {
namespace {

const std::vector<Period> kStored = {Period(2024, 12), Period(2025, 5), Period(2025, 8),
                                     Period(2025, 10)};

TEST(ChooseSnapshots, LaterThanAugustComparesWithTheDelarPrognosis) {
  const SnapshotChoice choice = chooseSnapshots(kStored, Period(2025, 11), std::nullopt);
  EXPECT_EQ(choice.current, Period(2025, 10));
  EXPECT_EQ(choice.earlier, Period(2025, 8));
}

TEST(ChooseSnapshots, OtherwiseThePreviousSnapshotOfTheYear) {
  // Current is August itself: the one before it.
  SnapshotChoice choice = chooseSnapshots(kStored, Period(2025, 9), std::nullopt);
  EXPECT_EQ(choice.current, Period(2025, 8));
  EXPECT_EQ(choice.earlier, Period(2025, 5));
  // The year's first snapshot has nothing before it in the year (2024-12 is another year).
  choice = chooseSnapshots(kStored, Period(2025, 6), std::nullopt);
  EXPECT_EQ(choice.current, Period(2025, 5));
  EXPECT_EQ(choice.earlier, std::nullopt);
  // Nothing submitted yet this year.
  choice = chooseSnapshots(kStored, Period(2025, 2), std::nullopt);
  EXPECT_EQ(choice.current, std::nullopt);
  EXPECT_EQ(choice.earlier, std::nullopt);
}

TEST(ChooseSnapshots, WithoutAnAugustSnapshotFallsBackToThePreviousOne) {
  const SnapshotChoice choice = chooseSnapshots(
      {Period(2025, 4), Period(2025, 9), Period(2025, 11)}, Period(2025, 12), std::nullopt);
  EXPECT_EQ(choice.current, Period(2025, 11));
  EXPECT_EQ(choice.earlier, Period(2025, 9));
}

TEST(ChooseSnapshots, RequestedSnapshotMustBeStoredAndEarlierInTheSameYear) {
  EXPECT_EQ(chooseSnapshots(kStored, Period(2025, 10), Period(2025, 5)).earlier, Period(2025, 5));
  EXPECT_TRUE(testing::mentions(testing::thrown<ConfigError>([] {
                                  chooseSnapshots(kStored, Period(2025, 10), Period(2025, 7));
                                }),
                                {"--jamfor 202507", "ingen prognos"}));
  EXPECT_TRUE(testing::thrown<ConfigError>(
      [] { chooseSnapshots(kStored, Period(2025, 10), Period(2025, 10)); }));
  EXPECT_TRUE(testing::thrown<ConfigError>(
      [] { chooseSnapshots(kStored, Period(2025, 10), Period(2024, 12)); }));
}

class Comparison : public ::testing::Test {
 protected:
  void SetUp() override {
    tree.add({"SN", "Socialnämnden", "", 1, 1, {}});
    tree.add({"ALD", "Äldreomsorg", "SN", 2, 1, {}});
    tree.add({"IFO", "Individ- och familjeomsorg", "SN", 2, 2, {}});
    tree.add({"ESS", "Enheten för stöd och service", "SN", 2, 3, {}});
    tree.validate();
    areas.emplace(rollUpToLevel(cube, tree, 2, Period(2025, 10)));
    addPeriodPlaceholders(values, "period", Period(2025, 10));
  }
  PrognosRollup snapshot(Period period, std::map<std::string, std::int64_t, std::less<>> byNode) {
    PrognosRollup r{.snapshotPeriod = period, .avvikelseByNode = std::move(byNode)};
    for (const auto& [code, ore] : r.avvikelseByNode) r.total += ore;
    return r;
  }
  OrgTree tree;
  Cube cube;
  std::optional<OrgRollup> areas;
  PlaceholderValues values;
  ReportTexts texts = ReportTexts::load(testing::repoPath("templates/text/manadsrapport.json"));
};

TEST_F(Comparison, ChangePerAreaIsLaterMinusEarlierAndHeadersNameBothPeriods) {
  // Äldreomsorg: −16 333 000 → −17 333 400 kr: −1 000 400 kr, about −1 000 tkr.
  // IFO: −5 512 000 → −4 012 000 kr: +1 500 tkr (better).
  // ESS: only in the later snapshot, so no change is shown for it (a prognosis that was not
  // returned is not an improvement) and the total change counts ALD and IFO only.
  const PrognosRollup august =
      snapshot(Period(2025, 8), {{"ALD", -16'333'000'00}, {"IFO", -5'512'000'00}});
  const PrognosRollup october = snapshot(
      Period(2025, 10), {{"ALD", -17'333'400'00}, {"IFO", -4'012'000'00}, {"ESS", -600'00}});
  const Table table =
      buildSnapshotComparison(*areas, august, october, RoundingMode::PerCell, texts, values);
  EXPECT_EQ(table.id, "jamforelse");
  ASSERT_EQ(table.columns.size(), 4u);
  EXPECT_EQ(table.columns[1].header, "Prognos lämnad 202508");
  EXPECT_EQ(table.columns[2].header, "Prognos lämnad 202510");
  EXPECT_EQ(table.columns[3].header, "Förändring");
  ASSERT_EQ(table.rows.size(), 4u);
  auto amount = [&](std::size_t row, std::size_t column) {
    return std::get<std::int64_t>(table.rows[row].cells[column]);
  };
  EXPECT_EQ(amount(0, 1), -16'333);
  EXPECT_EQ(amount(0, 2), -17'333);
  EXPECT_EQ(amount(0, 3), -1'000);
  EXPECT_EQ(amount(1, 3), 1'500);
  EXPECT_TRUE(std::holds_alternative<std::monostate>(table.rows[2].cells[1]));
  EXPECT_EQ(amount(2, 2), -1);  // −600 kr rounds to −1 tkr
  EXPECT_TRUE(std::holds_alternative<std::monostate>(table.rows[2].cells[3]));
  // Totalt: −21 845 000 and −21 346 000 kr (−17 333 400 − 4 012 000 − 600) as submitted; the
  // change over the areas in both: −1 000 400 + 1 500 000 = 499 600 kr → +500 tkr.
  EXPECT_EQ(table.rows[3].kind, RowKind::Total);
  EXPECT_EQ(amount(3, 1), -21'845);
  EXPECT_EQ(amount(3, 2), -21'346);
  EXPECT_EQ(amount(3, 3), 500);
  ASSERT_EQ(table.footnotes.size(), 2u);
  EXPECT_NE(table.footnotes[1].find("Enheten för stöd och service"), std::string::npos)
      << table.footnotes[1];
}

}  // namespace
}  // namespace namnd
