#include "support/xlsx_fill.hpp"

#include <ctime>
#include <iterator>
#include <map>
#include <stdexcept>
#include <utility>

#include "ingest/xlsx/cell_reference.hpp"
#include "ingest/xlsx/xlsx_reader.hpp"
#include "ingest/xlsx/zip_package.hpp"
#include "render/xlsx/xlsx_workbook.hpp"

namespace namnd::testing {

void writeFilledCopy(const std::filesystem::path& source, const std::filesystem::path& target,
                     const std::vector<XlsxEdit>& edits) {
  const XlsxWorkbook book = XlsxWorkbook::open(source, source.filename().string());
  XlsxWorkbookWriter writer(target, target.filename().string());
  writer.setProperties({"ifylld", "test", "test", std::time_t{1'700'000'000}});
  for (const std::string& name : book.sheetNames()) {
    // (row, col) 0-based → the value to write.
    std::map<std::pair<int, int>, std::variant<std::monostate, std::string, double>> cells;
    book.readSheet(name, [&](const XlsxRow& row) {
      for (std::size_t col = 0; col < row.cells.size(); ++col) {
        const XlsxCell& cell = row.cells[col];
        const std::pair<int, int> at{static_cast<int>(row.rowNumber - 1), static_cast<int>(col)};
        if (cell.type == XlsxCell::Type::Number)
          cells[at] = cell.number;
        else if (cell.type != XlsxCell::Type::Empty)
          cells[at] = cell.text;
      }
    });
    for (const XlsxEdit& edit : edits) {
      if (edit.sheet != name) continue;
      const auto ref = parseCellReference(edit.cell);
      if (!ref) throw std::invalid_argument("bad cell reference " + edit.cell);
      cells[{static_cast<int>(ref->row - 1), ref->column}] = edit.value;
    }
    XlsxSheetWriter sheet = writer.addSheet(name);
    for (const auto& [at, value] : cells) {
      if (const auto* text = std::get_if<std::string>(&value)) {
        sheet.writeString(at.first, at.second, *text);
      } else if (const auto* number = std::get_if<double>(&value)) {
        sheet.writeNumber(at.first, at.second, *number);
      }
    }
  }
  writer.close();
}

std::string packagePart(const std::filesystem::path& workbook, const std::string& partName) {
  const ZipPackage package =
      ZipPackage::openFile(workbook, workbook.filename().string(), ZipLimits{});
  std::string text;
  package.readPart(partName, [&](std::istream& in) {
    text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  });
  return text;
}

}  // namespace namnd::testing
