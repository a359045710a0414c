#pragma once
// A1-style cell references as the "r" attribute of a sheet cell writes them.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace namnd {

inline constexpr int kXlsxMaxColumns = 16'384;           // A … XFD
inline constexpr std::int64_t kXlsxMaxRows = 1'048'576;  // rows per sheet

struct CellReference {
  int column = 0;        // 0-based: A = 0, AB = 27 (the index into XlsxRow::cells)
  std::int64_t row = 0;  // 1-based, as in the sheet
};

// "AB12" → {27, 12}. Letters may be upper or lower case. nullopt for anything else, including
// "$A$1", a missing part, or a column or row beyond Excel's limits.
std::optional<CellReference> parseCellReference(std::string_view text);

// 0 → "A", 27 → "AB", 16383 → "XFD". Precondition: 0 <= column < kXlsxMaxColumns.
std::string columnName(int column);

}  // namespace namnd
