// The chart series colours come from templates/farger.json, the same in the SVG and the workbook,
// with the default palette when the file is absent (issue 9, point 1: colours from templates/).

#include "render/chart_palette.hpp"

#include <gtest/gtest.h>

#include "core/errors.hpp"
#include "render/html/svg_chart.hpp"
#include "support/sample_document.hpp"
#include "support/test_support.hpp"

namespace namnd {
namespace {

namespace fs = std::filesystem;

TEST(ChartPalette, WithoutAFileTheDefaultPaletteIsUsed) {
  testing::TempDir dir;
  const ChartPalette palette = loadChartPalette(dir.path());
  ASSERT_EQ(palette.colours.size(), 7u);
  EXPECT_EQ(palette.colour(0), 0x1F4E79u);
  EXPECT_EQ(palette.colour(7), 0x1F4E79u);  // the eighth series starts over
}

TEST(ChartPalette, TheShippedFileHoldsTheDefaultColours) {
  EXPECT_EQ(loadChartPalette(testing::repoPath("templates")).colours,
            defaultChartPalette().colours);
}

TEST(ChartPalette, AKommunsColoursAreReadInOrderAndRepeat) {
  testing::TempDir dir;
  testing::writeFile(dir / "farger.json", R"({"diagramserier": ["#00A0Df", "#7a1b2c"]})");
  const ChartPalette palette = loadChartPalette(dir.path());
  EXPECT_EQ(palette.colours, (std::vector<std::uint32_t>{0x00A0DF, 0x7A1B2C}));
  EXPECT_EQ(palette.colour(2), 0x00A0DFu);
}

TEST(ChartPalette, TheSvgDrawsTheSeriesInTheKommunsColours) {
  const ChartPalette palette{{0x123456, 0xABCDEF}};
  const std::string svg = renderSvgChart(testing::sampleChart(), "d", palette);
  EXPECT_TRUE(testing::contains(svg, "#123456"));
  EXPECT_TRUE(testing::contains(svg, "#abcdef"));
  EXPECT_FALSE(testing::contains(svg, "#1f4e79"));
}

TEST(ChartPalette, AnythingButAListOfHexColoursIsAConfigErrorNamingTheEntry) {
  testing::TempDir dir;
  const auto errorFor = [&](const std::string& json) {
    testing::writeFile(dir / "farger.json", json);
    return testing::thrown<ConfigError>([&] { loadChartPalette(dir.path()); });
  };
  EXPECT_TRUE(testing::mentions(errorFor(R"({"diagramserier": ["#1F4E79", "blå"]})"),
                                {"farger.json", "nummer 2", "#1F4E79"}));
  EXPECT_TRUE(testing::mentions(errorFor(R"({"diagramserier": ["#1F4E7"]})"), {"nummer 1"}));
  EXPECT_TRUE(testing::mentions(errorFor(R"({"diagramserier": [12]})"), {"nummer 1"}));
  EXPECT_TRUE(testing::mentions(errorFor(R"({"diagramserier": []})"), {"minst en färg"}));
  EXPECT_TRUE(testing::mentions(errorFor(R"({"farger": []})"), {"diagramserier"}));
  EXPECT_TRUE(testing::mentions(errorFor("inte json"), {"farger.json", "JSON"}));
}

}  // namespace
}  // namespace namnd
