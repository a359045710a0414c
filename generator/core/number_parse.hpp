#pragma once
// Amounts as Swedish and English exports write them, parsed exactly into öre.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace namnd {

// Parses an amount in kronor into öre. Accepts:
//   "-11 639", "-11\u00a0639" (space, NBSP or narrow NBSP between groups of three digits),
//   "1,05", "1234.50", "1 234,50", "1,234.50", "1.234,50" (the last separator is the decimal one),
//   a leading "-", "+", U+2212 or "–" (en dash, optionally followed by a space).
// Rejects, with a Swedish reason in *error: empty text, letters, "--5", "1e400", "12 34 56"
// (groups not of three), more than two decimals, values beyond ±9·10^16 öre.
std::optional<std::int64_t> parseAmountOre(std::string_view text, std::string* error = nullptr);

// Whole number (counts, codes used as numbers). Same sign and grouping rules, no decimals.
std::optional<std::int64_t> parseWholeNumber(std::string_view text, std::string* error = nullptr);

// Removes ASCII white space, NBSP and narrow NBSP at both ends.
std::string_view trimSpace(std::string_view text);

}  // namespace namnd
