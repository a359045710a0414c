// The parts of a document in a text template's "sektioner": {"del": …} items between the
// sections, their titles with placeholders filled, and the errors a kommun's editor can make.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/errors.hpp"
#include "reports/delarsrapport/delarsrapport_builder.hpp"
#include "reports/report_texts.hpp"
#include "reports/section_order.hpp"
#include "support/test_support.hpp"

namespace namnd {
namespace {

const std::vector<std::string> kKnown = {"sammanfattning", "tabell", "kontroller"};

class PartSections : public ::testing::Test {
 protected:
  // A template whose "sektioner" is `items` (JSON list items, comma-separated).
  ReportTexts texts(const std::string& items) {
    const auto file = dir_ / "mall.json";
    testing::writeFile(file, "{\"sektioner\": [" + items + "]}");
    return ReportTexts::load(file);
  }

  testing::TempDir dir_;
};

TEST_F(PartSections, PartsStandBetweenTheSectionsInTheTemplatesOrder) {
  const auto plan = sectionPlan(texts(R"({"del": "Tjänsteskrivelse"},
      {"id": "sammanfattning", "beskrivning": "x"},
      {"del": "{rapport} per {datum}", "beskrivning": "själva rapporten"},
      {"id": "tabell"},
      {"del": ""},
      {"id": "kontroller", "beskrivning": "x"})"),
                                kKnown, "mall.json");
  ASSERT_EQ(plan.size(), 6u);
  EXPECT_TRUE(plan[0].isPart);
  EXPECT_EQ(plan[0].partTitle, "Tjänsteskrivelse");
  EXPECT_FALSE(plan[1].isPart);
  EXPECT_EQ(plan[1].id, "sammanfattning");
  EXPECT_TRUE(plan[2].isPart);
  EXPECT_EQ(plan[3].id, "tabell");
  EXPECT_TRUE(plan[4].isPart);
  EXPECT_EQ(plan[4].partTitle, "");  // ends the part before
  EXPECT_EQ(plan[5].id, "kontroller");
  // Each part has its own anchor, numbered in order.
  EXPECT_EQ(plan[0].id, "del-1");
  EXPECT_EQ(plan[2].id, "del-2");
  EXPECT_EQ(plan[4].id, "del-3");

  const PartHeading report =
      partHeading(plan[2], {{"rapport", "Delårsrapport"}, {"datum", "2025-08-31"}}, "mall.json");
  EXPECT_EQ(report.title, "Delårsrapport per 2025-08-31");
  EXPECT_EQ(report.id, "del-2");
}

TEST_F(PartSections, TheSectionOrderLeavesThePartsOut) {
  const auto order =
      sectionOrder(texts(R"({"del": "A"}, {"id": "tabell"}, {"del": "B"}, {"id": "kontroller"})"),
                   kKnown, "mall.json");
  EXPECT_EQ(order, (std::vector<std::string>{"tabell", "kontroller"}));
}

TEST_F(PartSections, AnItemThatIsBothOrNeitherIsAConfigErrorNamingIt) {
  const auto both = testing::thrown<ConfigError>([&] {
    sectionPlan(texts(R"({"id": "tabell"}, {"id": "kontroller", "del": "Kontroller"})"), kKnown,
                "mall.json");
  });
  EXPECT_TRUE(
      testing::mentions(both, {"mall.json", "sektioner", "element 2", "\"id\"", "\"del\""}));

  const auto neither = testing::thrown<ConfigError>([&] {
    sectionPlan(texts(R"({"beskrivning": "vad?"}, {"id": "kontroller"})"), kKnown, "mall.json");
  });
  EXPECT_TRUE(testing::mentions(neither, {"mall.json", "sektioner", "element 1"}));

  const auto notText = testing::thrown<ConfigError>(
      [&] { sectionPlan(texts(R"({"del": 5}, {"id": "kontroller"})"), kKnown, "mall.json"); });
  EXPECT_TRUE(testing::mentions(notText, {"sektioner", "element 1", "\"del\"", "text"}));
}

TEST_F(PartSections, AnUnknownPlaceholderInAPartsTitleIsAConfigError) {
  const auto plan =
      sectionPlan(texts(R"({"del": "{okand}"}, {"id": "kontroller"})"), kKnown, "mall.json");
  const auto error = testing::thrown<ConfigError>([&] {
    partHeading(plan[0], {{"rapport", "R"}}, "mall.json");
  });
  EXPECT_TRUE(testing::mentions(error, {"mall.json", "sektioner", "okand"}));
}

TEST_F(PartSections, KontrollerMustStillBeListed) {
  const auto error = testing::thrown<ConfigError>(
      [&] { sectionPlan(texts(R"({"del": "Kontroller"}, {"id": "tabell"})"), kKnown, "m.json"); });
  EXPECT_TRUE(testing::mentions(error, {"m.json", "kontroller"}));
}

// The shipped templates declare their parts: the delårsrapport is a tjänsteskrivelse, the report
// and its bilagor (notes 004 §5.1, §5.3), the avvikelser report has a part per law (§5.4) and
// one for the under-reporting signal, which concerns both.
TEST(ShippedTemplates, DeclareTheirParts) {
  const auto titles = [](const std::string& kind, const std::vector<std::string>& known) {
    std::vector<std::string> parts;
    const auto texts = ReportTexts::load(testing::repoPath("templates/text/" + kind + ".json"));
    for (const PlannedSection& item : sectionPlan(texts, known, kind))
      if (item.isPart) parts.push_back(item.partTitle);
    return parts;
  };
  EXPECT_EQ(
      titles("delarsrapport", delarsrapportSectionIds()),
      (std::vector<std::string>{"Tjänsteskrivelse", "{rapport} per {per.datum}", "Bilagor", ""}));
  EXPECT_EQ(titles("avvikelser",
                   {"tjansteskrivelse", "sammanfattning", "oversikt", "per_enhet", "andelar",
                    "hsl_kategorier", "fall", "lakemedel", "hsl_ovrigt", "externa", "lex_sarah",
                    "lex_maria", "underrapportering", "kontroller"}),
            (std::vector<std::string>{"Tjänsteskrivelse", "", "Avvikelser enligt SoL och LSS",
                                      "Avvikelser enligt HSL", "Underrapportering", ""}));
}

}  // namespace
}  // namespace namnd
