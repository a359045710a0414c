#pragma once
// A Chart as inline SVG for the HTML page: no scripts, no external resources, the same bytes for
// the same chart. The picture is an addition to the chart's data table, never a replacement:
// the <svg> has role="img" with the chart's title and text alternative (<title>, <desc>).
//
// Series differ without colour: bar series by fill pattern (solid, hatched, grid, …), line
// series by dash and marker shape, and a legend names them. Bars grow from the zero line, so a
// negative value lies below (or, in a bar chart, left of) it. The value axis always includes
// zero and has round ticks labelled the Swedish way (NBSP thousands separator, decimal comma).
// Coordinates are written with '.' decimals, independent of any locale.

#include <string>

#include "render/chart_palette.hpp"
#include "reports/model/document.hpp"

namespace namnd {

// True when some series has a finite value for some category: only then is there a picture.
bool chartHasData(const Chart& chart);

// The <svg> element, or "" when !chartHasData(chart). `idPrefix` makes the element ids unique
// in the page ("diagram-1" → "diagram-1-title", "diagram-1-desc", "diagram-1-pattern-2"); it must
// be a valid id. Series colours come from `palette` (templates/farger.json).
std::string renderSvgChart(const Chart& chart, const std::string& idPrefix,
                           const ChartPalette& palette = defaultChartPalette());

}  // namespace namnd
