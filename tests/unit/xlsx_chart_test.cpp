// Chart sections in the workbook: the data table read back with the XLSX reader, the native
// chart read from its XML part.

#include <gtest/gtest.h>

#include <filesystem>
#include <istream>
#include <iterator>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "ingest/xlsx/zip_package.hpp"
#include "render/xlsx/xlsx_renderer.hpp"
#include "support/sample_document.hpp"
#include "support/test_support.hpp"
#include "support/xlsx_parts.hpp"

namespace namnd {
namespace {

namespace fs = std::filesystem;
using testing::chartDocument;
using testing::contains;
using testing::readFile;
using testing::readSheet;
using testing::sampleChart;
using testing::sheetNames;

const fs::path kTemplates = testing::repoPath("templates");

std::optional<std::string> part(const fs::path& workbook, const std::string& name) {
  return testing::xlsxPart(workbook, name);
}

// The first <tag>…</tag> of `xml`, or "".
std::string element(const std::string& xml, const std::string& tag) {
  const auto begin = xml.find("<" + tag + ">");
  const auto end = xml.find("</" + tag + ">", begin);
  return begin == std::string::npos || end == std::string::npos ? ""
                                                                : xml.substr(begin, end - begin);
}

// The reader leaves out trailing empty cells.
XlsxCell::Type typeAt(const std::vector<XlsxCell>& row, std::size_t col) {
  return col < row.size() ? row[col].type : XlsxCell::Type::Empty;
}

class XlsxChartTest : public ::testing::Test {
 protected:
  fs::path render(const Document& doc, const std::string& name = "rapport.xlsx",
                  const fs::path& templates = kTemplates) {
    const fs::path out = dir_ / "ut" / name;
    renderXlsx(doc, templates, out);
    return out;
  }

  testing::TempDir dir_;
};

// The kommun's series colours (templates/farger.json) colour the Excel chart as they do the SVG.
TEST_F(XlsxChartTest, TheSeriesTakeTheKommunsColours) {
  const std::string standard = *part(render(chartDocument(sampleChart())), "xl/charts/chart1.xml");
  EXPECT_TRUE(testing::contains(standard, "srgbClr val=\"1F4E79\""));

  const fs::path templates = dir_ / "mallar";
  fs::create_directories(templates / "xlsx");
  fs::copy_file(kTemplates / "xlsx" / "document.json", templates / "xlsx" / "document.json");
  testing::writeFile(templates / "farger.json", R"({"diagramserier": ["#123456", "#ABCDEF"]})");
  const std::string own =
      *part(render(chartDocument(sampleChart()), "egen.xlsx", templates), "xl/charts/chart1.xml");
  EXPECT_TRUE(testing::contains(own, "srgbClr val=\"123456\""));
  EXPECT_TRUE(testing::contains(own, "srgbClr val=\"ABCDEF\""));
  EXPECT_FALSE(testing::contains(own, "srgbClr val=\"1F4E79\""));
}

TEST_F(XlsxChartTest, AChartGetsItsOwnSheetNamedByTitleOrLayout) {
  EXPECT_EQ(sheetNames(render(chartDocument(sampleChart()))),
            (std::vector<std::string>{"Övertid och inhyrd personal KPV"}));

  const fs::path templates = dir_ / "mallar";
  fs::create_directories(templates / "xlsx");
  fs::copy_file(kTemplates / "xlsx" / "document.json", templates / "xlsx" / "document.json");
  testing::writeFile(templates / "xlsx" / "testrapport.json",
                     R"({"sheetNames": {"overtid_inhyrd": "Övertid"}})");
  EXPECT_EQ(sheetNames(render(chartDocument(sampleChart()), "layout.xlsx", templates)),
            (std::vector<std::string>{"Övertid"}));

  Chart untitled = sampleChart();
  untitled.id.clear();
  untitled.title.clear();
  EXPECT_EQ(sheetNames(render(chartDocument(untitled), "namnlos.xlsx")),
            (std::vector<std::string>{"Diagram"}));
}

TEST_F(XlsxChartTest, TheDataTableHoldsTheChartsValues) {
  const Chart chart = sampleChart();
  const auto rows = readSheet(render(chartDocument(chart)));
  ASSERT_GE(rows.size(), 13u);
  EXPECT_EQ(rows[0].at(0).text, "Månadsrapport oktober 2025");
  // The unit in the title: beside it, over a narrow value column, it would cut the title off.
  EXPECT_EQ(rows[1].at(0).text, "Övertid och inhyrd personal KPV (Timmar)");
  EXPECT_EQ(rows[1].size(), 1u);
  ASSERT_EQ(rows[2].size(), 3u);
  EXPECT_EQ(rows[2][1].text, "Övertidsersättning, timmar");
  EXPECT_EQ(rows[2][2].text, "Inhyrd bemanning, timmar");

  const std::vector<std::string> months{"Jan", "Feb", "Mar", "Apr", "Maj",
                                        "Jun", "Jul", "Aug", "Sep", "Okt"};
  const std::vector<double> overtid{1853, 1204, 980, 1100, 1500, 2877, 3012, 2100, -1, 1450};
  const std::vector<double> inhyrd{400, 350, 300, 280, 500, 900, 1200, 800, 600, 550};
  for (std::size_t m = 0; m < months.size(); ++m) {
    const auto& row = rows[3 + m];
    ASSERT_EQ(row.size(), 3u) << months[m];
    EXPECT_EQ(row[0].text, months[m]);
    if (overtid[m] < 0) {
      EXPECT_EQ(row[1].type, XlsxCell::Type::Empty) << months[m];  // September has no value
    } else {
      EXPECT_EQ(row[1].type, XlsxCell::Type::Number) << months[m];
      EXPECT_EQ(row[1].number, overtid[m]) << months[m];
    }
    EXPECT_EQ(row[2].number, inhyrd[m]) << months[m];
  }
  // Footnotes after one empty row.
  ASSERT_GE(rows.size(), 15u);
  EXPECT_TRUE(rows[13].empty());
  EXPECT_EQ(rows[14].at(0).text, "1) Uppgift om övertid för september saknas.");
}

TEST_F(XlsxChartTest, TheNativeChartDrawsTheTablesCells) {
  const fs::path file = render(chartDocument(sampleChart()));
  const auto xml = part(file, "xl/charts/chart1.xml");
  ASSERT_TRUE(xml.has_value());
  const std::string sheet = "'Övertid och inhyrd personal KPV'!";
  // Header row 3, data rows 4–13: categories in A, one series per column.
  EXPECT_EQ(testing::contains(*xml, "<c:f>" + sheet + "$A$4:$A$13</c:f>"), true) << *xml;
  EXPECT_TRUE(contains(*xml, "<c:f>" + sheet + "$B$4:$B$13</c:f>"));
  EXPECT_TRUE(contains(*xml, "<c:f>" + sheet + "$C$4:$C$13</c:f>"));
  EXPECT_TRUE(contains(*xml, "<c:f>" + sheet + "$B$3</c:f>"));  // series names: the header
  EXPECT_TRUE(contains(*xml, "<c:f>" + sheet + "$C$3</c:f>"));
  // The cached values are the table's (libxlsxwriter copies them from the cells).
  EXPECT_TRUE(contains(*xml, "<c:v>1853</c:v>"));
  EXPECT_TRUE(contains(*xml, "<c:v>Övertidsersättning, timmar</c:v>"));
  // Title, value axis title, legend at the bottom, clustered columns.
  EXPECT_TRUE(contains(*xml, "<a:t>Övertid och inhyrd personal KPV</a:t>"));
  EXPECT_TRUE(contains(element(*xml, "c:valAx"), "<a:t>Timmar</a:t>"));
  EXPECT_TRUE(contains(*xml, "<c:legendPos val=\"b\"/>"));
  EXPECT_TRUE(contains(*xml, "<c:barDir val=\"col\"/>"));
  EXPECT_TRUE(contains(*xml, "<c:grouping val=\"clustered\"/>"));
  // The second series is patterned, so that the two differ without colour.
  EXPECT_TRUE(contains(*xml, "<a:pattFill"));

  // The chart sits on the chart's sheet, with the text alternative as its description.
  const auto drawing = part(file, "xl/drawings/drawing1.xml");
  ASSERT_TRUE(drawing.has_value());
  EXPECT_TRUE(contains(*drawing, "descr=\"Timmar per månad januari–oktober 2025"));
  EXPECT_TRUE(contains(part(file, "xl/worksheets/sheet1.xml").value(), "<drawing r:id="));
}

TEST_F(XlsxChartTest, EveryKindBecomesItsExcelChartType) {
  Chart chart = sampleChart();
  chart.kind = ChartKind::StackedColumn;
  auto xml = part(render(chartDocument(chart), "stacked.xlsx"), "xl/charts/chart1.xml");
  ASSERT_TRUE(xml.has_value());
  EXPECT_TRUE(contains(*xml, "<c:grouping val=\"stacked\"/>"));

  chart.kind = ChartKind::Bar;
  xml = part(render(chartDocument(chart), "bar.xlsx"), "xl/charts/chart1.xml");
  ASSERT_TRUE(xml.has_value());
  EXPECT_TRUE(contains(*xml, "<c:barDir val=\"bar\"/>"));
  // The first category on top, the value axis (with the unit) at the bottom.
  const std::string categoryAxis = element(*xml, "c:catAx");
  const std::string valueAxis = element(*xml, "c:valAx");
  EXPECT_TRUE(contains(categoryAxis, "<c:orientation val=\"maxMin\"/>")) << categoryAxis;
  EXPECT_TRUE(contains(valueAxis, "<c:orientation val=\"minMax\"/>")) << valueAxis;
  // The value axis crosses the reversed category axis at its last (lowest) category.
  EXPECT_TRUE(contains(valueAxis, "<c:crosses val=\"max\"/>"));
  EXPECT_TRUE(contains(valueAxis, "<a:t>Timmar</a:t>"));
  EXPECT_FALSE(contains(categoryAxis, "<a:t>Timmar</a:t>"));

  chart.kind = ChartKind::Line;
  xml = part(render(chartDocument(chart), "line.xlsx"), "xl/charts/chart1.xml");
  ASSERT_TRUE(xml.has_value());
  EXPECT_TRUE(contains(*xml, "<c:lineChart>"));
  EXPECT_TRUE(contains(*xml, "<a:prstDash val=\"dash\"/>"));  // the second series is dashed
  EXPECT_TRUE(contains(*xml, "<c:symbol val=\"square\"/>"));
}

TEST_F(XlsxChartTest, AChartWithoutValuesSaysSoAndDrawsNothing) {
  Chart empty = sampleChart();
  for (ChartSeries& s : empty.series) {
    for (auto& v : s.values) v = std::nullopt;
  }
  Chart noCategories = sampleChart();
  noCategories.categories.clear();
  Chart noSeries = sampleChart();
  noSeries.series.clear();
  int n = 0;
  for (const Chart& chart : {empty, noCategories, noSeries}) {
    const fs::path file = render(chartDocument(chart), "tom" + std::to_string(++n) + ".xlsx");
    const auto rows = readSheet(file);
    ASSERT_GE(rows.size(), 3u);
    EXPECT_EQ(rows[1].at(0).text, "Övertid och inhyrd personal KPV (Timmar)");
    EXPECT_EQ(rows[2].at(0).text, "Inga uppgifter att visa.");
    EXPECT_FALSE(part(file, "xl/charts/chart1.xml").has_value());
  }
}

TEST_F(XlsxChartTest, NotFiniteValuesAreBlankCells) {
  Chart chart = sampleChart();
  chart.series[0].values[1] = std::numeric_limits<double>::quiet_NaN();
  chart.series[1].values[1] = std::numeric_limits<double>::infinity();
  const fs::path file = render(chartDocument(chart));
  const auto rows = readSheet(file);
  ASSERT_GE(rows.size(), 6u);
  EXPECT_EQ(rows[4].at(0).text, "Feb");
  EXPECT_EQ(typeAt(rows[4], 1), XlsxCell::Type::Empty);
  EXPECT_EQ(typeAt(rows[4], 2), XlsxCell::Type::Empty);
  EXPECT_EQ(typeAt(rows[5], 2), XlsxCell::Type::Number);
  EXPECT_FALSE(contains(part(file, "xl/worksheets/sheet1.xml").value(), "nan"));
  EXPECT_FALSE(contains(part(file, "xl/charts/chart1.xml").value(), "inf"));
}

TEST_F(XlsxChartTest, ChartsSitAmongTheOtherSheets) {
  Document doc = testing::sampleDocument();
  doc.sections.insert(doc.sections.begin() + 1, sampleChart());
  Chart second = sampleChart();
  second.title = "Timavlönade";
  second.kind = ChartKind::Bar;
  doc.sections.emplace_back(second);
  const fs::path file = render(doc);
  EXPECT_EQ(sheetNames(file),
            (std::vector<std::string>{"Verksamhetsområden", "Övertid och inhyrd personal KPV",
                                      "Kommentar", "Kontroller", "Timavlönade"}));
  EXPECT_TRUE(contains(part(file, "xl/charts/chart2.xml").value(), "'Timavlönade'!$B$4:$B$13"));
}

TEST_F(XlsxChartTest, SameDocumentGivesTheSameBytes) {
  const std::string first = readFile(render(chartDocument(sampleChart()), "forsta.xlsx"));
  const std::string second = readFile(render(chartDocument(sampleChart()), "andra.xlsx"));
  ASSERT_FALSE(first.empty());
  EXPECT_TRUE(first == second);
}

}  // namespace
}  // namespace namnd
