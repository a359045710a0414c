#pragma once
// Accounting periods: a month written YYYYMM, and ranges of them ("ack" = January through a month).

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace namnd {

class Period {
 public:
  // Throws std::invalid_argument for a month outside 1..12 or a year outside 1900..2999.
  Period(int year, int month);

  // "202510" → 2025-10. Exactly six digits; nullopt otherwise.
  static std::optional<Period> parse(std::string_view yyyymm);
  // "2025-10-31" → 2025-10 (the day is checked for the month).
  static std::optional<Period> fromIsoDate(std::string_view yyyy_mm_dd);

  int year() const { return year_; }
  int month() const { return month_; }
  int code() const { return year_ * 100 + month_; }  // 202510
  std::string toString() const;                      // "202510"

  Period next() const;
  Period previous() const;
  Period firstOfYear() const { return Period(year_, 1); }
  Period lastOfYear() const { return Period(year_, 12); }
  Period sameMonthLastYear() const { return Period(year_ - 1, month_); }
  int lastDay() const;  // 28..31

  auto operator<=>(const Period&) const = default;

 private:
  int year_;
  int month_;
};

// A closed range of months, first ≤ last.
struct PeriodRange {
  Period first;
  Period last;

  static PeriodRange ack(Period through) { return {through.firstOfYear(), through}; }
  static PeriodRange wholeYear(int year) { return {Period(year, 1), Period(year, 12)}; }
  bool contains(Period p) const { return first <= p && p <= last; }
  int months() const {
    return (last.year() - first.year()) * 12 + last.month() - first.month() + 1;
  }
};

}  // namespace namnd
