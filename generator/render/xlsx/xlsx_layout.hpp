#pragma once
// The sheet layout of a workbook report: templates/xlsx/document.json, overridden key by key by
// templates/xlsx/<kind>.json. Paper, orientation ("auto" = by the sheet's width), fitting,
// footer, minimum column widths per column kind, the widest a column may grow, and which sheet each
// section goes on.

#include <array>
#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "render/chart_palette.hpp"
#include "render/xlsx/xlsx_workbook.hpp"
#include "reports/model/document.hpp"

namespace namnd {

struct SheetLayout {
  ChartPalette palette = defaultChartPalette();  // templates/farger.json
  // The orientation here is a default only: see `orientation`.
  XlsxPageSetup page{9, XlsxOrientation::Landscape, 1, "&CSida &P av &N", ""};
  // Set = every sheet prints so; unset ("auto") = landscape only for a sheet too wide for a
  // portrait page (xlsx_renderer.cpp decides).
  std::optional<XlsxOrientation> orientation;
  std::map<ColumnKind, double> columnWidths{{ColumnKind::Text, 36},
                                            {ColumnKind::Amount, 12},
                                            {ColumnKind::Count, 10},
                                            {ColumnKind::Percent, 10},
                                            {ColumnKind::Decimal, 10}};
  // A table column is as wide as its widest cell, but at least its kind's width above and at
  // most this: a longer text wraps in its cell.
  double maxColumnWidth = 60;
  double textSheetColumnWidth = 100;
  std::array<double, 3> checkColumnWidths{50, 10, 70};  // Kontroll, Status, Detalj
  // Section id (or prefix ending in "*") → sheet name. Consecutive sections with the same name
  // share that sheet.
  std::map<std::string, std::string> sheetNames;
};

// OutputError for a missing, unreadable or malformed layout file, naming the file and the key.
SheetLayout loadLayout(const std::filesystem::path& templatesDir, const std::string& kind);

// The layout's name for a section id: an exact key, or else the longest key ending in "*" whose
// prefix the id starts with ("kommentar_*": every area's commentary).
std::optional<std::string> configuredSheetName(const SheetLayout& layout, const std::string& id);

}  // namespace namnd
