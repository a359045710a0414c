#include "core/calendar_date.hpp"

#include <cstdio>

namespace namnd {
namespace {

bool digits(std::string_view text) {
  for (char c : text)
    if (c < '0' || c > '9') return false;
  return !text.empty();
}

int number(std::string_view text) {
  int value = 0;
  for (char c : text) value = value * 10 + (c - '0');
  return value;
}

int daysInMonth(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

}  // namespace

std::optional<CalendarDate> CalendarDate::parse(std::string_view text) {
  std::string_view y, m, d;
  if (text.size() >= 10 && text[4] == '-' && text[7] == '-') {
    if (text.size() > 10 && text[10] != ' ' && text[10] != 'T') return std::nullopt;
    y = text.substr(0, 4), m = text.substr(5, 2), d = text.substr(8, 2);
  } else if (text.size() == 8) {
    y = text.substr(0, 4), m = text.substr(4, 2), d = text.substr(6, 2);
  } else {
    return std::nullopt;
  }
  if (!digits(y) || !digits(m) || !digits(d)) return std::nullopt;
  const CalendarDate date{number(y), number(m), number(d)};
  if (date.year < 1900 || date.month < 1 || date.month > 12 || date.day < 1 ||
      date.day > daysInMonth(date.year, date.month))
    return std::nullopt;
  return date;
}

std::string CalendarDate::iso() const {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
  return text;
}

std::optional<HalfYearPeriod> HalfYearPeriod::parse(std::string_view text) {
  if (text.size() != 4 && text.size() != 6) return std::nullopt;
  if (!digits(text.substr(0, 4))) return std::nullopt;
  HalfYearPeriod period{number(text.substr(0, 4)), 0};
  if (period.year < 1900) return std::nullopt;
  if (text.size() == 6) {
    if ((text[4] != 'H' && text[4] != 'h') || (text[5] != '1' && text[5] != '2'))
      return std::nullopt;
    period.half = text[5] - '0';
  }
  return period;
}

CalendarDate HalfYearPeriod::first() const { return {year, half == 2 ? 7 : 1, 1}; }

CalendarDate HalfYearPeriod::last() const {
  return half == 1 ? CalendarDate{year, 6, 30} : CalendarDate{year, 12, 31};
}

std::string HalfYearPeriod::code() const {
  return std::to_string(year) + (half == 0 ? "" : "H" + std::to_string(half));
}

}  // namespace namnd
