#pragma once
// A day of the calendar, for registers that count by date (avvikelser are counted by their
// registration date). No time zone, no clock: the date as the source system printed it.

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace namnd {

struct CalendarDate {
  int year = 0;
  int month = 0;  // 1–12
  int day = 0;    // 1–last day of the month

  // "2022-06-30", "20220630", "2022-06-30 14:05" or "2022-06-30T14:05:00" (the time is ignored).
  // nullopt for anything else, including impossible days (2022-02-30) and 5-digit years.
  static std::optional<CalendarDate> parse(std::string_view text);
  std::string iso() const;  // "2022-06-30"

  auto operator<=>(const CalendarDate&) const = default;
};

// The span an avvikelse report covers: a half year ("2022H1", "2022H2") or a whole year
// ("2022").
struct HalfYearPeriod {
  int year = 0;
  int half = 0;  // 1 or 2; 0 = the whole year

  // "2022H1", "2022h2", "2022"; nullopt otherwise.
  static std::optional<HalfYearPeriod> parse(std::string_view text);
  CalendarDate first() const;  // 2022-01-01 or 2022-07-01
  CalendarDate last() const;   // 2022-06-30 or 2022-12-31
  bool contains(const CalendarDate& date) const { return first() <= date && date <= last(); }
  std::string code() const;  // "2022H1", "2022"

  auto operator<=>(const HalfYearPeriod&) const = default;
};

}  // namespace namnd
