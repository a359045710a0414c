// The HTML pages of the example kommun's reports as a reader (and a screen reader) meets them:
// one h1, the document's parts as h2 with their sections as h3, no skipped heading level, unique
// ids, the kommun's logo in the header, and the print rules (landscape pages for wide tables).

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "support/test_support.hpp"

namespace namnd {
namespace {

namespace fs = std::filesystem;

struct Heading {
  int level = 0;
  std::string text;
};

std::vector<Heading> headings(const std::string& html) {
  static const std::regex kHeading(R"(<h([1-6])>([^<]*)</h\1>)");
  std::vector<Heading> found;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), kHeading);
       it != std::sregex_iterator(); ++it)
    found.push_back({std::stoi((*it)[1].str()), (*it)[2].str()});
  return found;
}

std::size_t count(const std::string& text, const std::regex& pattern) {
  return static_cast<std::size_t>(std::distance(
      std::sregex_iterator(text.begin(), text.end(), pattern), std::sregex_iterator()));
}

// The h2 each h3 stands under, by the h3's text (texts that repeat collect every h2).
std::multimap<std::string, std::string> partsOf(const std::vector<Heading>& found) {
  std::multimap<std::string, std::string> parts;
  std::string part;
  for (const Heading& h : found) {
    if (h.level == 2) part = h.text;
    if (h.level == 3) parts.emplace(h.text, part);
  }
  return parts;
}

class HtmlStructure : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = std::make_unique<testing::TempDir>();
    const auto generated = testing::layOutExampleKommun(dir_->path());
    ASSERT_EQ(generated.exitCode, 0) << generated.output;
    const std::string config = (dir_->path() / "data" / "exempel" / "namnd.json").string();
    for (const std::vector<std::string>& args :
         {std::vector<std::string>{"delarsrapport", "--config", config, "--per", "2025-08-31"},
          {"avvikelser", "--config", config, "--period", "2025H1"},
          {"manadsrapport", "--config", config, "--period", "202510"},
          {"kontroll", "--config", config, "--period", "202510"}}) {
      const auto run = testing::runNamnd(args);
      ASSERT_EQ(run.exitCode, 0) << args[0] << ": " << run.output;
    }
  }
  static void TearDownTestSuite() { dir_.reset(); }

  // The page a report command wrote: the one .html file whose name starts with `kind` + "-".
  static std::string page(const std::string& kind) {
    std::vector<fs::path> found;
    for (const auto& entry : fs::directory_iterator(dir_->path() / "output"))
      if (entry.path().extension() == ".html" &&
          entry.path().filename().string().starts_with(kind + "-"))
        found.push_back(entry.path());
    EXPECT_EQ(found.size(), 1u) << kind;
    return found.empty() ? "" : testing::readFile(found.front());
  }

  static const std::vector<std::string>& kinds() {
    static const std::vector<std::string> kKinds = {"delarsrapport", "avvikelser", "manadsrapport",
                                                    "kontroll"};
    return kKinds;
  }

  static std::unique_ptr<testing::TempDir> dir_;
};

std::unique_ptr<testing::TempDir> HtmlStructure::dir_;

TEST_F(HtmlStructure, EveryPageHasOneH1AndSkipsNoHeadingLevel) {
  for (const std::string& kind : kinds()) {
    const std::string html = page(kind);
    const std::vector<Heading> found = headings(html);
    ASSERT_FALSE(found.empty()) << kind;
    // Every heading of the page is one the pattern reads (none carries attributes it misses).
    EXPECT_EQ(found.size(), count(html, std::regex("<h[1-6][ >]"))) << kind;
    EXPECT_EQ(found.front().level, 1) << kind;
    for (std::size_t i = 1; i < found.size(); ++i) {
      EXPECT_GE(found[i].level, 2) << kind << ": " << found[i].text;
      EXPECT_LE(found[i].level, found[i - 1].level + 1) << kind << ": " << found[i].text;
    }
  }
}

TEST_F(HtmlStructure, EveryIdIsUniqueAndSectionsAreClosed) {
  static const std::regex kId(R"re(\sid="([^"]+)")re");
  for (const std::string& kind : kinds()) {
    const std::string html = page(kind);
    std::set<std::string> seen;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), kId);
         it != std::sregex_iterator(); ++it)
      EXPECT_TRUE(seen.insert((*it)[1].str()).second) << kind << ": id " << (*it)[1].str();
    EXPECT_EQ(count(html, std::regex("<section[ >]")), count(html, std::regex("</section>")))
        << kind;
  }
}

// The delårsrapport is a tjänsteskrivelse, the report itself and its bilaga (the Herrljunga
// document, notes 004 §5.1 and §5.3): both have a Sammanfattning, each under its own part.
TEST_F(HtmlStructure, TheDelarsrapportsTwoSammanfattningarStandUnderDifferentParts) {
  const std::vector<Heading> found = headings(page("delarsrapport"));
  std::vector<std::string> parts;
  for (const Heading& h : found)
    if (h.level == 2) parts.push_back(h.text);
  ASSERT_EQ(parts.size(), 4u);
  EXPECT_EQ(parts[0], "Tjänsteskrivelse");
  EXPECT_TRUE(parts[1].starts_with("Delårsrapport per 2025-08-31")) << parts[1];
  EXPECT_EQ(parts[2], "Bilagor");
  EXPECT_EQ(parts[3], "Kontroller");  // outside the parts, after the last
  EXPECT_EQ(found.back().text, "Kontroller");

  const auto under = partsOf(found);
  const auto [first, last] = under.equal_range("Sammanfattning");
  ASSERT_EQ(std::distance(first, last), 2);
  EXPECT_EQ(first->second, parts[0]);
  EXPECT_EQ(std::next(first)->second, parts[1]);
  EXPECT_EQ(under.find("Förslag till beslut")->second, parts[0]);
  EXPECT_EQ(under.find("Bilaga fördelning per ansvarsnivå")->second, parts[2]);
  EXPECT_EQ(under.find("Driftredovisning per kostnadsslag")->second, parts[1]);
}

// The avvikelser report has a part per law, as the Herrljunga halvårsrapport (notes 004 §5.4).
TEST_F(HtmlStructure, TheAvvikelserReportHasAPartPerLaw) {
  const auto under = partsOf(headings(page("avvikelser")));
  const auto partStartingWith = [&](const std::string& prefix) {
    for (const auto& [section, part] : under)
      if (section.starts_with(prefix)) return part;
    return std::string("(saknas)");
  };
  EXPECT_EQ(partStartingWith("Lex Sarah"), "Avvikelser enligt SoL och LSS");
  EXPECT_EQ(partStartingWith("Översikt avvikelser enligt SoL och LSS"),
            "Avvikelser enligt SoL och LSS");
  EXPECT_EQ(partStartingWith("Lex Maria"), "Avvikelser enligt HSL");
  EXPECT_EQ(partStartingWith("Avvikelser enligt HSL per kategori"), "Avvikelser enligt HSL");
  // About both laws: a part of its own, whose text and table are h3 below it.
  EXPECT_EQ(partStartingWith("Grund för bedömningen"), "Underrapportering");
  EXPECT_EQ(partStartingWith("Flaggade enheter"), "Underrapportering");
}

// The månadsrapport declares no parts: its sections are h2 under the title.
TEST_F(HtmlStructure, AReportWithoutPartsHasItsSectionsAsH2) {
  for (const Heading& h : headings(page("manadsrapport"))) EXPECT_LE(h.level, 2) << h.text;
}

TEST_F(HtmlStructure, TheKommunsLogoIsInTheHeader) {
  const std::string kommun = "Exempelby kommun";  // data/exempel/namnd.json
  for (const std::string& kind : kinds()) {
    const std::string html = page(kind);
    const auto header = html.substr(0, html.find("</header>"));
    EXPECT_TRUE(testing::contains(header, "<div class=\"logo\"><svg ")) << kind;
    EXPECT_TRUE(testing::contains(header, "role=\"img\"><title>" + kommun + "s logotyp</title>"))
        << kind;
    EXPECT_FALSE(testing::contains(html, "<script")) << kind;
  }
}

// A table with more than six columns prints on a landscape page; the others stay portrait.
// Which tables print on landscape pages is estimated from their width (render/html and its unit
// tests); here, on the example kommun: the per-area table (eight columns, names of 34
// characters) is wide, the RSUM table (eight columns of short numbers, names up to 24
// characters) and the kontroll's tables fit a portrait page, and the Bilagor part's heading goes
// with its wide table instead of standing alone on a portrait page.
TEST_F(HtmlStructure, WideTablesPrintOnLandscapePagesWithTheirHeadings) {
  const std::string delar = page("delarsrapport");
  EXPECT_TRUE(testing::contains(delar, "<section class=\"table-section wide\" id=\"omraden\">"));
  EXPECT_TRUE(testing::contains(delar, "<section class=\"table-section\" id=\"rsum\">"));
  EXPECT_TRUE(testing::contains(delar, "<section class=\"table-section wide\" id=\"bilaga\">"));
  EXPECT_TRUE(testing::contains(delar, "<section class=\"part wide-start\" id=\"del-3\">"));
  EXPECT_FALSE(testing::contains(page("kontroll"), "-section wide"));
  for (const std::string& kind : kinds()) {
    const std::string html = page(kind);
    EXPECT_TRUE(
        testing::contains(html, "section.wide, section.part.wide-start > h2 { page: wide; }"))
        << kind;
    EXPECT_TRUE(testing::contains(html, "@page wide")) << kind;
  }
}

}  // namespace
}  // namespace namnd
