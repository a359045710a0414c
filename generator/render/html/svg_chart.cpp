#include "render/html/svg_chart.hpp"

#include <cstdio>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/number_format.hpp"
#include "render/chart_palette.hpp"
#include "render/html/xml_escape.hpp"
#include "render/series_look.hpp"

namespace namnd {
namespace {

// ---- Text and numbers ----

// A coordinate with at most two decimals and a '.', whatever the locale: std::to_chars never
// looks at one.
std::string coord(double value) {
  if (!std::isfinite(value)) value = 0;
  std::array<char, 64> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                    std::chars_format::fixed, 2);
  std::string text(buffer.data(), result.ptr);
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
  }
  if (text == "-0") text = "0";
  return text;
}

bool isContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::size_t codePoints(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return !isContinuation(c); }));
}

// At most `maxPoints` code points, the last one "…" when something was cut.
std::string shortened(const std::string& text, std::size_t maxPoints) {
  if (codePoints(text) <= maxPoints || maxPoints == 0) return text;
  std::size_t points = 0;
  std::size_t i = 0;
  for (; i < text.size(); ++i) {
    if (!isContinuation(text[i]) && points++ == maxPoints - 1) break;
  }
  return text.substr(0, i) + "\xE2\x80\xA6";
}

constexpr double kFontSize = 11;
constexpr double kCharWidth = 6.2;  // an average glyph of an 11 px sans-serif, for layout only

double textWidth(std::string_view text) {
  return static_cast<double>(codePoints(text)) * kCharWidth;
}

// ---- The value scale ----

// Values beyond this are not drawn to scale anyway; the cap keeps every sum finite.
constexpr double kMaxMagnitude = 1e15;

struct Scale {
  double min = 0;
  double max = 1;
  std::vector<double> ticks;
  int decimals = 0;  // of the tick labels
};

// Round ticks (1, 2 or 5 × a power of ten) covering [low, high] and zero, about five of them.
Scale niceScale(double low, double high) {
  low = std::min(low, 0.0);
  high = std::max(high, 0.0);
  if (high - low <= 0) high = 1;
  const double raw = (high - low) / 5;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  const double fraction = raw / magnitude;
  const double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  const double step = nice * magnitude;
  const auto first = static_cast<long long>(std::floor(low / step + 1e-9));
  auto last = static_cast<long long>(std::ceil(high / step - 1e-9));
  if (last <= first) last = first + 1;

  Scale scale;
  for (long long k = first; k <= last; ++k) scale.ticks.push_back(static_cast<double>(k) * step);
  scale.min = scale.ticks.front();
  scale.max = scale.ticks.back();
  scale.decimals = std::clamp(static_cast<int>(-std::floor(std::log10(step) + 1e-9)), 0, 6);
  return scale;
}

// ---- Series look ----

constexpr std::array<std::string_view, series_look::kDashes> kDashes{"", "7 4", "2 3", "10 3 2 3",
                                                                     "12 4"};

std::string colourOf(const ChartPalette& palette, std::size_t series) {
  char hex[8];
  std::snprintf(hex, sizeof hex, "#%06x", static_cast<unsigned>(palette.colour(series)));
  return hex;
}

std::size_t patternOf(std::size_t series) { return series_look::pattern(series); }
std::string_view dashOf(std::size_t series) { return kDashes[series_look::dash(series)]; }
std::size_t markerOf(std::size_t series) { return series_look::marker(series); }

std::string patternId(const std::string& prefix, std::size_t series) {
  return prefix + "-pattern-" + std::to_string(series + 1);
}

// A bar series' fill: look 0 is solid, the others a pattern in the series' colour on white.
std::string barFill(const ChartPalette& palette, const std::string& prefix, std::size_t series) {
  if (patternOf(series) == 0) return colourOf(palette, series);
  return "url(#" + escapeXml(patternId(prefix, series)) + ")";
}

std::string patternDef(const ChartPalette& palette, const std::string& prefix, std::size_t series) {
  const std::string colour(colourOf(palette, series));
  std::string head = "<pattern id=\"" + escapeXml(patternId(prefix, series)) +
                     "\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\"";
  const std::string background = "<rect width=\"6\" height=\"6\" fill=\"#ffffff\"/>";
  const auto diagonal = [&](const std::string& angle, const std::string& lines) {
    return head + " patternTransform=\"rotate(" + angle + ")\">" + background + lines +
           "</pattern>";
  };
  switch (patternOf(series)) {
    case 1:  // diagonal hatching
      return diagonal("45", "<rect width=\"3\" height=\"6\" fill=\"" + colour + "\"/>");
    case 2:  // grid
      return head + ">" + background + "<path d=\"M0 3H6M3 0V6\" stroke=\"" + colour +
             "\" stroke-width=\"1.5\"/></pattern>";
    case 3:  // dots
      return head + ">" + background + "<circle cx=\"3\" cy=\"3\" r=\"1.8\" fill=\"" + colour +
             "\"/></pattern>";
    case 4:  // horizontal lines
      return head + ">" + background + "<rect y=\"1.5\" width=\"6\" height=\"3\" fill=\"" + colour +
             "\"/></pattern>";
    case 5:  // the other diagonal
      return diagonal("-45", "<rect width=\"3\" height=\"6\" fill=\"" + colour + "\"/>");
    case 6:  // vertical lines
      return head + ">" + background + "<rect x=\"1.5\" width=\"3\" height=\"6\" fill=\"" + colour +
             "\"/></pattern>";
    case 7:  // diagonal grid
      return diagonal("45",
                      "<path d=\"M0 3H6M3 0V6\" stroke=\"" + colour + "\" stroke-width=\"1.5\"/>");
    default:
      return "";
  }
}

// A line series' marker centred on (x, y): circle, square, triangle, diamond, cross, plus.
std::string marker(const ChartPalette& palette, std::size_t series, double x, double y,
                   const std::string& tooltip) {
  const std::string colour(colourOf(palette, series));
  const double r = 4;
  const std::string filled = "fill=\"" + colour + "\" stroke=\"" + colour + "\"";
  const std::string stroked = "fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"2\"";
  std::string shape;
  switch (markerOf(series)) {
    case 0:
      shape = "<circle cx=\"" + coord(x) + "\" cy=\"" + coord(y) + "\" r=\"" + coord(r) + "\" " +
              filled;
      break;
    case 1:
      shape = "<rect x=\"" + coord(x - r) + "\" y=\"" + coord(y - r) + "\" width=\"" +
              coord(2 * r) + "\" height=\"" + coord(2 * r) + "\" " + filled;
      break;
    case 2:
      shape = "<path d=\"M" + coord(x) + " " + coord(y - r - 1) + "L" + coord(x + r + 1) + " " +
              coord(y + r) + "L" + coord(x - r - 1) + " " + coord(y + r) + "Z\" " + filled;
      break;
    case 3:
      shape = "<path d=\"M" + coord(x) + " " + coord(y - r - 1) + "L" + coord(x + r + 1) + " " +
              coord(y) + "L" + coord(x) + " " + coord(y + r + 1) + "L" + coord(x - r - 1) + " " +
              coord(y) + "Z\" " + filled;
      break;
    case 4:
      shape = "<path d=\"M" + coord(x - r) + " " + coord(y - r) + "L" + coord(x + r) + " " +
              coord(y + r) + "M" + coord(x - r) + " " + coord(y + r) + "L" + coord(x + r) + " " +
              coord(y - r) + "\" " + stroked;
      break;
    default:
      shape = "<path d=\"M" + coord(x - r - 1) + " " + coord(y) + "H" + coord(x + r + 1) + "M" +
              coord(x) + " " + coord(y - r - 1) + "V" + coord(y + r + 1) + "\" " + stroked;
      break;
  }
  return shape + " class=\"point\"><title>" + escapeXml(tooltip) + "</title>" +
         (shape.starts_with("<circle") ? "</circle>"
          : shape.starts_with("<rect") ? "</rect>"
                                       : "</path>");
}

// ---- The chart ----

constexpr double kWidth = 720;
constexpr double kTop = 30;  // room for the value axis title
constexpr double kRight = 20;
constexpr double kPlotHeight = 240;
constexpr double kLegendRow = 20;
constexpr std::size_t kMaxCategoryLabel = 28;  // code points; the table has the full text

struct Layout {
  double left = 0;
  double top = kTop;
  double plotWidth = 0;
  double plotHeight = kPlotHeight;
  double categorySlot = 0;
  bool rotatedLabels = false;
  double legendTop = 0;
  double height = 0;
};

// The values as drawn: one per category, nullopt where missing or not finite.
std::vector<std::vector<std::optional<double>>> drawableValues(const Chart& chart) {
  std::vector<std::vector<std::optional<double>>> out;
  for (const ChartSeries& series : chart.series) {
    std::vector<std::optional<double>> values(chart.categories.size());
    for (std::size_t i = 0; i < values.size() && i < series.values.size(); ++i) {
      const auto& v = series.values[i];
      if (v && std::isfinite(*v)) values[i] = std::clamp(*v, -kMaxMagnitude, kMaxMagnitude);
    }
    out.push_back(std::move(values));
  }
  return out;
}

Scale valueScale(const Chart& chart,
                 const std::vector<std::vector<std::optional<double>>>& values) {
  double low = 0;
  double high = 0;
  for (std::size_t c = 0; c < chart.categories.size(); ++c) {
    double positive = 0;
    double negative = 0;
    for (const auto& series : values) {
      if (!series[c]) continue;
      if (chart.kind == ChartKind::StackedColumn) {
        (*series[c] >= 0 ? positive : negative) += *series[c];
      } else {
        high = std::max(high, *series[c]);
        low = std::min(low, *series[c]);
      }
    }
    high = std::max(high, positive);
    low = std::min(low, negative);
  }
  return niceScale(low, high);
}

struct LegendItem {
  double x = 0;
  double y = 0;
};

// Legend items left to right, wrapping onto new rows.
std::vector<LegendItem> legendPlaces(const Chart& chart, double left, double top, double& bottom) {
  std::vector<LegendItem> places;
  double x = left;
  double y = top;
  for (const ChartSeries& series : chart.series) {
    const double width = 28 + textWidth(series.name) + 18;
    if (x > left && x + width > kWidth - kRight) {
      x = left;
      y += kLegendRow;
    }
    places.push_back({x, y});
    x += width;
  }
  bottom = y + kLegendRow;
  return places;
}

class SvgChartWriter {
 public:
  SvgChartWriter(const Chart& chart, const std::string& prefix, const ChartPalette& palette)
      : chart_(chart),
        prefix_(prefix),
        palette_(palette),
        values_(drawableValues(chart)),
        scale_(valueScale(chart, values_)),
        horizontal_(chart.kind == ChartKind::Bar) {}

  std::string write() {
    layOut();
    std::string body;
    body += defs();
    body += grid();
    body += chart_.kind == ChartKind::Line ? lines() : bars();
    body += zeroLine();
    body += axisTitle();
    body += categoryLabels();
    body += legend();

    std::string svg = "<svg class=\"chart\" viewBox=\"0 0 " + coord(kWidth) + " " +
                      coord(layout_.height) + "\" width=\"" + coord(kWidth) + "\" height=\"" +
                      coord(layout_.height) + "\" role=\"img\" aria-labelledby=\"" +
                      escapeXml(prefix_) + "-title " + escapeXml(prefix_) +
                      "-desc\" font-family=\"Segoe UI, Calibri, Arial, sans-serif\" font-size=\"" +
                      coord(kFontSize) + "\">\n";
    svg +=
        "<title id=\"" + escapeXml(prefix_) + "-title\">" + escapeXml(chart_.title) + "</title>\n";
    svg += "<desc id=\"" + escapeXml(prefix_) + "-desc\">" + escapeXml(chart_.description) +
           "</desc>\n";
    svg += body;
    svg += "</svg>";
    return svg;
  }

 private:
  std::size_t categoryCount() const { return chart_.categories.size(); }

  void layOut() {
    const double n = static_cast<double>(categoryCount());
    double widestTick = 0;
    for (double tick : scale_.ticks) widestTick = std::max(widestTick, textWidth(tickLabel(tick)));
    double widestCategory = 0;
    for (const std::string& c : chart_.categories) {
      widestCategory = std::max(widestCategory, textWidth(shortened(c, kMaxCategoryLabel)));
    }

    double belowPlot = 0;
    if (horizontal_) {
      layout_.left = std::min(widestCategory, 220.0) + 12;
      // Half a tick label may stick out right of the plot.
      layout_.plotWidth = kWidth - layout_.left - std::max(kRight, widestTick / 2 + 4);
      const double seriesCount = static_cast<double>(chart_.series.size());
      layout_.categorySlot = std::max(24.0, seriesCount * 14 + 10);
      layout_.plotHeight = n * layout_.categorySlot;
      belowPlot = 22;  // the value tick labels
    } else {
      layout_.left = std::max(40.0, widestTick + 14);
      layout_.plotWidth = kWidth - layout_.left - kRight;
      layout_.categorySlot = layout_.plotWidth / n;
      layout_.rotatedLabels = widestCategory > layout_.categorySlot - 6;
      if (layout_.rotatedLabels) {
        // The first label, turned by 45°, reaches its width × cos 45° left of its slot's middle.
        const double reach = widestCategory * 0.71 - layout_.categorySlot / 2 + 4;
        if (reach > layout_.left) {
          layout_.left = std::min(reach, kWidth / 3);
          layout_.plotWidth = kWidth - layout_.left - kRight;
          layout_.categorySlot = layout_.plotWidth / n;
        }
      }
      // A label turned by 45° needs its width × sin 45° below the axis.
      belowPlot = layout_.rotatedLabels ? widestCategory * 0.71 + 22 : 22;
    }
    layout_.legendTop = layout_.top + layout_.plotHeight + belowPlot + 8;
    double legendBottom = 0;
    legend_ = legendPlaces(chart_, layout_.left, layout_.legendTop, legendBottom);
    layout_.height = std::ceil(legendBottom + 4);
  }

  std::string tickLabel(double tick) const {
    // -0 and rounding noise would print as "-0".
    if (std::fabs(tick) < 1e-9 * (scale_.max - scale_.min)) tick = 0;
    return formatDecimal(tick, scale_.decimals);
  }

  std::string valueLabel(double value) const {
    return formatDecimal(value, std::clamp(chart_.decimals, 0, 10));
  }

  // Where a value lies on the value axis: a y coordinate, or an x coordinate in a bar chart.
  double position(double value) const {
    const double share = (value - scale_.min) / (scale_.max - scale_.min);
    return horizontal_ ? layout_.left + share * layout_.plotWidth
                       : layout_.top + layout_.plotHeight - share * layout_.plotHeight;
  }

  // The start of category c's slot along the category axis.
  double slotStart(std::size_t c) const {
    return (horizontal_ ? layout_.top : layout_.left) +
           static_cast<double>(c) * layout_.categorySlot;
  }

  std::string defs() const {
    if (chart_.kind == ChartKind::Line) return "";
    std::string patterns;
    for (std::size_t s = 0; s < chart_.series.size(); ++s)
      patterns += patternDef(palette_, prefix_, s);
    return patterns.empty() ? "" : "<defs>" + patterns + "</defs>\n";
  }

  std::string grid() const {
    std::string out = "<g class=\"grid\" stroke=\"#d0d0d0\" stroke-width=\"1\">";
    std::string labels = "<g class=\"ticks\" fill=\"#333333\">";
    const double plotEnd =
        horizontal_ ? layout_.top + layout_.plotHeight : layout_.left + layout_.plotWidth;
    for (double tick : scale_.ticks) {
      const double p = position(tick);
      if (horizontal_) {
        out += "<line x1=\"" + coord(p) + "\" y1=\"" + coord(layout_.top) + "\" x2=\"" + coord(p) +
               "\" y2=\"" + coord(plotEnd) + "\"/>";
        labels += "<text x=\"" + coord(p) + "\" y=\"" + coord(plotEnd + 15) +
                  "\" text-anchor=\"middle\">" + escapeXml(tickLabel(tick)) + "</text>";
      } else {
        out += "<line x1=\"" + coord(layout_.left) + "\" y1=\"" + coord(p) + "\" x2=\"" +
               coord(plotEnd) + "\" y2=\"" + coord(p) + "\"/>";
        labels += "<text x=\"" + coord(layout_.left - 6) + "\" y=\"" + coord(p + 4) +
                  "\" text-anchor=\"end\">" + escapeXml(tickLabel(tick)) + "</text>";
      }
    }
    return out + "</g>\n" + labels + "</g>\n";
  }

  std::string tooltip(std::size_t s, std::size_t c, double value) const {
    return chart_.series[s].name + ", " + chart_.categories[c] + ": " + valueLabel(value);
  }

  std::string bar(std::size_t s, std::size_t c, double from, double to, double across,
                  double thickness) const {
    const double a = position(from);
    const double b = position(to);
    const double valueStart = std::min(a, b);
    const double length = std::fabs(b - a);
    const std::string colour(colourOf(palette_, s));
    std::string geometry;
    if (horizontal_) {
      geometry = "x=\"" + coord(valueStart) + "\" y=\"" + coord(across) + "\" width=\"" +
                 coord(length) + "\" height=\"" + coord(thickness) + "\"";
    } else {
      geometry = "x=\"" + coord(across) + "\" y=\"" + coord(valueStart) + "\" width=\"" +
                 coord(thickness) + "\" height=\"" + coord(length) + "\"";
    }
    return "<rect class=\"bar\" " + geometry + " fill=\"" + barFill(palette_, prefix_, s) +
           "\" stroke=\"" + colour + "\" stroke-width=\"1\"><title>" +
           escapeXml(tooltip(s, c, to - from)) + "</title></rect>\n";
  }

  std::string bars() const {
    std::string out = "<g class=\"bars\">\n";
    const std::size_t seriesCount = chart_.series.size();
    const double group = layout_.categorySlot * 0.7;
    const bool stacked = chart_.kind == ChartKind::StackedColumn;
    const double thickness = stacked ? group : group / static_cast<double>(seriesCount);
    for (std::size_t c = 0; c < categoryCount(); ++c) {
      const double groupStart = slotStart(c) + (layout_.categorySlot - group) / 2;
      double positive = 0;
      double negative = 0;
      for (std::size_t s = 0; s < seriesCount; ++s) {
        const auto& value = values_[s][c];
        if (!value) continue;
        if (stacked) {
          double& base = *value >= 0 ? positive : negative;
          out += bar(s, c, base, base + *value, groupStart, thickness);
          base += *value;
        } else {
          out += bar(s, c, 0, *value, groupStart + static_cast<double>(s) * thickness, thickness);
        }
      }
    }
    return out + "</g>\n";
  }

  std::string lines() const {
    std::string out = "<g class=\"lines\">\n";
    for (std::size_t s = 0; s < chart_.series.size(); ++s) {
      std::string path;
      std::string markers;
      bool connected = false;  // a gap (a missing value) breaks the line
      for (std::size_t c = 0; c < categoryCount(); ++c) {
        const auto& value = values_[s][c];
        if (!value) {
          connected = false;
          continue;
        }
        const double x = slotStart(c) + layout_.categorySlot / 2;
        const double y = position(*value);
        path += (connected ? "L" : "M") + coord(x) + " " + coord(y);
        connected = true;
        markers += marker(palette_, s, x, y, tooltip(s, c, *value)) + "\n";
      }
      const std::string_view dash = dashOf(s);
      out += "<path class=\"line\" d=\"" + path + "\" fill=\"none\" stroke=\"" +
             std::string(colourOf(palette_, s)) + "\" stroke-width=\"2\"" +
             (dash.empty() ? "" : " stroke-dasharray=\"" + std::string(dash) + "\"") + "/>\n";
      out += markers;
    }
    return out + "</g>\n";
  }

  std::string zeroLine() const {
    const double p = position(0);
    if (horizontal_) {
      return "<line class=\"zero\" x1=\"" + coord(p) + "\" y1=\"" + coord(layout_.top) +
             "\" x2=\"" + coord(p) + "\" y2=\"" + coord(layout_.top + layout_.plotHeight) +
             "\" stroke=\"#1a1a1a\" stroke-width=\"1.5\"/>\n";
    }
    return "<line class=\"zero\" x1=\"" + coord(layout_.left) + "\" y1=\"" + coord(p) + "\" x2=\"" +
           coord(layout_.left + layout_.plotWidth) + "\" y2=\"" + coord(p) +
           "\" stroke=\"#1a1a1a\" stroke-width=\"1.5\"/>\n";
  }

  std::string axisTitle() const {
    if (chart_.valueAxis.empty()) return "";
    return "<text class=\"axis-title\" x=\"" + coord(horizontal_ ? layout_.left : 4) +
           "\" y=\"16\" fill=\"#333333\" font-style=\"italic\">" + escapeXml(chart_.valueAxis) +
           "</text>\n";
  }

  std::string categoryLabels() const {
    std::string out = "<g class=\"categories\" fill=\"#1a1a1a\">";
    for (std::size_t c = 0; c < categoryCount(); ++c) {
      const std::string label = escapeXml(shortened(chart_.categories[c], kMaxCategoryLabel));
      const double middle = slotStart(c) + layout_.categorySlot / 2;
      if (horizontal_) {
        out += "<text x=\"" + coord(layout_.left - 6) + "\" y=\"" + coord(middle + 4) +
               "\" text-anchor=\"end\">" + label + "</text>";
      } else if (layout_.rotatedLabels) {
        const double y = layout_.top + layout_.plotHeight + 12;
        out += "<text x=\"" + coord(middle) + "\" y=\"" + coord(y) +
               "\" text-anchor=\"end\" transform=\"rotate(-45 " + coord(middle) + " " + coord(y) +
               ")\">" + label + "</text>";
      } else {
        out += "<text x=\"" + coord(middle) + "\" y=\"" +
               coord(layout_.top + layout_.plotHeight + 15) + "\" text-anchor=\"middle\">" + label +
               "</text>";
      }
    }
    return out + "</g>\n";
  }

  std::string legend() const {
    std::string out = "<g class=\"legend\">\n";
    for (std::size_t s = 0; s < chart_.series.size(); ++s) {
      const double x = legend_[s].x;
      const double y = legend_[s].y;
      const std::string colour(colourOf(palette_, s));
      if (chart_.kind == ChartKind::Line) {
        const std::string_view dash = dashOf(s);
        out += "<line class=\"swatch\" x1=\"" + coord(x) + "\" y1=\"" + coord(y + 7) + "\" x2=\"" +
               coord(x + 24) + "\" y2=\"" + coord(y + 7) + "\" stroke=\"" + colour +
               "\" stroke-width=\"2\"" +
               (dash.empty() ? "" : " stroke-dasharray=\"" + std::string(dash) + "\"") + "/>";
        out += marker(palette_, s, x + 12, y + 7, chart_.series[s].name);
      } else {
        out += "<rect class=\"swatch\" x=\"" + coord(x) + "\" y=\"" + coord(y + 1) +
               "\" width=\"22\" height=\"12\" fill=\"" + barFill(palette_, prefix_, s) +
               "\" stroke=\"" + colour + "\" stroke-width=\"1\"/>";
      }
      out += "<text x=\"" + coord(x + 28) + "\" y=\"" + coord(y + 11) + "\" fill=\"#1a1a1a\">" +
             escapeXml(chart_.series[s].name) + "</text>\n";
    }
    return out + "</g>\n";
  }

  const Chart& chart_;
  std::string prefix_;
  const ChartPalette& palette_;
  std::vector<std::vector<std::optional<double>>> values_;
  Scale scale_;
  bool horizontal_;
  Layout layout_;
  std::vector<LegendItem> legend_;
};

}  // namespace

bool chartHasData(const Chart& chart) {
  for (const ChartSeries& series : chart.series) {
    const std::size_t n = std::min(series.values.size(), chart.categories.size());
    for (std::size_t i = 0; i < n; ++i) {
      if (series.values[i] && std::isfinite(*series.values[i])) return true;
    }
  }
  return false;
}

std::string renderSvgChart(const Chart& chart, const std::string& idPrefix,
                           const ChartPalette& palette) {
  if (!chartHasData(chart)) return "";
  return SvgChartWriter(chart, idPrefix, palette).write();
}

}  // namespace namnd
