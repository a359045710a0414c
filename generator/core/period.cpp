#include "core/period.hpp"

#include <stdexcept>

namespace namnd {
namespace {

std::optional<int> parseDigits(std::string_view text) {
  if (text.empty()) return std::nullopt;
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

bool isLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

}  // namespace

Period::Period(int year, int month) : year_(year), month_(month) {
  if (month < 1 || month > 12 || year < 1900 || year > 2999)
    throw std::invalid_argument("ogiltig period " + std::to_string(year) + "-" +
                                std::to_string(month));
}

std::optional<Period> Period::parse(std::string_view yyyymm) {
  if (yyyymm.size() != 6) return std::nullopt;
  const auto year = parseDigits(yyyymm.substr(0, 4));
  const auto month = parseDigits(yyyymm.substr(4, 2));
  if (!year || !month || *month < 1 || *month > 12 || *year < 1900 || *year > 2999)
    return std::nullopt;
  return Period(*year, *month);
}

std::optional<Period> Period::fromIsoDate(std::string_view date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return std::nullopt;
  const auto year = parseDigits(date.substr(0, 4));
  const auto month = parseDigits(date.substr(5, 2));
  const auto day = parseDigits(date.substr(8, 2));
  if (!year || !month || !day || *month < 1 || *month > 12 || *year < 1900 || *year > 2999)
    return std::nullopt;
  const Period period(*year, *month);
  if (*day < 1 || *day > period.lastDay()) return std::nullopt;
  return period;
}

std::string Period::toString() const { return std::to_string(code()); }

Period Period::next() const {
  return month_ == 12 ? Period(year_ + 1, 1) : Period(year_, month_ + 1);
}

Period Period::previous() const {
  return month_ == 1 ? Period(year_ - 1, 12) : Period(year_, month_ - 1);
}

int Period::lastDay() const {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month_ == 2 && isLeapYear(year_) ? 29 : kDays[month_ - 1];
}

}  // namespace namnd
