#include "core/swedish_calendar.hpp"

#include <array>
#include <cassert>

namespace namnd {
namespace {
constexpr std::array<std::string_view, 12> kMonthNames = {
    "januari", "februari", "mars",      "april",   "maj",      "juni",
    "juli",    "augusti",  "september", "oktober", "november", "december"};
constexpr std::array<std::string_view, 12> kMonthAbbrevs = {
    "jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"};
}  // namespace

std::string_view swedishMonthName(int month) {
  assert(month >= 1 && month <= 12);
  return kMonthNames[static_cast<std::size_t>(month - 1)];
}

std::string swedishMonthAndYear(int year, int month) {
  return std::string(swedishMonthName(month)) + " " + std::to_string(year);
}

std::string_view swedishMonthAbbrev(int month) {
  assert(month >= 1 && month <= 12);
  return kMonthAbbrevs[static_cast<std::size_t>(month - 1)];
}

std::string capitalizeFirst(std::string_view word) {
  std::string result(word);
  if (!result.empty() && result[0] >= 'a' && result[0] <= 'z') result[0] = char(result[0] - 32);
  return result;
}

}  // namespace namnd
