#include "aggregate/org_rollup.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "aggregate/prognos_rollup.hpp"

namespace namnd {
namespace {

void PrintTo(const Figures& f, std::ostream* os) {
  *os << "{ackUtfall " << f.ackUtfall << ", ackBudget " << f.ackBudget << ", helarBudget "
      << f.helarBudget << "}";
}

Figures figures(std::int64_t ackUtfall, std::int64_t ackBudget, std::int64_t helarBudget) {
  Figures f;
  f.ackUtfall = ackUtfall;
  f.ackBudget = ackBudget;
  f.helarBudget = helarBudget;
  return f;
}

// SN (nämnd) → AO, IFO (areas, AO shown first) → ansvar A1, A2 under AO and A3 under IFO.
OrgTree exampleTree() {
  OrgTree tree;
  tree.add({"SN", "Socialnämnden", "", 1, 1, {}});
  tree.add({"AO", "Äldreomsorg", "SN", 2, 1, {}});
  tree.add({"IFO", "Individ- och familjeomsorg", "SN", 2, 2, {}});
  tree.add({"A1", "Hemtjänst", "AO", 3, 1, {}});
  tree.add({"A2", "Särskilt boende", "AO", 3, 2, {}});
  tree.add({"A3", "Försörjningsstöd", "IFO", 3, 1, {}});
  tree.validate();
  return tree;
}

void utfall(Cube& cube, std::string_view ansvar, int year, int month, std::int64_t ore) {
  cube.add(ansvar, "5011", "", "", Period(year, month), Measure::Utfall, ore);
}
void budget(Cube& cube, std::string_view ansvar, int year, int month, std::int64_t ore) {
  cube.add(ansvar, "5011", "", "", Period(year, month), Measure::Budget, ore);
}

// Rolled up through March 2025. Hand-computed sums per area are in the tests below.
Cube exampleCube() {
  Cube cube;
  utfall(cube, "A1", 2025, 1, 1'000);
  utfall(cube, "A1", 2025, 3, 500);
  utfall(cube, "A1", 2025, 4, 700);     // after the ack range: not in ack utfall
  utfall(cube, "A1", 2024, 12, 9'999);  // another year: ignored
  utfall(cube, "A2", 2025, 2, 200);
  utfall(cube, "A3", 2025, 1, 300);
  utfall(cube, "X9", 2025, 2, 50);  // an ansvar the org does not know
  utfall(cube, "SN", 2025, 1, 40);  // booked on the nämnd itself, above the report level
  for (int m = 1; m <= 12; ++m) {
    budget(cube, "A1", 2025, m, 100);
    budget(cube, "A3", 2025, m, 50);
  }
  budget(cube, "X9", 2025, 6, 80);
  budget(cube, "A2", 2026, 12, 5'000);  // next year: ignored
  return cube;
}

TEST(OrgRollup, RowsPerNodeAtTheLevelInReportOrder) {
  const OrgTree tree = exampleTree();
  const OrgRollup rollup = rollUpToLevel(exampleCube(), tree, 2, Period(2025, 3));
  EXPECT_EQ(rollup.through, Period(2025, 3));
  EXPECT_EQ(rollup.level, 2);
  ASSERT_EQ(rollup.rows.size(), 2u);
  EXPECT_EQ(rollup.rows[0].first->code, "AO");
  // AO: utfall 1 000 + 500 + 200; budget Jan–Mar 3 × 100; helår 12 × 100.
  EXPECT_EQ(rollup.rows[0].second, figures(1'700, 300, 1'200));
  EXPECT_EQ(rollup.rows[1].first->code, "IFO");
  EXPECT_EQ(rollup.rows[1].second, figures(300, 150, 600));
  EXPECT_EQ(rollup.reported, figures(2'000, 450, 1'800));
}

TEST(OrgRollup, UnmappedCodesAreKeptApart) {
  const OrgTree tree = exampleTree();
  const OrgRollup rollup = rollUpToLevel(exampleCube(), tree, 2, Period(2025, 3));
  ASSERT_EQ(rollup.unmappedCodes.size(), 2u);
  EXPECT_EQ(rollup.unmappedCodes.at("X9"), figures(50, 0, 80));
  EXPECT_EQ(rollup.unmappedCodes.at("SN"), figures(40, 0, 0));
  EXPECT_EQ(rollup.unmapped, figures(90, 0, 80));
}

TEST(OrgRollup, EveryOreIsAccountedFor) {
  const OrgTree tree = exampleTree();
  const OrgRollup rollup = rollUpToLevel(exampleCube(), tree, 2, Period(2025, 3));
  // Source: utfall Jan–Mar 2025 = 1 000 + 500 + 200 + 300 + 50 + 40;
  // budget Jan–Mar = 3 × 100 + 3 × 50; helår = 1 200 + 600 + 80.
  EXPECT_EQ(rollup.source, figures(2'090, 450, 1'880));
  EXPECT_EQ(rollup.source.ackUtfall, rollup.reported.ackUtfall + rollup.unmapped.ackUtfall);
  EXPECT_EQ(rollup.source.ackBudget, rollup.reported.ackBudget + rollup.unmapped.ackBudget);
  EXPECT_EQ(rollup.source.helarBudget, rollup.reported.helarBudget + rollup.unmapped.helarBudget);
}

TEST(OrgRollup, CodesSeenAndSumsUnderAnyNode) {
  const OrgTree tree = exampleTree();
  const OrgRollup rollup = rollUpToLevel(exampleCube(), tree, 2, Period(2025, 3));
  EXPECT_EQ(rollup.byCode.at("A1"), figures(1'500, 300, 1'200));
  EXPECT_EQ(rollup.byCode.at("A2"), figures(200, 0, 0));
  EXPECT_EQ(rollup.under(tree, "A1"), figures(1'500, 300, 1'200));
  EXPECT_EQ(rollup.under(tree, "AO"), figures(1'700, 300, 1'200));
  // The nämnd holds its areas and what was booked on it directly, not the unknown X9.
  EXPECT_EQ(rollup.under(tree, "SN"), figures(2'040, 450, 1'800));
  EXPECT_EQ(rollup.under(tree, "okänd"), Figures{});
}

TEST(OrgRollup, NodeWithoutAmountsStillGetsARow) {
  const OrgTree tree = exampleTree();
  Cube cube;
  utfall(cube, "A1", 2025, 1, 10);
  const OrgRollup rollup = rollUpToLevel(cube, tree, 3, Period(2025, 1));
  ASSERT_EQ(rollup.rows.size(), 3u);
  EXPECT_EQ(rollup.rows[0].first->code, "A1");
  EXPECT_EQ(rollup.rows[0].second, figures(10, 0, 0));
  EXPECT_EQ(rollup.rows[1].first->code, "A2");
  EXPECT_EQ(rollup.rows[1].second, Figures{});
  EXPECT_EQ(rollup.rows[2].first->code, "A3");
}

TEST(OrgRollup, AckAvvikelseIsBudgetMinusUtfall) {
  EXPECT_EQ(figures(1'700, 300, 1'200).ackAvvikelse(), -1'400);  // underskott
  EXPECT_EQ(figures(100, 250, 0).ackAvvikelse(), 150);           // överskott
}

// A revision as the budget reader stores it: spread evenly over giltig_from..December, and its
// whole amount once at giltig_from as the decision.
void revision(Cube& cube, std::string_view ansvar, int fromMonth, std::int64_t perMonth) {
  for (int m = fromMonth; m <= 12; ++m) budget(cube, ansvar, 2025, m, perMonth);
  cube.add(ansvar, "5011", "", "", Period(2025, fromMonth), Measure::BudgetBeslut,
           perMonth * (13 - fromMonth));
}

// A1 (AO) 100 a month and from October +100 a month (decided: +300); A3 (IFO) 50 a month and
// from March −5 a month (decided: −50).
Cube revisedCube() {
  Cube cube;
  for (int m = 1; m <= 12; ++m) {
    budget(cube, "A1", 2025, m, 100);
    budget(cube, "A3", 2025, m, 50);
  }
  revision(cube, "A1", 10, 100);
  revision(cube, "A3", 3, -5);
  return cube;
}

TEST(OrgRollup, HelarBudgetIsTheBudgetAsKnownAtThePeriod) {
  const OrgTree tree = exampleTree();
  const Cube cube = revisedCube();

  // August: October's revision is not decided yet; March's is.
  const OrgRollup august = rollUpToLevel(cube, tree, 2, Period(2025, 8));
  EXPECT_EQ(august.rows[0].second, figures(0, 8 * 100, 12 * 100));
  EXPECT_EQ(august.rows[1].second, figures(0, 8 * 50 - 6 * 5, 12 * 50 - 50));
  EXPECT_EQ(august.byCode.at("A1").helarBudget, 1'200);
  EXPECT_EQ(august.laterRevisions, 300);

  // October: both revisions, and October's month of the new one in ack budget.
  const OrgRollup october = rollUpToLevel(cube, tree, 2, Period(2025, 10));
  EXPECT_EQ(october.rows[0].second, figures(0, 10 * 100 + 100, 12 * 100 + 300));
  EXPECT_EQ(october.rows[1].second, figures(0, 10 * 50 - 8 * 5, 12 * 50 - 50));
  EXPECT_EQ(october.laterRevisions, 0);

  // September (the month before) still leaves it out; December has everything.
  EXPECT_EQ(rollUpToLevel(cube, tree, 2, Period(2025, 9)).rows[0].second.helarBudget, 1'200);
  EXPECT_EQ(rollUpToLevel(cube, tree, 2, Period(2025, 12)).rows[0].second.helarBudget, 1'500);

  // Σ every budget cell of the year = the budget as known + what was decided later.
  const std::int64_t yearBudget = 12 * 100 + 3 * 100 + 12 * 50 - 10 * 5;
  EXPECT_EQ(august.source.helarBudget + august.laterRevisions, yearBudget);
  EXPECT_EQ(cube.total(Measure::Budget), yearBudget);
}

TEST(OrgRollup, AugustIsTheSameBeforeAndAfterALaterRevisionArrives) {
  const OrgTree tree = exampleTree();
  Cube asInAugust;
  for (int m = 1; m <= 12; ++m) budget(asInAugust, "A1", 2025, m, 100);
  Cube asInDecember = asInAugust;
  revision(asInDecember, "A1", 10, 100);
  revision(asInDecember, "A2", 11, 40);  // a code that had no budget before
  const Figures before = rollUpToLevel(asInAugust, tree, 2, Period(2025, 8)).rows[0].second;
  const Figures after = rollUpToLevel(asInDecember, tree, 2, Period(2025, 8)).rows[0].second;
  EXPECT_EQ(before, figures(0, 800, 1'200));
  EXPECT_EQ(after, before);
}

TEST(PrognosRollup, EntriesRolledUpToTheLevel) {
  const OrgTree tree = exampleTree();
  const OrgRollup year = rollUpToLevel(exampleCube(), tree, 2, Period(2025, 3));
  PrognosSnapshot snapshot{Period(2025, 8), {}};
  // An ansvar's helår prognos becomes Budget − Prognos = 1 200 − 1 000 = 200 (överskott).
  snapshot.entries.push_back({"A1", 1'000, std::nullopt, "", ""});
  snapshot.entries.push_back({"A3", std::nullopt, -70, "", ""});
  snapshot.entries.push_back({"AO", std::nullopt, 30, "", ""});
  // An area's helår prognos against the budget of everything under it: 600 − 700.
  snapshot.entries.push_back({"IFO", 700, std::nullopt, "", ""});
  snapshot.entries.push_back({"SN", std::nullopt, 5, "", ""});   // above the level
  snapshot.entries.push_back({"Q7", std::nullopt, 11, "", ""});  // unknown
  const PrognosRollup rollup = rollUpPrognos(snapshot, tree, year);
  EXPECT_EQ(rollup.snapshotPeriod, Period(2025, 8));
  const std::map<std::string, std::int64_t, std::less<>> expected = {{"AO", 200 + 30},
                                                                     {"IFO", -70 - 100}};
  EXPECT_EQ(rollup.avvikelseByNode, expected);
  EXPECT_EQ(rollup.total, 230 - 170);
  EXPECT_EQ(rollup.unmapped,
            (std::vector<std::pair<std::string, std::int64_t>>{{"SN", 5}, {"Q7", 11}}));
}

}  // namespace
}  // namespace namnd
