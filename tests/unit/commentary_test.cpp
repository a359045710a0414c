// The controller's comments file and the commentary sections per verksamhetsområde.

#include "reports/manadsrapport/commentary.hpp"

#include <gtest/gtest.h>

#include <string>

#include "core/errors.hpp"
#include "support/test_support.hpp"

namespace namnd {
namespace {

OrgTree tree() {
  OrgTree t;
  t.add({"SN", "Socialnämnden", "", 1, 1, {}});
  t.add({"ALD", "Äldreomsorg", "SN", 2, 1, {}});
  t.add({"IFO", "Individ- och familjeomsorg", "SN", 2, 2, {}});
  t.add({"ESS", "Enheten för stöd och service", "SN", 2, 3, {}});
  t.add({"2200", "Hemtjänsten", "ALD", 3, 1, {}});
  t.add({"4100", "IFO myndighet", "IFO", 3, 1, {}});
  t.validate();
  return t;
}

const Period kOctober(2025, 10);

TEST(ControllerComments, ParagraphsAndBulletsPerArea) {
  const std::string text =
      "\xEF\xBB\xBF## Äldreomsorg\r\n"
      "Hemtjänsten står för största underskottet.\r\n"
      "Säbo ligger nära budget.\r\n"
      "\r\n"
      "- Grundlig genomlysning av hemtjänsten\r\n"
      "  inleds i november.\r\n"
      "* Vikarier bokas centralt\r\n"
      "<!-- att göra: lägg in siffror\r\n"
      "när de finns -->\r\n"
      "## IFO\r\n"
      "Placeringskostnaderna är kritiska.\r\n"
      "## enheten för stöd och service\r\n";
  const ControllerComments comments =
      parseControllerComments(text, "kommentarer.md", tree(), 2, kOctober);
  ASSERT_EQ(comments.size(), 2u);  // ESS has only its heading
  const AreaText& ald = comments.at("ALD");
  ASSERT_EQ(ald.paragraphs.size(), 1u);
  EXPECT_EQ(ald.paragraphs[0],
            "Hemtjänsten står för största underskottet. Säbo ligger nära budget.");
  ASSERT_EQ(ald.bullets.size(), 2u);
  EXPECT_EQ(ald.bullets[0], "Grundlig genomlysning av hemtjänsten inleds i november.");
  EXPECT_EQ(ald.bullets[1], "Vikarier bokas centralt");
  // "## IFO" names the area by its code.
  ASSERT_EQ(comments.at("IFO").paragraphs.size(), 1u);
  EXPECT_EQ(comments.at("IFO").paragraphs[0], "Placeringskostnaderna är kritiska.");
}

TEST(ControllerComments, MonthBlocksKeepOnlyTheReportsMonth) {
  const std::string text =
      "# 202509\n"
      "## Äldreomsorg\n"
      "September: hemtjänsten över budget.\n"
      "# 202510\n"
      "## Äldreomsorg\n"
      "Oktober: underskottet minskar.\n";
  const ControllerComments october =
      parseControllerComments(text, "kommentarer-2025.md", tree(), 2, kOctober);
  ASSERT_EQ(october.count("ALD"), 1u);
  EXPECT_EQ(october.at("ALD").paragraphs,
            std::vector<std::string>{"Oktober: underskottet minskar."});
  EXPECT_TRUE(parseControllerComments(text, "k.md", tree(), 2, Period(2025, 11)).empty());
}

TEST(ControllerComments, UnknownAreaNamesFileAndLine) {
  const std::string text = "## Äldreomsorg\nText.\n\n## Skolan\nMer text.\n";
  const auto error = testing::thrown<InputError>(
      [&] { parseControllerComments(text, "kommentarer.md", tree(), 2, kOctober); });
  ASSERT_TRUE(error);
  EXPECT_EQ(error->where().file, "kommentarer.md");
  EXPECT_EQ(error->where().line, 4);
  EXPECT_TRUE(testing::mentions(error, {"kommentarer.md", "rad 4", "Skolan", "Äldreomsorg"}));
}

TEST(ControllerComments, AnUnknownAreaInAnotherMonthIsStillAnError) {
  const std::string text = "# 202509\n## Skolan\nx\n# 202510\n## Äldreomsorg\ny\n";
  const auto error = testing::thrown<InputError>(
      [&] { parseControllerComments(text, "k.md", tree(), 2, kOctober); });
  ASSERT_TRUE(error);
  EXPECT_EQ(error->where().line, 2);
}

TEST(ControllerComments, TextBeforeAnyAreaAndOtherHeadingsAreErrors) {
  auto lineOf = [](const std::string& text) -> std::int64_t {
    const auto error = testing::thrown<InputError>(
        [&] { parseControllerComments(text, "k.md", tree(), 2, kOctober); });
    return error ? error->where().line : -1;
  };
  EXPECT_EQ(lineOf("Inledning utan rubrik\n## Äldreomsorg\n"), 1);
  EXPECT_EQ(lineOf("## Äldreomsorg\n### Underrubrik\n"), 2);
  EXPECT_EQ(lineOf("# Oktober\n## Äldreomsorg\n"), 1);
}

TEST(ControllerComments, ReadsAFileAndNamesItAsTheConfigDoes) {
  testing::TempDir dir;
  testing::writeFile(dir / "k.md", "## Äldreomsorg\nFrån fil.\n");
  const ControllerComments comments =
      readControllerComments(dir / "k.md", "kommentarer/k.md", tree(), 2, kOctober);
  EXPECT_EQ(comments.at("ALD").paragraphs[0], "Från fil.");
  const auto missing = testing::thrown<InputError>(
      [&] { readControllerComments(dir / "saknas.md", "saknas.md", tree(), 2, kOctober); });
  EXPECT_TRUE(testing::mentions(missing, {"saknas.md"}));
}

class CommentarySections : public ::testing::Test {
 protected:
  std::vector<Section> build(const ControllerComments& controller,
                             const PrognosSnapshot* snapshot) {
    PlaceholderValues values;
    addPeriodPlaceholders(values, "period", kOctober);
    return buildCommentarySections(areas, controller, snapshot, orgTree, texts, values);
  }
  OrgTree orgTree = tree();
  Cube empty;
  OrgRollup areas = rollUpToLevel(empty, orgTree, 2, kOctober);
  ReportTexts texts = ReportTexts::load(testing::repoPath("templates/text/manadsrapport.json"));
};

TEST_F(CommentarySections, ControllerTextThenEnhetschefCommentsUnderTheirArea) {
  ControllerComments controller;
  controller["ALD"] = {{"Controllerns stycke."}, {"Controllerns punkt."}};
  PrognosSnapshot snapshot{Period(2025, 10), {}};
  snapshot.entries.push_back({"2200", {}, -1'000'00, "Fler brukare än planerat.", "Ses över."});
  snapshot.entries.push_back({"4100", {}, -2'000'00, "", "Uppföljning av placeringar."});
  snapshot.entries.push_back({"ALD", {}, 0, "", ""});                // nothing said: no bullet
  snapshot.entries.push_back({"9999", {}, 0, "Okänt ansvar.", ""});  // under no area

  const auto sections = build(controller, &snapshot);
  ASSERT_EQ(sections.size(), 3u);
  const auto& ald = std::get<TextSection>(sections[0]);
  EXPECT_EQ(ald.id, "kommentar_ALD");
  EXPECT_EQ(ald.title, "Äldreomsorg");
  EXPECT_EQ(ald.paragraphs, std::vector<std::string>{"Controllerns stycke."});
  ASSERT_EQ(ald.bullets.size(), 2u);
  EXPECT_EQ(ald.bullets[0], "Controllerns punkt.");
  EXPECT_EQ(ald.bullets[1],
            "Hemtjänsten (prognos lämnad 202510): Fler brukare än planerat. Åtgärd: Ses över.");
  const auto& ifo = std::get<TextSection>(sections[1]);
  EXPECT_EQ(ifo.id, "kommentar_IFO");
  EXPECT_EQ(ifo.bullets,
            std::vector<std::string>{
                "IFO myndighet (prognos lämnad 202510): Åtgärd: Uppföljning av placeringar."});
  // Text that fits no area is kept, not dropped.
  const auto& other = std::get<TextSection>(sections[2]);
  EXPECT_EQ(other.id, "kommentar_ovriga");
  EXPECT_TRUE(testing::mentions(other.bullets.at(0), {"9999", "Okänt ansvar."}));
}

TEST_F(CommentarySections, NothingToSaySaysSo) {
  const auto sections = build({}, nullptr);
  ASSERT_EQ(sections.size(), 1u);
  const auto& only = std::get<TextSection>(sections[0]);
  EXPECT_EQ(only.id, "kommentarer");
  EXPECT_TRUE(testing::mentions(only.paragraphs.at(0), {"Inga kommentarer", "oktober 2025"}));
}

}  // namespace
}  // namespace namnd
