#pragma once
// One row of a sheet as a reader of the file sees it.

#include <cstdint>
#include <string>
#include <vector>

namespace namnd {

struct XlsxCell {
  enum class Type { Empty, Number, Text, Boolean, Error };
  Type type = Type::Empty;
  // Number: the value exactly as stored in the XML ("434750.25", "1E-3"), so callers can parse
  // money exactly; Text: the string (shared or inline, rich-text runs concatenated; also a
  // formula's string result and an ISO date cell t="d"); Boolean: "0"/"1"; Error: "#DIV/0!" etc.
  // A cell whose text is empty (an empty string, a formula without a cached value) is Empty.
  std::string text;
  double number = 0;  // Number only; parsed from text with std::from_chars, never a locale
};

struct XlsxRow {
  std::int64_t rowNumber = 0;   // 1-based as in the sheet
  std::vector<XlsxCell> cells;  // index 0 = column A; gaps are Empty; no trailing Empty cells
};

}  // namespace namnd
