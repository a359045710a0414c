#include "core/number_parse.hpp"

namespace namnd {
namespace {

constexpr std::int64_t kMaxOre = 90'000'000'000'000'000;  // 9·10^16 öre: far beyond any budget

enum class Separator : std::uint8_t { Space, Comma, Dot };

// Length of a space-like character at the start of text (ASCII space/tab, NBSP, narrow NBSP).
std::size_t spaceLength(std::string_view text) {
  if (text.empty()) return 0;
  if (text[0] == ' ' || text[0] == '\t') return 1;
  if (text.substr(0, 2) == "\xC2\xA0") return 2;
  if (text.substr(0, 3) == "\xE2\x80\xAF") return 3;
  return 0;
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }

std::optional<std::int64_t> fail(std::string* error, const char* reason) {
  if (error) *error = reason;
  return std::nullopt;
}

// value·10 + digit, saturating just above kMaxOre: once a number is too large it stays so, and
// the check is made after the grouping rules (a malformed number says so, not "too large").
std::uint64_t appendDigit(std::uint64_t value, unsigned digit) {
  constexpr auto kOver = static_cast<std::uint64_t>(kMaxOre) + 1;
  const std::uint64_t next = value * 10 + digit;  // value ≤ kOver: no wrap-around
  return next > kOver ? kOver : next;
}

// One pass over the text, without allocating (ingest parses every amount of every row): digit
// runs between separators are only measured, and the digits accumulated as they come. The
// rules: the last comma or dot is the decimal separator unless that kind occurs more than once
// (then it groups thousands: "1,234,567"); every other separator groups thousands, all of one
// kind, every group after the first of exactly three digits and the first of at most three.
std::optional<std::int64_t> parseNumber(std::string_view text, int scaleDigits,
                                        std::string* error) {
  text = trimSpace(text);
  if (text.empty()) return fail(error, "värdet saknas");
  bool negative = false;
  if (text[0] == '-' || text[0] == '+') {
    negative = text[0] == '-';
    text.remove_prefix(1);
  } else if (text.substr(0, 3) == "\xE2\x88\x92" || text.substr(0, 3) == "\xE2\x80\x93") {
    negative = true;  // U+2212 minus or U+2013 en dash, as prose writes "– 27 800"
    text.remove_prefix(3);
  }
  while (std::size_t n = spaceLength(text)) text.remove_prefix(n);
  if (text.empty() || !isDigit(text[0])) return fail(error, "inte ett tal (en siffra väntades)");

  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::uint64_t value = 0;     // all digits so far, saturated
  std::size_t separators = 0;  // how many have been passed
  std::size_t kindCount[3] = {0, 0, 0};
  Separator first = Separator::Space;
  Separator last = Separator::Space;
  std::size_t firstMixed = kNone;     // 1-based index of the first separator unlike the first
  std::size_t firstBadGroup = kNone;  // index of the first separator whose run is not 3 digits
  std::size_t leadLength = 0;         // digits before the first separator
  std::size_t runLength = 0;          // digits of the current run

  const char* at = text.data();
  const char* const end = at + text.size();
  while (true) {
    while (at != end && isDigit(*at)) {
      value = appendDigit(value, static_cast<unsigned>(*at - '0'));
      ++runLength;
      ++at;
    }
    // The run that ends here follows separator number `separators` (0: the leading run).
    if (separators == 0)
      leadLength = runLength;
    else if (runLength != 3 && firstBadGroup == kNone)
      firstBadGroup = separators;
    if (at == end) break;

    Separator sep;
    const std::string_view rest(at, static_cast<std::size_t>(end - at));
    if (std::size_t n = spaceLength(rest)) {
      sep = Separator::Space;
      at += n;
    } else if (*at == ',' || *at == '.') {
      sep = *at == ',' ? Separator::Comma : Separator::Dot;
      ++at;
    } else {
      return fail(error, "inte ett tal (otillåtet tecken)");
    }
    if (at == end || !isDigit(*at))
      return fail(error, "inte ett tal (skiljetecken utan siffror efter)");
    ++separators;
    if (separators == 1)
      first = sep;
    else if (sep != first && firstMixed == kNone)
      firstMixed = separators;
    last = sep;
    ++kindCount[static_cast<int>(sep)];
    runLength = 0;
  }

  const bool hasDecimals =
      separators > 0 && last != Separator::Space && kindCount[static_cast<int>(last)] == 1;
  const std::size_t groupCount = hasDecimals ? separators - 1 : separators;
  // The first group (in text order) that breaks a rule decides the reason.
  const bool mixed = firstMixed <= groupCount;
  const bool badGroup = firstBadGroup <= groupCount;
  if (mixed && (!badGroup || firstMixed <= firstBadGroup))
    return fail(error, "blandade tusentalsavgränsare");
  if (badGroup) return fail(error, "tusentalsgrupper måste ha tre siffror");
  if (groupCount > 0 && leadLength > 3) return fail(error, "tusentalsgrupper måste ha tre siffror");
  std::size_t decimals = 0;
  if (hasDecimals) {
    if (scaleDigits == 0) return fail(error, "ett heltal väntades");
    if (groupCount > 0 && first == last)
      return fail(error, "samma tecken används för tusental och decimaler");
    decimals = runLength;
    if (decimals > 2) return fail(error, "fler än två decimaler");
  }
  for (std::size_t i = decimals; i < static_cast<std::size_t>(scaleDigits); ++i)
    value = appendDigit(value, 0);
  if (value > static_cast<std::uint64_t>(kMaxOre)) return fail(error, "talet är för stort");
  const auto magnitude = static_cast<std::int64_t>(value);
  return negative ? -magnitude : magnitude;
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
  return parseNumber(text, 2, error);
}

std::optional<std::int64_t> parseWholeNumber(std::string_view text, std::string* error) {
  return parseNumber(text, 0, error);
}

}  // namespace namnd
