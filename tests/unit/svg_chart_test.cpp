#include "render/html/svg_chart.hpp"
#include "render/series_look.hpp"

#include <gtest/gtest.h>

#include <cctype>
#include <cmath>
#include <limits>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "support/sample_document.hpp"
#include "support/test_support.hpp"

namespace namnd {
namespace {

using testing::contains;
using testing::sampleChart;

const std::string kNbsp = "\xC2\xA0";

struct Box {
  double x = 0;
  double y = 0;
  double width = 0;
  double height = 0;
  std::string fill;
};

std::vector<Box> bars(const std::string& svg) {
  std::vector<Box> out;
  const std::regex re(
      "<rect class=\"bar\" x=\"([^\"]+)\" y=\"([^\"]+)\" width=\"([^\"]+)\" "
      "height=\"([^\"]+)\" fill=\"([^\"]+)\"");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), re); it != std::sregex_iterator();
       ++it) {
    out.push_back({std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3]),
                   std::stod((*it)[4]), (*it)[5]});
  }
  return out;
}

struct Segment {
  double x1 = 0;
  double y1 = 0;
  double x2 = 0;
  double y2 = 0;
};

std::optional<Segment> zeroLine(const std::string& svg) {
  const std::regex re(
      "<line class=\"zero\" x1=\"([^\"]+)\" y1=\"([^\"]+)\" x2=\"([^\"]+)\" y2=\"([^\"]+)\"");
  std::smatch m;
  if (!std::regex_search(svg, m, re)) return std::nullopt;
  return Segment{std::stod(m[1]), std::stod(m[2]), std::stod(m[3]), std::stod(m[4])};
}

std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

Chart twoValues(ChartKind kind, double first, double second) {
  Chart chart;
  chart.title = "Avvikelse";
  chart.kind = kind;
  chart.categories = {"Vård och omsorg", "IFO"};
  chart.series = {{"Avvikelse, tkr", {first, second}}};
  return chart;
}

TEST(SvgChart, IsAnImageLabelledByItsTitleAndDescription) {
  const std::string svg = renderSvgChart(sampleChart(), "d1");
  EXPECT_EQ(svg.rfind("<svg ", 0), 0u);
  EXPECT_TRUE(contains(svg, "role=\"img\""));
  EXPECT_TRUE(contains(svg, "aria-labelledby=\"d1-title d1-desc\""));
  EXPECT_TRUE(contains(svg, "<title id=\"d1-title\">Övertid och inhyrd personal KPV</title>"));
  EXPECT_TRUE(contains(svg,
                       "<desc id=\"d1-desc\">Timmar per månad januari–oktober 2025: "
                       "övertidsersättning och inhyrd bemanning.</desc>"));
  EXPECT_TRUE(svg.ends_with("</svg>"));
  // Self-contained: no namespace URL, links or scripts are needed inline in HTML.
  EXPECT_FALSE(contains(svg, "http"));
  EXPECT_FALSE(contains(svg, "<script"));
}

TEST(SvgChart, OneBarPerValueWithHeightsProportionalToTheValues) {
  const std::string svg = renderSvgChart(sampleChart(), "d1");
  const std::vector<Box> drawn = bars(svg);
  // 10 months × 2 series, less September's missing övertid.
  ASSERT_EQ(drawn.size(), 19u);
  // Bars go category by category: January övertid (1 853), January inhyrd (400), February …
  EXPECT_NEAR(drawn[0].height / drawn[1].height, 1853.0 / 400.0, 0.005);
  // July övertid (3 012) is bar 12 (months 0–5 give 12 bars).
  EXPECT_NEAR(drawn[12].height / drawn[0].height, 3012.0 / 1853.0, 0.005);
  const auto zero = zeroLine(svg);
  ASSERT_TRUE(zero.has_value());
  for (const Box& bar : drawn) EXPECT_NEAR(bar.y + bar.height, zero->y1, 0.02);
}

TEST(SvgChart, ANegativeColumnHangsBelowTheZeroLine) {
  const std::string svg = renderSvgChart(twoValues(ChartKind::Column, 1000, -500), "d");
  const std::vector<Box> drawn = bars(svg);
  ASSERT_EQ(drawn.size(), 2u);
  const auto zero = zeroLine(svg);
  ASSERT_TRUE(zero.has_value());
  EXPECT_NEAR(drawn[0].y + drawn[0].height, zero->y1, 0.02);  // above, resting on zero
  EXPECT_NEAR(drawn[1].y, zero->y1, 0.02);                    // below, hanging from zero
  EXPECT_GT(drawn[1].height, 0);
  EXPECT_NEAR(drawn[0].height / drawn[1].height, 2.0, 0.005);
}

TEST(SvgChart, ANegativeBarOfABarChartLiesLeftOfTheZeroLine) {
  const std::string svg = renderSvgChart(twoValues(ChartKind::Bar, 1000, -500), "d");
  const std::vector<Box> drawn = bars(svg);
  ASSERT_EQ(drawn.size(), 2u);
  const auto zero = zeroLine(svg);
  ASSERT_TRUE(zero.has_value());
  EXPECT_EQ(zero->x1, zero->x2);  // vertical
  EXPECT_NEAR(drawn[0].x, zero->x1, 0.02);
  EXPECT_NEAR(drawn[1].x + drawn[1].width, zero->x1, 0.02);
  EXPECT_NEAR(drawn[0].width / drawn[1].width, 2.0, 0.005);
  EXPECT_LT(drawn[0].y, drawn[1].y);  // categories top down in the data's order
}

TEST(SvgChart, StackedColumnsSitOnEachOther) {
  Chart chart = sampleChart();
  chart.kind = ChartKind::StackedColumn;
  const std::vector<Box> drawn = bars(renderSvgChart(chart, "d"));
  ASSERT_EQ(drawn.size(), 19u);
  // January: inhyrd (400) on top of övertid (1 853), in the same column.
  EXPECT_NEAR(drawn[1].y + drawn[1].height, drawn[0].y, 0.02);
  EXPECT_EQ(drawn[1].x, drawn[0].x);
  EXPECT_NEAR(drawn[0].height / drawn[1].height, 1853.0 / 400.0, 0.005);
}

TEST(SvgChart, SeriesDifferByPatternNotOnlyByColourAndTheLegendNamesThem) {
  const std::string svg = renderSvgChart(sampleChart(), "d1");
  const std::vector<Box> drawn = bars(svg);
  ASSERT_GE(drawn.size(), 2u);
  EXPECT_EQ(drawn[1].fill, "url(#d1-pattern-2)");
  EXPECT_NE(drawn[0].fill, drawn[1].fill);
  EXPECT_TRUE(contains(svg, "<pattern id=\"d1-pattern-2\""));
  EXPECT_TRUE(contains(svg, ">Övertidsersättning, timmar</text>"));
  EXPECT_TRUE(contains(svg, ">Inhyrd bemanning, timmar</text>"));
}

Chart manySeries(ChartKind kind, int count) {
  Chart chart;
  chart.title = "Många serier";
  chart.kind = kind;
  chart.categories = {"Jan"};
  for (int s = 0; s < count; ++s) chart.series.push_back({"Serie " + std::to_string(s), {s + 1.0}});
  return chart;
}

TEST(SvgChart, EightBarSeriesHaveEightFillPatterns) {
  const std::string svg = renderSvgChart(manySeries(ChartKind::Column, 8), "d");
  ASSERT_EQ(bars(svg).size(), 8u);
  // The first series is solid; the other seven patterns differ in shape, not just in colour.
  const std::regex pattern("<pattern id=\"[^\"]*\"([\\s\\S]*?)</pattern>");
  const std::regex colour("#[0-9a-f]{6}");
  std::set<std::string> shapes;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), pattern);
       it != std::sregex_iterator(); ++it) {
    shapes.insert(std::regex_replace((*it)[1].str(), colour, "#"));
  }
  EXPECT_EQ(shapes.size(), 7u);
}

TEST(SvgChart, TwelveLineSeriesDifferByDashOrMarkerShape) {
  const std::string svg = renderSvgChart(manySeries(ChartKind::Line, 12), "d");
  // Legend entries: the swatch line's dash, then the marker's shape (its element and path).
  const std::regex entry(
      "<line class=\"swatch\"[^>]*?(?:stroke-dasharray=\"([^\"]*)\")?/>"
      "<(circle|rect|path)(?: d=\"([^\"]*)\")?");
  std::set<std::string> looks;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), entry); it != std::sregex_iterator();
       ++it) {
    // Coordinates differ per legend place; the path's letters (M, L, H, V, Z) give its shape.
    std::string shape;
    for (char c : (*it)[3].str()) {
      if (std::isalpha(static_cast<unsigned char>(c))) shape += c;
    }
    looks.insert((*it)[1].str() + "|" + (*it)[2].str() + "|" + shape);
  }
  EXPECT_EQ(looks.size(), 12u);
}

TEST(SvgChart, LinesAreBrokenAtMissingValuesAndDifferByDash) {
  Chart chart = sampleChart();
  chart.kind = ChartKind::Line;
  const std::string svg = renderSvgChart(chart, "d");
  EXPECT_TRUE(bars(svg).empty());
  const std::regex line(
      "<path class=\"line\" d=\"([^\"]*)\"[^>]*?(stroke-dasharray=\"[^\"]*\")?/>");
  std::vector<std::smatch> lines;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), line); it != std::sregex_iterator();
       ++it) {
    lines.push_back(*it);
  }
  ASSERT_EQ(lines.size(), 2u);
  // Övertid lacks September: Jan–Aug and Okt are two pieces.
  EXPECT_EQ(count(lines[0][1], "M"), 2u);
  EXPECT_EQ(count(lines[0][1], "L"), 7u);
  EXPECT_EQ(count(lines[1][1], "M"), 1u);
  EXPECT_NE(lines[0][2].str(), lines[1][2].str());
  // A marker per value (19) and one per legend entry (2).
  EXPECT_EQ(count(svg, "class=\"point\""), 21u);
}

TEST(SvgChart, TicksAreRoundAndSwedish) {
  // 3 012 / 5 ≈ 602 rounds up to a step of 1 000: ticks 0 … 4 000.
  const std::string svg = renderSvgChart(sampleChart(), "d");
  for (const std::string& tick :
       std::vector<std::string>{"0", "1" + kNbsp + "000", "2" + kNbsp + "000", "3" + kNbsp + "000",
                                "4" + kNbsp + "000"}) {
    EXPECT_TRUE(contains(svg, "text-anchor=\"end\">" + tick + "</text>")) << tick;
  }
  EXPECT_FALSE(contains(svg, "5" + kNbsp + "000</text>"));

  // 0,7 / 5 = 0,14 rounds up to a step of 0,2: ticks 0, 0,2 … 0,8 with a decimal comma.
  const std::string small = renderSvgChart(twoValues(ChartKind::Column, 0.3, 0.7), "d");
  EXPECT_TRUE(contains(small, ">0,2</text>"));
  EXPECT_TRUE(contains(small, ">0,8</text>"));
  EXPECT_FALSE(contains(small, ">1,0</text>"));
}

TEST(SvgChart, CoordinatesUseADecimalPoint) {
  const std::string svg = renderSvgChart(twoValues(ChartKind::Column, 0.3, 0.7), "d");
  const std::regex attribute("\\b(?:x|y|width|height|x1|y1|x2|y2)=\"([^\"]*)\"");
  const std::regex number("-?[0-9]+(\\.[0-9]{1,2})?");
  int checked = 0;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), attribute);
       it != std::sregex_iterator(); ++it) {
    EXPECT_TRUE(std::regex_match((*it)[1].str(), number)) << (*it)[1];
    ++checked;
  }
  EXPECT_GT(checked, 10);
}

TEST(SvgChart, TextIsEscaped) {
  Chart chart = twoValues(ChartKind::Column, 1, 2);
  chart.title = "A & B <script>";
  chart.description = "\"citat\"";
  chart.categories[0] = "<b>Vård</b>";
  chart.series[0].name = "Serie & co";
  const std::string svg = renderSvgChart(chart, "d");
  EXPECT_FALSE(contains(svg, "<script>"));
  EXPECT_FALSE(contains(svg, "<b>"));
  EXPECT_TRUE(contains(svg, "A &amp; B &lt;script&gt;"));
  EXPECT_TRUE(contains(svg, "&quot;citat&quot;"));
  EXPECT_TRUE(contains(svg, "&lt;b&gt;Vård&lt;/b&gt;"));
  EXPECT_TRUE(contains(svg, "Serie &amp; co"));
}

TEST(SvgChart, NothingToDrawGivesNoPicture) {
  Chart noCategories = sampleChart();
  noCategories.categories.clear();
  Chart noSeries = sampleChart();
  noSeries.series.clear();
  Chart allMissing = sampleChart();
  for (ChartSeries& s : allMissing.series) {
    for (auto& v : s.values) v = std::nullopt;
  }
  Chart notFinite = twoValues(ChartKind::Column, std::numeric_limits<double>::quiet_NaN(),
                              std::numeric_limits<double>::infinity());
  for (const Chart& chart : {noCategories, noSeries, allMissing, notFinite}) {
    EXPECT_FALSE(chartHasData(chart));
    EXPECT_EQ(renderSvgChart(chart, "d"), "");
  }
  EXPECT_TRUE(chartHasData(sampleChart()));
}

TEST(SvgChart, NotFiniteValuesAreLeftOutAndAllZeroStillDraws) {
  Chart chart = twoValues(ChartKind::Column, 5, std::numeric_limits<double>::quiet_NaN());
  std::string svg = renderSvgChart(chart, "d");
  EXPECT_EQ(bars(svg).size(), 1u);
  EXPECT_FALSE(contains(svg, "nan"));
  EXPECT_FALSE(contains(svg, "inf"));

  svg = renderSvgChart(twoValues(ChartKind::Column, 0, 0), "d");
  const std::vector<Box> drawn = bars(svg);
  ASSERT_EQ(drawn.size(), 2u);
  EXPECT_EQ(drawn[0].height, 0);
  EXPECT_FALSE(contains(svg, "nan"));
}

TEST(SvgChart, ShortSeriesAndLongCategoriesDoNotBreakIt) {
  Chart chart = sampleChart();
  chart.series[1].values.resize(3);  // only January–March
  chart.categories[0] = std::string(200, 'x');
  const std::string svg = renderSvgChart(chart, "d");
  EXPECT_EQ(bars(svg).size(), 12u);  // 9 övertid + 3 inhyrd
  // The axis label is shortened (the bar's tooltip and the data table keep the full text).
  EXPECT_TRUE(contains(svg, ">" + std::string(27, 'x') + "\xE2\x80\xA6</text>"));
  EXPECT_TRUE(contains(svg, "rotate(-45"));
}

TEST(SvgChart, SameChartGivesTheSameText) {
  EXPECT_EQ(renderSvgChart(sampleChart(), "d"), renderSvgChart(sampleChart(), "d"));
}

}  // namespace
}  // namespace namnd

namespace namnd {
namespace {

// A trend chart has the areas and Totalt: 7 or more line series. Two of them must never share
// both colour and dash (markers are small), in SVG and Excel alike (both use series_look).
TEST(SeriesLook, LinesDifferInColourOrDashForThirtyFiveSeries) {
  for (std::size_t a = 0; a < 35; ++a)
    for (std::size_t b = a + 1; b < 35; ++b)
      EXPECT_TRUE(series_look::colour(a) != series_look::colour(b) ||
                  series_look::dash(a) != series_look::dash(b))
          << "series " << a << " and " << b;
}

}  // namespace
}  // namespace namnd
