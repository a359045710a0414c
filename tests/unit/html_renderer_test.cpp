#include "render/html/html_renderer.hpp"

#include <gtest/gtest.h>

#include <unistd.h>
#include <cmath>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>

#include "core/errors.hpp"

namespace namnd {
namespace {

namespace fs = std::filesystem;

const fs::path kTemplates = fs::path(NAMND_SOURCE_DIR) / "templates";
const std::string kNbsp = "\xC2\xA0";

// A small report: a table with items, a subtotal and a total (whose budget, 150 452, is not the
// sum of the rounded rows, 150 450), negative amounts, a percent, empty cells and hostile names.
Document sampleDocument() {
  Document doc;
  doc.kind = "testrapport";  // no own template: the generic one is used
  doc.title = "Månadsrapport oktober 2025";
  doc.meta = {"Exempelkommun",   "Socialnämnden", "Socialförvaltningen",
              "Anna Controller", "Oktober 2025",  "2025-10-31"};

  Table t;
  t.id = "omraden";
  t.title = "Verksamhetsområden";
  t.unitNote = "Belopp i tkr";
  t.columns = {{"Område", ColumnKind::Text, 0},       {"Ack budget", ColumnKind::Amount, 0},
               {"Ack utfall", ColumnKind::Amount, 0}, {"Avvikelse", ColumnKind::Amount, 0},
               {"Förbrukat", ColumnKind::Percent, 1}, {"Antal", ColumnKind::Count, 0}};
  const auto nan = std::numeric_limits<double>::quiet_NaN();
  t.rows = {
      {RowKind::Item,
       1,
       {std::string("Äldreomsorg <script>alert(1)</script> & \"citat\""), std::int64_t{100'225},
        std::int64_t{123'379}, std::int64_t{-23'154}, 1.231, std::int64_t{1'042}}},
      {RowKind::Item,
       1,
       {std::string("Individ- och familjeomsorg"), std::int64_t{50'225}, std::int64_t{38'512},
        std::int64_t{11'713}, std::monostate{}, std::string("–")}},
      {RowKind::Item,
       2,
       {std::string("=2+3"), std::int64_t{0}, std::int64_t{-62'876}, std::int64_t{62'876}, nan,
        std::int64_t{3}}},
      {RowKind::Subtotal,
       0,
       {std::string("Summa verksamhet"), std::int64_t{150'451}, std::int64_t{99'015},
        std::int64_t{51'436}, 0.658, std::int64_t{1'045}}},
      {RowKind::Total,
       0,
       {std::string("Nämnden totalt"), std::int64_t{150'452}, std::int64_t{99'015},
        std::int64_t{51'437}, -0.0154, std::int64_t{1'045}}},
  };
  t.footnotes = {"Prognosen lämnades 202508.", "Färre än 5 personer visas som –."};
  doc.sections.emplace_back(t);

  doc.sections.emplace_back(TextSection{"kommentar",
                                        "Kommentar",
                                        {"Prognosen visar ett underskott på 23 mnkr."},
                                        {"Åtgärdsplan <b>beslutad</b>"}});
  doc.sections.emplace_back(
      CheckSection{"kontroller",
                   "Kontroller",
                   {{"Σ huvudbok = Σ redovisat", "173 605 400,00 kr", CheckStatus::Ok},
                    {"Ej mappade konton", "2 konton", CheckStatus::Warning},
                    {"Periodens budget saknas", "ansvar 4100", CheckStatus::Error}}});
  return doc;
}

std::string readFile(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

void writeFile(const fs::path& file, const std::string& content) {
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << content;
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

class HtmlRenderTest : public testing::Test {
 protected:
  void SetUp() override {
    const auto* test = testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() /
           ("namnd-html-" + std::to_string(::getpid()) + "-" + test->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string render(const Document& doc, const fs::path& templates = kTemplates) {
    const fs::path out = dir_ / "ut" / "rapport.html";
    renderHtml(doc, templates, out);
    return readFile(out);
  }

  fs::path dir_;
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
  try {
    render(sampleDocument(), templates);
    FAIL() << "expected OutputError";
  } catch (const OutputError& e) {
    EXPECT_TRUE(contains(e.what(), (templates / "html" / "document.mustache").string()))
        << e.what();
  }
  EXPECT_FALSE(fs::exists(dir_ / "ut" / "rapport.html"));
}

TEST_F(HtmlRenderTest, ATemplateThatDoesNotParseIsAnOutputErrorNamingIt) {
  const fs::path templates = dir_ / "mallar";
  writeFile(templates / "html" / "style.css", "");
  writeFile(templates / "html" / "document.mustache", "<h1>{{title}}</h1>{{#sections}}");
  try {
    render(sampleDocument(), templates);
    FAIL() << "expected OutputError";
  } catch (const OutputError& e) {
    EXPECT_TRUE(contains(e.what(), (templates / "html" / "document.mustache").string()))
        << e.what();
  }
}

TEST_F(HtmlRenderTest, AMissingStyleSheetIsAnOutputErrorNamingIt) {
  const fs::path templates = dir_ / "mallar";
  writeFile(templates / "html" / "document.mustache", "{{title}}");
  try {
    render(sampleDocument(), templates);
    FAIL() << "expected OutputError";
  } catch (const OutputError& e) {
    EXPECT_TRUE(contains(e.what(), (templates / "html" / "style.css").string())) << e.what();
  }
}

}  // namespace
}  // namespace namnd
