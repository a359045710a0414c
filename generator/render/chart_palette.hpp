#pragma once
// The colours of chart series, the same in the Excel chart and the SVG: the kommun's own in
// templates/farger.json ({"diagramserier": ["#1F4E79", "#C55A11", …]}), or the default palette
// of render/series_look.hpp when the file is absent. The page's other colours are custom
// properties at the top of templates/html/style.css. Series differ without colour too (patterns,
// dashes, markers), so the palette may be as short as one colour.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <vector>

namespace namnd {

struct ChartPalette {
  std::vector<std::uint32_t> colours;  // 0xRRGGBB, never empty

  std::uint32_t colour(std::size_t series) const { return colours[series % colours.size()]; }
};

ChartPalette defaultChartPalette();

// Throws ConfigError naming the file and entry for anything but a non-empty list of "#RRGGBB".
ChartPalette loadChartPalette(const std::filesystem::path& templatesDir);

}  // namespace namnd
