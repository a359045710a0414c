#pragma once
// Swedish number formatting done by hand, so that no global locale is ever touched
// (under sv_SE libxlsxwriter would write "1234,5" into the XML and corrupt the workbook).

#include <cstdint>
#include <string>
#include <string_view>

namespace namnd {

inline constexpr std::string_view kNbsp = "\xC2\xA0";  // U+00A0, the thousands separator in HTML

// -23154 → "-23 154" (hyphen-minus, groups of three joined by `groupSeparator`).
std::string formatInteger(std::int64_t value, std::string_view groupSeparator = kNbsp);

// A change: 18 → "+18", -3 → "-3", 0 → "0".
std::string formatSignedInteger(std::int64_t value, std::string_view groupSeparator = kNbsp);

// Exact öre as kronor with two decimals: 17360540000 → "173 605 400,00" (no double involved).
std::string formatOreAsKronor(std::int64_t ore, std::string_view groupSeparator = kNbsp);

// 1.05, 2 → "1,05"; -0.556, 1 → "-0,6" (half away from zero). NaN or ±Inf → "–".
std::string formatDecimal(double value, int decimals, std::string_view groupSeparator = kNbsp);

// -0.154, 1 → "-15,4 %" (NBSP before the percent sign, as Swedish typography wants).
std::string formatPercent(double ratio, int decimals);

}  // namespace namnd
