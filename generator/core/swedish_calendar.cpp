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
  std::string text(word);
  if (text.empty()) return text;
  const auto first = static_cast<unsigned char>(text[0]);
  if (first >= 'a' && first <= 'z') {
    text[0] = static_cast<char>(first - 32);
  } else if (first == 0xC3 && text.size() > 1) {
    const auto second = static_cast<unsigned char>(text[1]);
    if (second >= 0xA0 && second <= 0xBE && second != 0xB7)  // not ÷
      text[1] = static_cast<char>(second - 0x20);
  }
  return text;
}

}  // namespace namnd
