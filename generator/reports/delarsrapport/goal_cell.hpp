#pragma once
// A mål or verksamhetsmått cell as typed → the cell shown. Text stays exactly as typed ("5/19",
// "VoO 17,4% SS 15,5 %", "61%", "12 st **"); a pure number is shown the Swedish way: a whole
// number as a number (the renderers group it with NBSP, and it stays a number in Excel), one
// with decimals as text with a decimal comma and the decimals as typed ("4.4" → "4,4").

#include <string_view>

#include "reports/model/document.hpp"

namespace namnd {

// "" → empty cell; "2421", "2 421", "-3" → integer; "4,4", "4.40", "12 345,5" → "4,4", "4,40",
// "12 345,5" (NBSP); anything else → the text itself.
CellValue goalCell(std::string_view typed);

}  // namespace namnd
