#pragma once
// "Filling in" a workbook the way a user would, for round-trip tests: every cell is read back
// through the XLSX reader and written to a new workbook with the project's xlsx writer, with
// some cells typed over. Styles are not copied (readers of the filled copy look at values only).
// Also: the raw XML of a package part, to check what the reader does not expose (locked cells,
// sheet protection).

#include <filesystem>
#include <string>
#include <variant>
#include <vector>

namespace namnd::testing {

struct XlsxEdit {
  std::string sheet;  // as sheetNames() gives it
  std::string cell;   // "K14"
  // Empty = clear the cell; a text (typed text, even if it looks like a number); a number.
  std::variant<std::monostate, std::string, double> value;
};

void writeFilledCopy(const std::filesystem::path& source, const std::filesystem::path& target,
                     const std::vector<XlsxEdit>& edits);

// The inflated text of a part ("xl/styles.xml", "xl/worksheets/sheet1.xml").
std::string packagePart(const std::filesystem::path& workbook, const std::string& partName);

}  // namespace namnd::testing
