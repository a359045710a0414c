#include "core/org_tree.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace namnd {
namespace {

OrgNode node(std::string code, std::string parent, int level, int order, std::int64_t line) {
  return {code,  "Namn " + code, parent,       level,
          order, std::nullopt,   std::nullopt, {"org.csv", line, ""}};
}

std::vector<std::string> codes(const std::vector<const OrgNode*>& nodes) {
  std::vector<std::string> result;
  for (const OrgNode* n : nodes) result.push_back(n->code);
  return result;
}

// Socialnämnden → Äldreomsorg (shown second), IFO (shown first) → enheter → ansvar.
OrgTree exampleTree() {
  OrgTree tree;
  tree.add(node("SN", "", 1, 1, 2));
  tree.add(node("AO", "SN", 2, 2, 3));
  tree.add(node("IFO", "SN", 2, 1, 4));
  tree.add(node("HT", "AO", 3, 1, 5));
  tree.add(node("A120", "HT", 4, 2, 6));
  tree.add(node("A110", "HT", 4, 2, 7));  // same order as A120: the code decides
  tree.add(node("BOU", "IFO", 3, 1, 8));
  tree.add(node("A300", "BOU", 4, 1, 9));
  return tree;
}

TEST(OrgTree, FindsNodesByCode) {
  OrgTree tree = exampleTree();
  EXPECT_EQ(tree.size(), 8u);
  ASSERT_NE(tree.find("HT"), nullptr);
  EXPECT_EQ(tree.find("HT")->parent, "AO");
  EXPECT_EQ(tree.find("XX"), nullptr);
  EXPECT_NO_THROW(tree.validate());
}

TEST(OrgTree, AncestorAtLevel) {
  const OrgTree tree = exampleTree();
  ASSERT_NE(tree.ancestorAtLevel("A110", 2), nullptr);
  EXPECT_EQ(tree.ancestorAtLevel("A110", 2)->code, "AO");
  EXPECT_EQ(tree.ancestorAtLevel("A110", 1)->code, "SN");
  EXPECT_EQ(tree.ancestorAtLevel("A110", 4)->code, "A110");  // the node itself
  EXPECT_EQ(tree.ancestorAtLevel("A300", 3)->code, "BOU");
  EXPECT_EQ(tree.ancestorAtLevel("AO", 3), nullptr);  // above the level
  EXPECT_EQ(tree.ancestorAtLevel("okänd", 2), nullptr);
}

TEST(OrgTree, NodesAtLevelInReportOrder) {
  const OrgTree tree = exampleTree();
  EXPECT_EQ(codes(tree.nodesAtLevel(1)), (std::vector<std::string>{"SN"}));
  EXPECT_EQ(codes(tree.nodesAtLevel(2)), (std::vector<std::string>{"IFO", "AO"}));
  // Depth first: everything under IFO before everything under AO.
  EXPECT_EQ(codes(tree.nodesAtLevel(4)), (std::vector<std::string>{"A300", "A110", "A120"}));
  EXPECT_TRUE(tree.nodesAtLevel(5).empty());
}

TEST(OrgTree, ChildrenSortedByOrderThenCode) {
  const OrgTree tree = exampleTree();
  EXPECT_EQ(codes(tree.children("SN")), (std::vector<std::string>{"IFO", "AO"}));
  EXPECT_EQ(codes(tree.children("HT")), (std::vector<std::string>{"A110", "A120"}));
  EXPECT_TRUE(tree.children("A300").empty());
}

TEST(OrgTree, DuplicateCodeIsAnInputError) {
  OrgTree tree = exampleTree();
  try {
    tree.add(node("HT", "AO", 3, 1, 12));
    FAIL() << "no InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().line, 12);
  }
}

TEST(OrgTree, MissingParentIsListedNotFatal) {
  // The data-quality report lists nodes without parents; the node's amounts show as not placed.
  OrgTree tree = exampleTree();
  tree.add(node("X1", "FINNSEJ", 3, 1, 10));
  EXPECT_NO_THROW(tree.validate());
  ASSERT_EQ(tree.problems().size(), 1u);
  EXPECT_NE(tree.problems()[0].find("org.csv rad 10"), std::string::npos) << tree.problems()[0];
  EXPECT_NE(tree.problems()[0].find("FINNSEJ"), std::string::npos) << tree.problems()[0];
  EXPECT_EQ(tree.ancestorAtLevel("X1", 2), nullptr);
}

TEST(OrgTree, WrongLevelNamesTheRow) {
  OrgTree tree = exampleTree();
  tree.add(node("X2", "AO", 4, 1, 11));  // a child of a level-2 node must be level 3
  try {
    tree.validate();
    FAIL() << "no InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where().line, 11);
  }
}

TEST(OrgTree, CycleNamesARowOfTheCycle) {
  OrgTree tree;
  tree.add(node("SN", "", 1, 1, 2));
  tree.add(node("P", "Q", 2, 1, 3));
  tree.add(node("Q", "P", 3, 1, 4));
  try {
    tree.validate();
    FAIL() << "no InputError";
  } catch (const InputError& e) {
    EXPECT_TRUE(e.where().line == 3 || e.where().line == 4) << e.what();
  }
}

TEST(OrgTree, NodeThatIsItsOwnParentIsAnError) {
  OrgTree tree;
  tree.add(node("SN", "SN", 1, 1, 2));
  EXPECT_THROW(tree.validate(), InputError);
}

}  // namespace
}  // namespace namnd
