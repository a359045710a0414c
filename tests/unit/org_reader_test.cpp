#include "ingest/org_reader.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/errors.hpp"
#include "ingest/source_file.hpp"
#include "support/csv_text_source.hpp"
#include "support/test_support.hpp"

namespace namnd {
namespace {

struct OrgText {
  std::string text;
};
OrgText orgFile(std::string text) { return {std::move(text)}; }
OrgTree readOrgTree(const OrgText& org) {
  testing::CsvTextSource source(org.text, "org.csv");
  return readOrgTree(source);
}
OrgTree readOrgTree(const SourceFile& file) {
  CsvSource source(file.path, file.displayName);
  return readOrgTree(source);
}

std::vector<std::string> codes(const std::vector<const OrgNode*>& nodes) {
  std::vector<std::string> result;
  for (const OrgNode* n : nodes) result.push_back(n->code);
  return result;
}

// The InputError reading `bytes` throws, or a failure when it throws none.
InputError orgError(std::string bytes) {
  try {
    readOrgTree(orgFile(std::move(bytes)));
  } catch (const InputError& e) {
    return e;
  }
  ADD_FAILURE() << "no InputError";
  return InputError({}, "");
}

const std::string kHeader = "kod;namn;foralder;niva\n";

TEST(OrgReader, ReadsATreeInFileOrder) {
  const OrgTree tree = readOrgTree(orgFile(kHeader + "SN;Socialnämnden;;1\n"
                                                     "IFO;Individ- och familjeomsorg;SN;2\n"
                                                     "AO;Äldreomsorg;SN;2\n"
                                                     "HT;Hemtjänst Tätort;AO;3\n"
                                                     "A100;Hemtjänst natt;HT;4\n"));
  EXPECT_EQ(tree.size(), 5u);
  ASSERT_NE(tree.find("AO"), nullptr);
  EXPECT_EQ(tree.find("AO")->name, "Äldreomsorg");
  EXPECT_EQ(tree.find("AO")->level, 2);
  EXPECT_EQ(tree.find("AO")->source.line, 4);
  EXPECT_EQ(tree.ancestorAtLevel("A100", 2)->code, "AO");
  // Without an ordning column the rows keep the order of the file (IFO before AO).
  EXPECT_EQ(codes(tree.nodesAtLevel(2)), (std::vector<std::string>{"IFO", "AO"}));
}

TEST(OrgReader, OrdningColumnAndSwedishHeaders) {
  const OrgTree tree =
      readOrgTree(orgFile("Kod;Benämning;Förälder;Nivå;Ordning\n"
                          "SN;Socialnämnden;;1;1\n"
                          "IFO;IFO;SN;2;20\n"
                          "AO;Äldreomsorg;SN;2;10\n"));
  EXPECT_EQ(codes(tree.nodesAtLevel(2)), (std::vector<std::string>{"AO", "IFO"}));
}

TEST(OrgReader, MissingParentIsListedWithItsRow) {
  const OrgTree tree = readOrgTree(orgFile(kHeader + "SN;Socialnämnden;;1\n"
                                                     "AO;Äldreomsorg;SN;2\n"
                                                     "HT;Hemtjänst;XO;3\n"));
  ASSERT_EQ(tree.problems().size(), 1u);
  EXPECT_NE(tree.problems()[0].find("org.csv rad 4"), std::string::npos) << tree.problems()[0];
  EXPECT_NE(tree.problems()[0].find("XO"), std::string::npos) << tree.problems()[0];
}

TEST(OrgReader, WrongLevelNamesTheRow) {
  const InputError e = orgError(kHeader +
                                "SN;Socialnämnden;;1\n"
                                "AO;Äldreomsorg;SN;2\n"
                                "HT;Hemtjänst;AO;4\n"
                                "A1;Ansvar;HT;5\n");
  EXPECT_EQ(e.where().line, 4);
}

TEST(OrgReader, CycleNamesARowOfTheCycle) {
  const InputError e = orgError(kHeader +
                                "SN;Socialnämnden;;1\n"
                                "P;P;Q;2\n"
                                "Q;Q;P;3\n");
  EXPECT_TRUE(e.where().line == 3 || e.where().line == 4) << e.what();
}

TEST(OrgReader, DuplicateCodeNamesTheSecondRow) {
  const InputError e = orgError(kHeader +
                                "SN;Socialnämnden;;1\n"
                                "AO;Äldreomsorg;SN;2\n"
                                "AO;Äldreomsorg igen;SN;2\n");
  EXPECT_EQ(e.where().line, 4);
}

TEST(OrgReader, BadFieldsNameLineAndColumn) {
  InputError e = orgError(kHeader + "SN;Socialnämnden;;1\n;Utan kod;SN;2\n");
  EXPECT_EQ(e.where().line, 3);
  EXPECT_EQ(e.where().column, "kod");
  e = orgError(kHeader + "SN;Socialnämnden;;1\nAO;;SN;2\n");
  EXPECT_EQ(e.where().column, "namn");
  e = orgError(kHeader + "SN;Socialnämnden;;ett\n");
  EXPECT_EQ(e.where().line, 2);
  EXPECT_EQ(e.where().column, "niva");
  e = orgError(kHeader + "SN;Socialnämnden;;1\nAO;Äldreomsorg;SN\n");
  EXPECT_EQ(e.where().line, 3);
}

TEST(OrgReader, FileWithoutNodesIsAnError) {
  EXPECT_THROW(readOrgTree(orgFile(kHeader)), InputError);
  EXPECT_THROW(readOrgTree(orgFile("")), InputError);
  EXPECT_THROW(readOrgTree(orgFile("kod;namn;niva\nSN;S;1\n")), InputError);  // no foralder
}

TEST(OrgReader, ExampleKommunOrgFileIsValid) {
  const OrgTree tree =
      readOrgTree(readSourceFile(testing::repoPath("data/exempel/org.csv"), "org.csv"));
  // One nämnd at the top; every ansvar (level 4) sits under one of its areas.
  EXPECT_EQ(codes(tree.nodesAtLevel(1)), (std::vector<std::string>{"SN"}));
  for (const OrgNode* ansvar : tree.nodesAtLevel(4))
    EXPECT_NE(tree.ancestorAtLevel(ansvar->code, 2), nullptr) << ansvar->code;
}

}  // namespace
}  // namespace namnd
