#pragma once
// Swedish month names. The only place in the code base that spells them.

#include <string>
#include <string_view>

namespace namnd {

std::string_view swedishMonthName(int month);    // 1 → "januari"
std::string_view swedishMonthAbbrev(int month);  // 1 → "jan"
// 2025, 8 → "augusti 2025": a month in prose (never the period code 202508).
std::string swedishMonthAndYear(int year, int month);
// First letter upper-cased: ASCII, and the two-byte UTF-8 letters à–þ (å, ä, ö, é):
// "oktober" → "Oktober", "årsarbetare" → "Årsarbetare".
std::string capitalizeFirst(std::string_view word);

}  // namespace namnd
