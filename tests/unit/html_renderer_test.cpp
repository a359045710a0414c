#include "render/html/html_renderer.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <limits>
#include <optional>
#include <regex>
#include <string>
#include <utility>
#include <vector>

#include "core/errors.hpp"
#include "render/html/page_logo.hpp"
#include "support/sample_document.hpp"
#include "support/test_support.hpp"

namespace namnd {
namespace {

namespace fs = std::filesystem;
using testing::chartDocument;
using testing::contains;
using testing::readFile;
using testing::sampleChart;
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

// The page's headings in order, as (level, text).
using Headings = std::vector<std::pair<int, std::string>>;
Headings headings(const std::string& html) {
  static const std::regex kHeading(R"(<h([1-6])>([^<]*)</h\1>)");
  Headings found;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), kHeading);
       it != std::sregex_iterator(); ++it)
    found.emplace_back(std::stoi((*it)[1].str()), (*it)[2].str());
  return found;
}

// How many <section> elements are open at `position` of the page.
int sectionDepthAt(const std::string& html, std::size_t position) {
  const std::string before = html.substr(0, position);
  return static_cast<int>(count(before, "<section")) -
         static_cast<int>(count(before, "</section>"));
}

// A copy of the repository's templates in `to`, with or without the logo.
fs::path copyTemplates(const fs::path& to, bool withLogo) {
  fs::copy(kTemplates, to, fs::copy_options::recursive);
  if (!withLogo) fs::remove(to / "html" / "logo.svg");
  return to;
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
  EXPECT_TRUE(contains(html, "size: A4 portrait"));
  EXPECT_TRUE(contains(html, "@page wide"));
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
  // The h2 shows the title; the caption names the table for screen readers without repeating
  // it on the page.
  EXPECT_TRUE(contains(html, "<h2>Verksamhetsområden</h2>"));
  EXPECT_TRUE(contains(html,
                       "<caption><span class=\"visually-hidden\">Verksamhetsområden</span><span "
                       "class=\"unit\">Belopp i tkr</span></caption>"));
  EXPECT_TRUE(contains(html, "<th scope=\"col\" class=\"text\">Område</th>"));
  EXPECT_TRUE(contains(html, "<th scope=\"col\" class=\"num\">Ack budget</th>"));
  // 5 rows in the table + 3 in the check section, each headed by its first cell.
  EXPECT_EQ(count(html, "<th scope=\"row\""), 8u);
  EXPECT_TRUE(
      contains(html, "<th scope=\"row\" class=\"text indent-1\">Individ- och familjeomsorg</th>"));
  EXPECT_TRUE(contains(html, "<th scope=\"row\" class=\"text indent-2\">=2+3</th>"));
}

// A table meant for the workbook (hundreds of transactions) is a sentence on the page; the
// workbook keeps its rows (the xlsx renderer does not look at pageSummary).
TEST_F(HtmlRenderTest, AWorkbookOnlyTableIsASentenceOnThePage) {
  Document doc = sampleDocument();
  Table& table = std::get<Table>(doc.sections.front());
  table.pageSummary = "Tabellen finns i Excel-filen.";
  const std::string html = render(doc);
  EXPECT_TRUE(contains(html, "Tabellen finns i Excel-filen.")) << html;
  EXPECT_FALSE(contains(html, "<span class=\"visually-hidden\">Verksamhetsområden"));
  EXPECT_FALSE(contains(html, "-23" + kNbsp + "154"));
  // Only the check section's 3 rows are left.
  EXPECT_EQ(count(html, "<th scope=\"row\""), 3u);
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

// Intäkter are negative by convention: a column that says so keeps the sign without the
// emphasis that marks a negative deviation.
TEST_F(HtmlRenderTest, AColumnOfSignConventionAmountsHasNoNegativeEmphasis) {
  Document doc = sampleDocument();
  Table& table = std::get<Table>(doc.sections.front());
  for (Column& column : table.columns) column.markNegative = false;
  const std::string html = render(doc);
  EXPECT_TRUE(contains(html, "<td class=\"num\">-23" + kNbsp + "154</td>"));
  EXPECT_FALSE(contains(html, "num neg"));
}

// "+18 mot samma halvår förra året": a change column shows the plus sign a reader expects.
TEST_F(HtmlRenderTest, AChangeColumnShowsThePlusSign) {
  Document doc = sampleDocument();
  Table& table = std::get<Table>(doc.sections.front());
  Column& count = table.columns.back();
  ASSERT_EQ(count.kind, ColumnKind::Count);
  count.showPlusSign = true;
  const std::string html = render(doc);
  EXPECT_TRUE(contains(html, "<td class=\"num\">+1" + kNbsp + "042</td>"));
  EXPECT_TRUE(contains(html, "<td class=\"num\">0</td>"));
  EXPECT_FALSE(contains(html, "+0<"));
  EXPECT_FALSE(contains(html, "+-"));
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

// ---- Charts ----

TEST_F(HtmlRenderTest, AChartIsAFigureWithItsTextAlternativeAndDataTable) {
  const std::string html = render(chartDocument(sampleChart()));
  EXPECT_TRUE(contains(html, "<section class=\"chart-section\" id=\"overtid_inhyrd\">"));
  EXPECT_TRUE(contains(html, "<h2>Övertid och inhyrd personal KPV</h2>"));
  const auto figure = html.find("<figure class=\"chart\">");
  const auto svg = html.find("<svg class=\"chart\"");
  const auto caption = html.find(
      "<figcaption>Timmar per månad januari–oktober 2025: övertidsersättning och inhyrd "
      "bemanning.</figcaption>");
  const auto table = html.find("<table class=\"chart-data\">");
  ASSERT_NE(figure, std::string::npos);
  ASSERT_NE(caption, std::string::npos);
  ASSERT_NE(table, std::string::npos);
  EXPECT_LT(figure, svg);
  EXPECT_LT(svg, caption);
  EXPECT_LT(caption, table);
  EXPECT_TRUE(contains(html, "role=\"img\" aria-labelledby=\"diagram-1-title diagram-1-desc\""));
  EXPECT_TRUE(
      contains(html, "<title id=\"diagram-1-title\">Övertid och inhyrd personal KPV</title>"));
  EXPECT_TRUE(contains(html, "<desc id=\"diagram-1-desc\">Timmar per månad"));
  // Still self-contained: the inline SVG needs no namespace URL.
  EXPECT_FALSE(contains(html, "http"));
  EXPECT_FALSE(contains(html, "<script"));
}

TEST_F(HtmlRenderTest, AChartsDataTableIsScopedAndSwedish) {
  const std::string html = render(chartDocument(sampleChart()));
  EXPECT_TRUE(contains(html,
                       "<caption>Diagrammets data: Övertid och inhyrd personal KPV "
                       "<span class=\"unit\">Timmar</span></caption>"));
  EXPECT_TRUE(contains(html,
                       "<th scope=\"col\" class=\"num\">Övertidsersättning, timmar</th>"
                       "<th scope=\"col\" class=\"num\">Inhyrd bemanning, timmar</th>"));
  EXPECT_TRUE(contains(html, "<tr><th scope=\"row\" class=\"text\">Jan</th><td class=\"num\">1" +
                                 kNbsp + "853</td><td class=\"num\">400</td></tr>"));
  // September has no övertid: an empty cell, not a zero.
  EXPECT_TRUE(contains(html,
                       "<tr><th scope=\"row\" class=\"text\">Sep</th><td class=\"num\">"
                       "</td><td class=\"num\">600</td></tr>"));
  EXPECT_EQ(count(html, "<th scope=\"row\""), 10u);
  EXPECT_TRUE(contains(
      html, "<ol class=\"footnotes\">\n<li>Uppgift om övertid för september saknas.</li>"));
}

TEST_F(HtmlRenderTest, AChartsNegativeValuesAreMarkedBeyondColour) {
  Chart chart = sampleChart();
  chart.decimals = 1;
  chart.series[0].values[0] = -1853.25;
  const std::string html = render(chartDocument(chart));
  EXPECT_TRUE(contains(html, "<td class=\"num neg\">-1" + kNbsp + "853,3</td>"));
}

TEST_F(HtmlRenderTest, AChartWithoutValuesSaysSo) {
  Chart chart = sampleChart();
  for (ChartSeries& s : chart.series) {
    for (auto& v : s.values) v = std::numeric_limits<double>::quiet_NaN();
  }
  chart.series[1].values[2] = std::nullopt;
  const std::string html = render(chartDocument(chart));
  EXPECT_TRUE(contains(html, "<p class=\"no-data\">Inga uppgifter att visa.</p>"));
  EXPECT_TRUE(contains(html, "<h2>Övertid och inhyrd personal KPV</h2>"));
  EXPECT_FALSE(contains(html, "<svg class=\"chart\""));
  EXPECT_FALSE(contains(html, "<figure"));
  EXPECT_FALSE(contains(html, "nan"));

  Chart nothing;
  const std::string bare = render(chartDocument(nothing));
  EXPECT_TRUE(contains(bare, "Inga uppgifter att visa."));
  EXPECT_FALSE(contains(bare, " id=\"\""));
}

TEST_F(HtmlRenderTest, ChartsAmongOtherSectionsHaveUniqueIds) {
  Document doc = sampleDocument();
  doc.sections.insert(doc.sections.begin() + 1, sampleChart());
  Chart second = sampleChart();
  second.id = "timavlonade";
  second.kind = ChartKind::Bar;
  doc.sections.emplace_back(second);
  const std::string html = render(doc);
  EXPECT_EQ(count(html, "<h2>"), 5u);
  EXPECT_EQ(count(html, "<svg class=\"chart\""), 2u);
  EXPECT_EQ(count(html, "id=\"diagram-1-title\""), 1u);
  EXPECT_EQ(count(html, "id=\"diagram-2-title\""), 1u);
  // The other sections are unchanged by the charts between them.
  EXPECT_TRUE(contains(html, "<td class=\"num neg\">-23" + kNbsp + "154</td>"));
  EXPECT_EQ(render(doc), html);  // deterministic
}

TEST_F(HtmlRenderTest, SameChartDocumentGivesTheSameBytes) {
  EXPECT_EQ(render(chartDocument(sampleChart())), render(chartDocument(sampleChart())));
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

// A document in parts as a tjänsteskrivelse wraps a report: the sample's text and table first
// outside any part, then a part "Tjänsteskrivelse" with a Sammanfattning, a part "Delårsrapport"
// with a Sammanfattning and the sample's table, an empty part that ends it, then the checks.
Document documentInParts() {
  const Document sample = sampleDocument();
  Document doc = sample;
  const Section& table = sample.sections[0];
  const Section& checks = sample.sections[2];
  doc.sections = {
      TextSection{"inledning", "Inledning", {"Före delarna."}, {}},
      PartHeading{"del-1", "Tjänsteskrivelse"},
      TextSection{"ts_sammanfattning", "Sammanfattning", {"Kort."}, {}},
      PartHeading{"del-2", "Delårsrapport"},
      TextSection{"sammanfattning", "Sammanfattning", {"Längre."}, {}},
      table,
      PartHeading{"del-3", ""},
      checks,
  };
  return doc;
}

TEST_F(HtmlRenderTest, APartIsAnH2WithItsSectionsAsH3) {
  const Document doc = documentInParts();
  const std::string html = render(doc);
  const std::string tableTitle = std::get<Table>(doc.sections[5]).title;
  const std::string checksTitle = std::get<CheckSection>(doc.sections[7]).title;
  const Headings expected = {{1, doc.title},        {2, "Inledning"},     {2, "Tjänsteskrivelse"},
                             {3, "Sammanfattning"}, {2, "Delårsrapport"}, {3, "Sammanfattning"},
                             {3, tableTitle},       {2, checksTitle}};
  EXPECT_EQ(headings(html), expected);
  // Each part is a <section> around its sections, with the part's id as anchor.
  EXPECT_EQ(count(html, "<section class=\"part\""), 2u);
  EXPECT_TRUE(contains(html, "<section class=\"part\" id=\"del-1\">\n<h2>Tjänsteskrivelse</h2>"));
  EXPECT_EQ(count(html, "<section"), count(html, "</section>"));
  // The parts' sections are nested in them; the empty part ended the one before the checks.
  EXPECT_EQ(sectionDepthAt(html, html.find("<section class=\"text-section\" id=\"inledning\"")), 0);
  EXPECT_EQ(sectionDepthAt(html, html.find("<section class=\"table-section\" id=\"omraden\"")), 1);
  EXPECT_EQ(sectionDepthAt(html, html.find("<section class=\"check-section\"")), 0);
}

TEST_F(HtmlRenderTest, NoHeadingLevelIsSkipped) {
  const Headings found = headings(render(documentInParts()));
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found.front().first, 1);
  for (std::size_t i = 1; i < found.size(); ++i) {
    EXPECT_GE(found[i].first, 2) << found[i].second;  // one h1, the title
    EXPECT_LE(found[i].first, found[i - 1].first + 1) << found[i].second;
  }
}

TEST_F(HtmlRenderTest, APartWithoutSectionsIsLeftOut) {
  Document doc = sampleDocument();
  doc.sections.insert(doc.sections.begin(), PartHeading{"del-1", "Tom del"});
  doc.sections.insert(doc.sections.begin() + 1, PartHeading{"del-2", "Rapporten"});
  doc.sections.emplace_back(PartHeading{"del-3", "Bilagor"});  // nothing after it
  const std::string html = render(doc);
  EXPECT_FALSE(contains(html, "Tom del"));
  EXPECT_FALSE(contains(html, "Bilagor"));
  EXPECT_EQ(count(html, "<h2>Rapporten</h2>"), 1u);
  EXPECT_EQ(count(html, "<h2>"), 1u);  // the rest are the part's sections
  EXPECT_EQ(count(html, "<h3>"), doc.sections.size() - 3);
  EXPECT_EQ(count(html, "<section"), count(html, "</section>"));
}

TEST_F(HtmlRenderTest, ChartIdsStayUniqueInParts) {
  Document doc = documentInParts();
  doc.sections.insert(doc.sections.begin() + 2, sampleChart());
  Chart second = sampleChart();
  second.id = "timavlonade";
  doc.sections.insert(doc.sections.begin() + 6, second);
  const std::string html = render(doc);
  EXPECT_EQ(count(html, "id=\"diagram-1-title\""), 1u);
  EXPECT_EQ(count(html, "id=\"diagram-2-title\""), 1u);
  EXPECT_TRUE(contains(html, "<h3>" + second.title + "</h3>"));
}

// A table with one text column of long names and N amount columns headed "Belopp" holding
// "1 234 567": the text column wraps at 32 characters, a number column is 9 characters wide, and
// each cell has 3 of padding. 35 + 6 × 12 = 107 characters do not fit the 105 of a portrait page;
// 35 + 5 × 12 = 95 do.
Table amountsTable(std::string id, int amountColumns) {
  Table table;
  table.id = std::move(id);
  table.title = "Tabell " + table.id;
  table.columns.push_back({"Enhet", ColumnKind::Text, 0});
  Row row;
  row.cells.push_back(std::string(40, 'x'));
  for (int c = 0; c < amountColumns; ++c) {
    table.columns.push_back({"Belopp", ColumnKind::Amount, 0});
    row.cells.push_back(std::int64_t{1'234'567});
  }
  table.rows.push_back(row);
  return table;
}

TEST_F(HtmlRenderTest, ATableWiderThanAPortraitPageIsMarkedWide) {
  Document doc = sampleDocument();
  doc.sections.clear();
  doc.sections.emplace_back(amountsTable("sex", 6));
  doc.sections.emplace_back(amountsTable("fem", 5));
  // Nine short columns ("År", single digits) fit: it is the width, not the number of columns.
  Table years;
  years.id = "ar";
  years.title = "År";
  Row row;
  for (int c = 0; c < 9; ++c) {
    years.columns.push_back({"År", ColumnKind::Count, 0});
    row.cells.push_back(std::int64_t{c});
  }
  years.rows.push_back(row);
  doc.sections.emplace_back(years);
  const std::string html = render(doc);
  EXPECT_TRUE(contains(html, "<section class=\"table-section wide\" id=\"sex\">"));
  EXPECT_TRUE(contains(html, "<section class=\"table-section\" id=\"fem\">"));
  EXPECT_TRUE(contains(html, "<section class=\"table-section\" id=\"ar\">"));
  // The style sheet prints that class on a landscape page, with page numbers on every page.
  EXPECT_TRUE(contains(html, "section.wide, section.part.wide-start > h2 { page: wide; }"));
  EXPECT_TRUE(contains(html, "content: \"Sida \" counter(page) \" av \" counter(pages);"));
}

TEST_F(HtmlRenderTest, AHeadingBeforeAWideTablePrintsOnItsLandscapePage) {
  Document doc = sampleDocument();
  doc.sections.clear();
  doc.sections.emplace_back(PartHeading{"bilagor", "Bilagor"});
  doc.sections.emplace_back(amountsTable("bilaga", 6));
  doc.sections.emplace_back(TextSection{"inledning", "Mål", {"En rad om målområdet."}, {}});
  doc.sections.emplace_back(amountsTable("mal", 7));
  doc.sections.emplace_back(TextSection{"slut", "Slutord", {"Text före en smal tabell."}, {}});
  doc.sections.emplace_back(amountsTable("smal", 2));
  // A part whose text leads into a wide table: both the part's heading and the text go along.
  doc.sections.emplace_back(PartHeading{"signal", "Underrapportering"});
  doc.sections.emplace_back(TextSection{"grund", "Grund", {"Hur enheter flaggas."}, {}});
  doc.sections.emplace_back(amountsTable("flaggade", 6));
  const std::string html = render(doc);
  EXPECT_TRUE(contains(html, "<section class=\"part wide-start\" id=\"bilagor\">"));
  EXPECT_TRUE(contains(html, "<section class=\"part wide-start\" id=\"signal\">"));
  EXPECT_TRUE(contains(html, "<section class=\"text-section wide\" id=\"grund\">"));
  EXPECT_TRUE(contains(html, "<section class=\"text-section wide\" id=\"inledning\">"));
  EXPECT_TRUE(contains(html, "<section class=\"text-section\" id=\"slut\">"));
}

TEST_F(HtmlRenderTest, TheLogoIsInlinedAndNamedForScreenReaders) {
  const fs::path templates = copyTemplates(dir_ / "mallar", true);
  const Document doc = sampleDocument();
  const std::string html = render(doc, templates);
  const std::string title = doc.meta.kommun + "s logotyp";
  EXPECT_TRUE(contains(html, "<div class=\"logo\"><svg viewBox="));
  EXPECT_TRUE(contains(html, "role=\"img\"><title>" + title + "</title>"));
  EXPECT_EQ(count(html, "<svg"), 1u);
  // Nothing of the file's XML prolog or comments reaches the page; nothing points outside it.
  EXPECT_FALSE(contains(html, "<?xml"));
  EXPECT_FALSE(contains(html, "<!--"));
  EXPECT_FALSE(contains(html, "http"));
}

TEST_F(HtmlRenderTest, WithoutALogoFileThePageHasNone) {
  const fs::path templates = copyTemplates(dir_ / "mallar", false);
  const std::string html = render(sampleDocument(), templates);
  EXPECT_FALSE(contains(html, "class=\"logo\""));
  EXPECT_FALSE(contains(html, "<svg"));
  EXPECT_EQ(headings(html).front(), std::make_pair(1, sampleDocument().title));
}

TEST_F(HtmlRenderTest, ALogoWithAScriptIsRefused) {
  const fs::path templates = copyTemplates(dir_ / "mallar", false);
  for (const std::string& logo :
       {std::string("<svg><script>alert(1)</script></svg>"),
        std::string("<svg onload=\"alert(1)\"><rect/></svg>"),
        std::string("<svg><image href=\"https://example.org/a.png\"/></svg>"),
        std::string("ingen bild")}) {
    writeFile(templates / "html" / "logo.svg", logo);
    const auto error = testing::thrown<OutputError>([&] { render(sampleDocument(), templates); });
    EXPECT_TRUE(testing::mentions(error, {(templates / "html" / "logo.svg").string()})) << logo;
    EXPECT_FALSE(fs::exists(dir_ / "ut" / "rapport.html")) << logo;
  }
}

TEST(PageLogo, TheTitleIsTheKommunsGenitive) {
  EXPECT_EQ(logoTitle("Exempelby kommun"), "Exempelby kommuns logotyp");
  EXPECT_EQ(logoTitle("Borås"), "Borås logotyp");
  EXPECT_EQ(logoTitle(""), "Kommunens logotyp");
}

}  // namespace
}  // namespace namnd
