#include "ingest/xlsx/cell_reference.hpp"

#include <cassert>

namespace namnd {

std::optional<CellReference> parseCellReference(std::string_view text) {
  std::size_t pos = 0;
  std::int64_t column = 0;  // bijective base 26: A = 1 … Z = 26, AA = 27
  while (pos < text.size() && pos < 3) {
    char c = text[pos];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') break;
    column = column * 26 + (c - 'A' + 1);
    ++pos;
  }
  if (pos == 0 || column > kXlsxMaxColumns) return std::nullopt;

  const std::size_t digitsStart = pos;
  std::int64_t row = 0;
  while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9' && row <= kXlsxMaxRows) {
    row = row * 10 + (text[pos] - '0');
    ++pos;
  }
  if (pos == digitsStart || pos != text.size() || row < 1 || row > kXlsxMaxRows) {
    return std::nullopt;
  }
  return CellReference{static_cast<int>(column - 1), row};
}

std::string columnName(int column) {
  assert(column >= 0 && column < kXlsxMaxColumns);
  std::string letters;
  for (int n = column + 1; n > 0; n = (n - 1) / 26) {
    letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
  }
  return letters;
}

}  // namespace namnd
