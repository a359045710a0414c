#pragma once
// Raw parts of a written workbook, for what the row reader does not show: formulas, page setup,
// headers and footers, filters, merged cells, document properties.

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace namnd::testing {

// The text of a zip part ("xl/worksheets/sheet1.xml", "docProps/core.xml"), or nothing.
std::optional<std::string> xlsxPart(const std::filesystem::path& workbook, const std::string& name);

// The XML of the sheet named `sheet` (through workbook.xml and its relationships).
std::string sheetXml(const std::filesystem::path& workbook, const std::string& sheet);

struct XlsxFormula {
  std::string cell;     // "C23"
  std::string formula;  // as stored, without "=": "SUM(C19:C21)"
  std::string cached;   // the cached value as stored: "4080.99"
};

// Every formula cell of a sheet's XML, in document order.
std::vector<XlsxFormula> formulasIn(const std::string& sheetXml);

// 0-based row and column of an A1 reference ("C23" → {22, 2}).
struct CellRef {
  int row = 0;
  int col = 0;
};
CellRef parseCellRef(const std::string& ref);

}  // namespace namnd::testing

namespace namnd::testing {

// The widths of a sheet's <col> elements, by 0-based column, as stored (Excel's units plus the
// writer's padding).
std::map<int, double> columnWidths(const std::string& sheetXml);

}  // namespace namnd::testing
