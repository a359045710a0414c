#include "core/number_parse.hpp"

#include <vector>

namespace namnd {
namespace {

constexpr std::int64_t kMaxOre = 90'000'000'000'000'000;  // 9·10^16 öre: far beyond any budget

enum class Separator { Space, Comma, Dot };

// Length of a space-like character at the start of text (ASCII space/tab, NBSP, narrow NBSP).
std::size_t spaceLength(std::string_view text) {
  if (text.empty()) return 0;
  if (text[0] == ' ' || text[0] == '\t') return 1;
  if (text.substr(0, 2) == "\xC2\xA0") return 2;
  if (text.substr(0, 3) == "\xE2\x80\xAF") return 3;
  return 0;
}

bool fail(std::string* error, const char* reason) {
  if (error) *error = reason;
  return false;
}

struct Split {
  bool negative = false;
  std::string integerDigits;
  std::string decimalDigits;
};

// Splits text into sign, integer digits and decimal digits, checking the grouping rules.
bool splitNumber(std::string_view text, bool allowDecimals, Split& out, std::string* error) {
  text = trimSpace(text);
  if (text.empty()) return fail(error, "värdet saknas");
  if (text[0] == '-' || text[0] == '+') {
    out.negative = text[0] == '-';
    text.remove_prefix(1);
  } else if (text.substr(0, 3) == "\xE2\x88\x92" || text.substr(0, 3) == "\xE2\x80\x93") {
    out.negative = true;  // U+2212 minus or U+2013 en dash, as prose writes "– 27 800"
    text.remove_prefix(3);
  }
  while (std::size_t n = spaceLength(text)) text.remove_prefix(n);
  if (text.empty() || text[0] < '0' || text[0] > '9')
    return fail(error, "inte ett tal (en siffra väntades)");

  std::vector<std::string> runs(1);
  std::vector<Separator> separators;
  while (!text.empty()) {
    const char c = text[0];
    if (c >= '0' && c <= '9') {
      runs.back() += c;
      text.remove_prefix(1);
      continue;
    }
    Separator sep;
    if (std::size_t n = spaceLength(text)) {
      sep = Separator::Space;
      text.remove_prefix(n);
    } else if (c == ',' || c == '.') {
      sep = c == ',' ? Separator::Comma : Separator::Dot;
      text.remove_prefix(1);
    } else {
      return fail(error, "inte ett tal (otillåtet tecken)");
    }
    if (text.empty() || text[0] < '0' || text[0] > '9')
      return fail(error, "inte ett tal (skiljetecken utan siffror efter)");
    separators.push_back(sep);
    runs.emplace_back();
  }

  // Which separator, if any, is the decimal one: the last comma or dot, unless that kind of
  // punctuation occurs more than once (then it groups thousands: "1,234,567").
  std::size_t decimalIndex = separators.size();  // none
  if (!separators.empty() && separators.back() != Separator::Space) {
    std::size_t sameKind = 0;
    for (Separator s : separators) sameKind += s == separators.back();
    if (sameKind == 1) decimalIndex = separators.size() - 1;
  }
  const std::size_t groupCount = decimalIndex;  // separators before the decimal one group digits
  for (std::size_t i = 0; i < groupCount; ++i) {
    if (separators[i] != separators[0]) return fail(error, "blandade tusentalsavgränsare");
    if (runs[i + 1].size() != 3) return fail(error, "tusentalsgrupper måste ha tre siffror");
  }
  if (groupCount > 0 && runs[0].size() > 3)
    return fail(error, "tusentalsgrupper måste ha tre siffror");
  if (decimalIndex < separators.size()) {
    if (!allowDecimals) return fail(error, "ett heltal väntades");
    if (groupCount > 0 && separators[0] == separators[decimalIndex])
      return fail(error, "samma tecken används för tusental och decimaler");
    out.decimalDigits = runs.back();
    if (out.decimalDigits.size() > 2) return fail(error, "fler än två decimaler");
  }
  for (std::size_t i = 0; i <= groupCount; ++i) out.integerDigits += runs[i];
  return true;
}

std::optional<std::int64_t> accumulate(const Split& split, int scaleDigits, std::string* error) {
  std::int64_t value = 0;
  std::string digits = split.integerDigits + split.decimalDigits;
  digits.append(static_cast<std::size_t>(scaleDigits) - split.decimalDigits.size(), '0');
  for (char c : digits) {
    if (value > (kMaxOre - (c - '0')) / 10) {
      fail(error, "talet är för stort");
      return std::nullopt;
    }
    value = value * 10 + (c - '0');
  }
  return split.negative ? -value : value;
}

}  // namespace

std::string_view trimSpace(std::string_view text) {
  while (std::size_t n = spaceLength(text)) text.remove_prefix(n);
  while (!text.empty()) {
    if (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' || text.back() == '\n')
      text.remove_suffix(1);
    else if (text.size() >= 2 && text.substr(text.size() - 2) == "\xC2\xA0")
      text.remove_suffix(2);
    else if (text.size() >= 3 && text.substr(text.size() - 3) == "\xE2\x80\xAF")
      text.remove_suffix(3);
    else
      break;
  }
  return text;
}

std::optional<std::int64_t> parseAmountOre(std::string_view text, std::string* error) {
  Split split;
  if (!splitNumber(text, true, split, error)) return std::nullopt;
  return accumulate(split, 2, error);
}

std::optional<std::int64_t> parseWholeNumber(std::string_view text, std::string* error) {
  Split split;
  if (!splitNumber(text, false, split, error)) return std::nullopt;
  return accumulate(split, 0, error);
}

}  // namespace namnd
