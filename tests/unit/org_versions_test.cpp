// Org versions: an ansvar that moves to another enhet from July (as Herrljunga's hemtjänst did)
// belongs to its old area in reports up to June and to its new one from July; orgMoves says so.

#include <gtest/gtest.h>

#include "aggregate/org_rollup.hpp"
#include "core/org_tree.hpp"

namespace namnd {
namespace {

OrgNode node(std::string code, std::string parent, int level, std::optional<Period> from = {},
             std::optional<Period> to = {}) {
  OrgNode n;
  n.code = code;
  n.name = "Namn " + code;
  n.parent = std::move(parent);
  n.level = level;
  n.validFrom = from;
  n.validTo = to;
  n.source = {"org.csv", 0, ""};
  return n;
}

OrgTree movingTree() {
  OrgTree tree;
  tree.add(node("SN", "", 1));
  tree.add(node("AO", "SN", 2));
  tree.add(node("HS", "SN", 2));
  tree.add(node("2230", "AO", 3, std::nullopt, Period(2025, 6)));
  tree.add(node("2230", "HS", 3, Period(2025, 7)));
  tree.validate();
  return tree;
}

TEST(OrgVersions, EachPeriodHasItsOwnTree) {
  const OrgTree tree = movingTree();
  EXPECT_TRUE(tree.hasVersions());
  EXPECT_EQ(tree.asOf(Period(2025, 6)).ancestorAtLevel("2230", 2)->code, "AO");
  EXPECT_EQ(tree.asOf(Period(2025, 7)).ancestorAtLevel("2230", 2)->code, "HS");
  EXPECT_EQ(tree.changePoints(), (std::vector<Period>{Period(2025, 7)}));
}

TEST(OrgVersions, AckFollowsThePeriodsTree) {
  const OrgTree tree = movingTree();
  Cube cube;
  for (int m = 1; m <= 10; ++m)
    cube.add("2230", "5110", "", "", Period(2025, m), Measure::Utfall, 100);
  // June: the ansvar is still in AO, with six months of utfall.
  const OrgTree juneTree = tree.asOf(Period(2025, 6));
  const OrgRollup june = rollUpToLevel(cube, juneTree, 2, Period(2025, 6));
  ASSERT_EQ(june.rows.size(), 2u);
  EXPECT_EQ(june.rows[0].first->code, "AO");
  EXPECT_EQ(june.rows[0].second.ackUtfall, 600);
  EXPECT_EQ(june.rows[1].second.ackUtfall, 0);
  // October: the whole ack follows it to HS, so areas compare like with like.
  const OrgTree octoberTree = tree.asOf(Period(2025, 10));
  const OrgRollup october = rollUpToLevel(cube, octoberTree, 2, Period(2025, 10));
  EXPECT_EQ(october.rows[0].second.ackUtfall, 0);
  EXPECT_EQ(october.rows[1].second.ackUtfall, 1'000);
}

TEST(OrgVersions, MovesAreListedWithTheirAreas) {
  const OrgTree tree = movingTree();
  const auto moves = orgMoves(tree.asOf(Period(2025, 1)), tree.asOf(Period(2025, 10)), 2);
  ASSERT_EQ(moves.size(), 1u);
  EXPECT_EQ(moves[0].code, "2230");
  EXPECT_EQ(moves[0].fromParent, "AO");
  EXPECT_EQ(moves[0].toParent, "HS");
  EXPECT_EQ(moves[0].fromArea, "Namn AO");
  EXPECT_EQ(moves[0].toArea, "Namn HS");
  EXPECT_EQ(moves[0].fromAreaCode, "AO");
  EXPECT_EQ(moves[0].toAreaCode, "HS");
  EXPECT_TRUE(orgMoves(tree.asOf(Period(2025, 7)), tree.asOf(Period(2025, 10)), 2).empty());
}

TEST(OrgVersions, OverlappingVersionsAreRefused) {
  OrgTree tree = movingTree();
  EXPECT_THROW(tree.add(node("2230", "AO", 3, Period(2025, 10))), InputError);
  EXPECT_THROW(tree.add(node("X", "AO", 3, Period(2025, 5), Period(2025, 4))), InputError);
}

TEST(OrgVersions, AStructureErrorInALaterVersionIsFound) {
  OrgTree tree = movingTree();
  // From 2026 a level-3 node hangs under a level-3 node: wrong level, only in that version.
  tree.add(node("2231", "2230", 3, Period(2026, 1)));
  EXPECT_THROW(tree.validate(), InputError);
}

}  // namespace
}  // namespace namnd
