#include "core/number_parse.hpp"

#include <array>

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

// Bytes that can begin (ASCII space, tab, the lead bytes of NBSP and narrow NBSP) or end (also
// CR and LF, and the last bytes of NBSP and narrow NBSP) what trimSpace removes.
constexpr std::uint8_t kMayStartSpace = 1;
constexpr std::uint8_t kMayEndSpace = 2;
constexpr std::array<std::uint8_t, 256> kSpaceEdge = [] {
  std::array<std::uint8_t, 256> table{};
  for (const unsigned char c : {' ', '\t', '\xC2', '\xE2'}) table[c] |= kMayStartSpace;
  for (const unsigned char c : {' ', '\t', '\r', '\n', '\xA0', '\xAF'}) table[c] |= kMayEndSpace;
  return table;
}();

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

// What ledgers write almost always: an optional sign, digits, and perhaps a decimal comma or
// point with one or two decimals ("-8260,45"). Reads that in one short loop; anything else —
// or a value the general rules would reject — returns false and goes the general way.
bool parsePlainNumber(std::string_view text, int scaleDigits, std::int64_t& result) {
  const char* p = text.data();
  const char* const end = p + text.size();
  bool negative = false;
  if (p != end && (*p == '-' || *p == '+')) {
    negative = *p == '-';
    ++p;
  }
  const char* const digits = p;
  std::uint64_t value = 0;
  for (; p != end && isDigit(*p); ++p) value = value * 10 + static_cast<unsigned>(*p - '0');
  if (p == digits || p - digits > 17) return false;  // 17 digits: no overflow below
  int decimals = 0;
  if (p != end) {
    if (scaleDigits == 0 || (*p != ',' && *p != '.')) return false;
    const auto left = end - (p + 1);
    if (left < 1 || left > 2 || !isDigit(p[1]) || (left == 2 && !isDigit(p[2]))) return false;
    for (const char* d = p + 1; d != end; ++d) value = value * 10 + static_cast<unsigned>(*d - '0');
    decimals = static_cast<int>(left);
  }
  for (int i = decimals; i < scaleDigits; ++i) value *= 10;
  if (value > static_cast<std::uint64_t>(kMaxOre)) return false;  // the general way says why
  const auto magnitude = static_cast<std::int64_t>(value);
  result = negative ? -magnitude : magnitude;
  return true;
}

// The general rules, for trimmed text; out of line, so the plain case above needs no frame.
// One pass over the text, without allocating (ingest parses every amount of every row): digit
// runs between separators are only measured, and the digits accumulated as they come. The
// rules: the last comma or dot is the decimal separator unless that kind occurs more than once
// (then it groups thousands: "1,234,567"); every other separator groups thousands, all of one
// kind, every group after the first of exactly three digits and the first of at most three.
[[gnu::noinline]] std::optional<std::int64_t> parseGeneralNumber(std::string_view text,
                                                                 int scaleDigits,
                                                                 std::string* error) {
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

std::optional<std::int64_t> parseNumber(std::string_view text, int scaleDigits,
                                        std::string* error) {
  text = trimSpace(text);
  if (std::int64_t plain = 0; parsePlainNumber(text, scaleDigits, plain)) return plain;
  return parseGeneralNumber(text, scaleDigits, error);
}

}  // namespace

std::string_view trimSpace(std::string_view text) {
  // Almost every cell has nothing to trim: decide that from its first and last byte (the only
  // bytes that can start or end a space-like character), by table.
  if (text.empty()) return text;
  if ((kSpaceEdge[static_cast<unsigned char>(text.front())] & kMayStartSpace) == 0 &&
      (kSpaceEdge[static_cast<unsigned char>(text.back())] & kMayEndSpace) == 0)
    return text;
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
