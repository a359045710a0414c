#include "reports/delarsrapport/goal_cell.hpp"

#include <optional>
#include <string>

#include "core/number_format.hpp"
#include "core/number_parse.hpp"

namespace namnd {
namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// The length of a group separator at `i` (space, NBSP, narrow NBSP), or 0.
std::size_t separatorAt(std::string_view text, std::size_t i) {
  if (text[i] == ' ') return 1;
  if (text.substr(i).starts_with("\xC2\xA0")) return 2;
  if (text.substr(i).starts_with("\xE2\x80\xAF")) return 3;
  return 0;
}

struct PureNumber {
  bool negative = false;
  std::int64_t whole = 0;
  std::string fraction;  // digits as typed after the decimal sign; "" = a whole number
};

// Digits, optionally in groups of three after a first group of one to three, then optionally
// ',' or '.' and digits. At most 18 digits before the decimal sign.
std::optional<PureNumber> parsePureNumber(std::string_view text) {
  PureNumber number;
  std::size_t i = 0;
  if (text.starts_with("-")) {
    number.negative = true;
    i = 1;
  }
  std::string digits;
  std::size_t groupLength = 0;
  bool grouped = false;
  while (i < text.size()) {
    if (isDigit(text[i])) {
      digits.push_back(text[i]);
      ++groupLength;
      ++i;
    } else if (const std::size_t sep = separatorAt(text, i); sep > 0) {
      if (groupLength == 0 || groupLength > 3 || (grouped && groupLength != 3)) return std::nullopt;
      grouped = true;
      groupLength = 0;
      i += sep;
    } else {
      break;
    }
  }
  if (digits.empty() || digits.size() > 18 || (grouped && groupLength != 3)) return std::nullopt;
  if (i < text.size()) {
    if (text[i] != ',' && text[i] != '.') return std::nullopt;
    for (++i; i < text.size(); ++i) {
      if (!isDigit(text[i])) return std::nullopt;
      number.fraction.push_back(text[i]);
    }
    if (number.fraction.empty()) return std::nullopt;
  }
  number.whole = std::stoll(digits);
  return number;
}

}  // namespace

CellValue goalCell(std::string_view typed) {
  const std::string_view text = trimSpace(typed);
  if (text.empty()) return std::monostate{};
  const auto number = parsePureNumber(text);
  if (!number) return std::string(text);
  if (number->fraction.empty()) return number->negative ? -number->whole : number->whole;
  const bool zero =
      number->whole == 0 && number->fraction.find_first_not_of('0') == std::string::npos;
  return std::string(number->negative && !zero ? "-" : "") + formatInteger(number->whole) + "," +
         number->fraction;
}

}  // namespace namnd
