#include "render/html/html_renderer.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "core/errors.hpp"
#include "support/sample_document.hpp"
#include "support/test_support.hpp"

namespace namnd {
namespace {

namespace fs = std::filesystem;
using testing::contains;
using testing::readFile;
using testing::sampleDocument;
using testing::writeFile;

const fs::path kTemplates = testing::repoPath("templates");
const std::string kNbsp = "\xC2\xA0";

std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

class HtmlRenderTest : public ::testing::Test {
 protected:
  std::string render(const Document& doc, const fs::path& templates = kTemplates) {
    const fs::path out = dir_ / "ut" / "rapport.html";
    renderHtml(doc, templates, out);
    return readFile(out);
  }

  testing::TempDir dir_;
};

TEST_F(HtmlRenderTest, IsASwedishSelfContainedPage) {
  const std::string html = render(sampleDocument());
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_TRUE(contains(html, "<html lang=\"sv\">"));
  EXPECT_TRUE(contains(html, "<meta charset=\"utf-8\">"));
  EXPECT_TRUE(contains(html, "<title>Månadsrapport oktober 2025</title>"));
  // The style sheet is inlined, with its print rules.
  EXPECT_TRUE(contains(html, "<style>"));
  EXPECT_TRUE(contains(html, "size: A4 landscape"));
  EXPECT_TRUE(contains(html, "display: table-header-group"));
  EXPECT_TRUE(contains(html, "break-inside: avoid"));
  // No scripts, no external resources.
  EXPECT_FALSE(contains(html, "<script"));
  EXPECT_FALSE(contains(html, "<link"));
  EXPECT_FALSE(contains(html, "src="));
  EXPECT_FALSE(contains(html, "http"));
}

TEST_F(HtmlRenderTest, HeadingsFollowTheDocument) {
  const std::string html = render(sampleDocument());
  EXPECT_EQ(count(html, "<h1>"), 1u);
  EXPECT_TRUE(contains(html, "<h1>Månadsrapport oktober 2025</h1>"));
  EXPECT_TRUE(contains(html,
                       "<p class=\"meta\"><span>Exempelkommun</span><span>Socialnämnden</span>"
                       "<span>Oktober 2025</span></p>"));
  EXPECT_EQ(count(html, "<h2>"), 3u);
  EXPECT_TRUE(contains(html, "<h2>Verksamhetsområden</h2>"));
  EXPECT_TRUE(contains(html, "<h2>Kommentar</h2>"));
  EXPECT_TRUE(contains(html, "<h2>Kontroller</h2>"));
  EXPECT_TRUE(contains(html, "id=\"omraden\""));
}

TEST_F(HtmlRenderTest, EveryTextIsEscaped) {
  const std::string html = render(sampleDocument());
  EXPECT_FALSE(contains(html, "<script>alert(1)</script>"));
  EXPECT_TRUE(contains(html,
                       "Äldreomsorg &lt;script&gt;alert(1)&lt;/script&gt; &amp; "
                       "&quot;citat&quot;"));
  EXPECT_TRUE(contains(html, "<li>Åtgärdsplan &lt;b&gt;beslutad&lt;/b&gt;</li>"));
  EXPECT_FALSE(contains(html, "<b>"));
}

TEST_F(HtmlRenderTest, TablesHaveCaptionAndScopedHeaders) {
  const std::string html = render(sampleDocument());
  EXPECT_TRUE(contains(
      html, "<caption>Verksamhetsområden <span class=\"unit\">Belopp i tkr</span></caption>"));
  EXPECT_TRUE(contains(html, "<th scope=\"col\" class=\"text\">Område</th>"));
  EXPECT_TRUE(contains(html, "<th scope=\"col\" class=\"num\">Ack budget</th>"));
  // 5 rows in the table + 3 in the check section, each headed by its first cell.
  EXPECT_EQ(count(html, "<th scope=\"row\""), 8u);
  EXPECT_TRUE(
      contains(html, "<th scope=\"row\" class=\"text indent-1\">Individ- och familjeomsorg</th>"));
  EXPECT_TRUE(contains(html, "<th scope=\"row\" class=\"text indent-2\">=2+3</th>"));
}

TEST_F(HtmlRenderTest, NumbersAreSwedishAndNegativesKeepTheirSign) {
  const std::string html = render(sampleDocument());
  EXPECT_TRUE(contains(html, "<td class=\"num\">100" + kNbsp + "225</td>"));
  EXPECT_TRUE(contains(html, "<td class=\"num neg\">-23" + kNbsp + "154</td>"));
  EXPECT_TRUE(contains(html, "<td class=\"num neg\">-62" + kNbsp + "876</td>"));
  EXPECT_TRUE(contains(html, "<td class=\"num\">123,1" + kNbsp + "%</td>"));
  EXPECT_TRUE(contains(html, "<td class=\"num neg\">-1,5" + kNbsp + "%</td>"));
  EXPECT_TRUE(contains(html, "<td class=\"num\">1" + kNbsp + "042</td>"));  // a count
  EXPECT_TRUE(contains(html, "<td class=\"num\">–</td>"));  // a suppressed count, as given
  EXPECT_TRUE(contains(html, "<td class=\"num\">0</td>"));
}

TEST_F(HtmlRenderTest, EmptyAndNotFiniteCellsAreEmpty) {
  const std::string html = render(sampleDocument());
  // The monostate of row 2 and the NaN of row 3, both in the percent column.
  EXPECT_EQ(count(html, "<td class=\"num\"></td>"), 2u);
  EXPECT_FALSE(contains(html, "nan"));
  EXPECT_FALSE(contains(html, "NaN"));
}

TEST_F(HtmlRenderTest, RowKindsAndLevelsBecomeClasses) {
  const std::string html = render(sampleDocument());
  // The total shows its own budget, 150 452, not the sum of the rounded rows (150 450).
  EXPECT_TRUE(contains(html,
                       "<tr class=\"total level-0\"><th scope=\"row\" class=\"text indent-0\">"
                       "Nämnden totalt</th><td class=\"num\">150" +
                           kNbsp + "452</td>"));
  EXPECT_TRUE(contains(html,
                       "<tr class=\"subtotal level-0\"><th scope=\"row\" class=\"text indent-0\">"
                       "Summa verksamhet</th>"));
  EXPECT_EQ(count(html, "<tr class=\"item level-1\">"), 2u);
  EXPECT_EQ(count(html, "<tr class=\"item level-2\">"), 1u);
}

TEST_F(HtmlRenderTest, FootnotesAreAnOrderedListBelowTheTable) {
  const std::string html = render(sampleDocument());
  const auto tableEnd = html.find("</table>");
  const auto list = html.find("<ol class=\"footnotes\">");
  ASSERT_NE(list, std::string::npos);
  EXPECT_GT(list, tableEnd);
  EXPECT_TRUE(contains(html,
                       "<li>Prognosen lämnades 202508.</li>\n<li>Färre än 5 personer visas "
                       "som –.</li>"));
}

TEST_F(HtmlRenderTest, ChecksAreATableWithStatusText) {
  const std::string html = render(sampleDocument());
  EXPECT_TRUE(contains(html,
                       "<th scope=\"col\">Kontroll</th><th scope=\"col\">Status</th>"
                       "<th scope=\"col\">Detalj</th>"));
  EXPECT_TRUE(contains(html,
                       "<tr class=\"status-ok\"><th scope=\"row\">Σ huvudbok = Σ redovisat"
                       "</th><td class=\"status\">OK</td><td>173 605 400,00 kr</td></tr>"));
  EXPECT_TRUE(contains(html, "<td class=\"status\">Varning</td>"));
  EXPECT_TRUE(contains(html, "<td class=\"status\">Fel</td>"));
}

TEST_F(HtmlRenderTest, SameDocumentGivesTheSameBytes) {
  EXPECT_EQ(render(sampleDocument()), render(sampleDocument()));
}

TEST_F(HtmlRenderTest, AKindWithItsOwnTemplateUsesIt) {
  const fs::path templates = dir_ / "mallar";
  writeFile(templates / "html" / "style.css", "p { color: black; }");
  writeFile(templates / "html" / "document.mustache", "generisk");
  writeFile(templates / "html" / "testrapport.mustache",
            "<style>{{{css}}}</style><p>{{title}} för {{meta.kommun}}</p>");
  Document doc = sampleDocument();
  doc.title = "A & B";
  EXPECT_EQ(render(doc, templates),
            "<style>p { color: black; }</style><p>A &amp; B för Exempelkommun</p>");
}

TEST_F(HtmlRenderTest, AMissingTemplateIsAnOutputErrorNamingIt) {
  const fs::path templates = dir_ / "mallar";
  writeFile(templates / "html" / "style.css", "");
  const auto error = testing::thrown<OutputError>([&] { render(sampleDocument(), templates); });
  EXPECT_TRUE(testing::mentions(error, {(templates / "html" / "document.mustache").string()}));
  EXPECT_FALSE(fs::exists(dir_ / "ut" / "rapport.html"));
}

TEST_F(HtmlRenderTest, ATemplateThatDoesNotParseIsAnOutputErrorNamingIt) {
  const fs::path templates = dir_ / "mallar";
  writeFile(templates / "html" / "style.css", "");
  writeFile(templates / "html" / "document.mustache", "<h1>{{title}}</h1>{{#sections}}");
  const auto error = testing::thrown<OutputError>([&] { render(sampleDocument(), templates); });
  EXPECT_TRUE(testing::mentions(error, {(templates / "html" / "document.mustache").string()}));
}

TEST_F(HtmlRenderTest, AMissingStyleSheetIsAnOutputErrorNamingIt) {
  const fs::path templates = dir_ / "mallar";
  writeFile(templates / "html" / "document.mustache", "{{title}}");
  const auto error = testing::thrown<OutputError>([&] { render(sampleDocument(), templates); });
  EXPECT_TRUE(testing::mentions(error, {(templates / "html" / "style.css").string()}));
}

}  // namespace
}  // namespace namnd
