#include "ingest/xlsx/excel_date.hpp"

#include <chrono>
#include <cmath>

namespace namnd {
namespace {

std::string isoDate(const std::chrono::year_month_day& date) {
  const int year = static_cast<int>(date.year());
  const unsigned month = static_cast<unsigned>(date.month());
  const unsigned day = static_cast<unsigned>(date.day());
  std::string text(10, '-');
  text[0] = static_cast<char>('0' + year / 1000);
  text[1] = static_cast<char>('0' + year / 100 % 10);
  text[2] = static_cast<char>('0' + year / 10 % 10);
  text[3] = static_cast<char>('0' + year % 10);
  text[5] = static_cast<char>('0' + month / 10);
  text[6] = static_cast<char>('0' + month % 10);
  text[8] = static_cast<char>('0' + day / 10);
  text[9] = static_cast<char>('0' + day % 10);
  return text;
}

}  // namespace

std::optional<std::string> excelSerialToIsoDate(double serial, ExcelDateSystem system) {
  using namespace std::chrono;
  if (!std::isfinite(serial)) return std::nullopt;
  const double whole = std::floor(serial);
  if (whole < 0 || whole > 3'000'000) return std::nullopt;  // far beyond 9999-12-31 either way
  const int days = static_cast<int>(whole);

  sys_days date;
  if (system == ExcelDateSystem::k1904) {
    date = sys_days{year{1904} / January / 1} + std::chrono::days{days};
  } else {
    // Excel treats 1900 as a leap year (a Lotus 1-2-3 bug kept for compatibility): serial 60 is
    // 1900-02-29, a day that never existed, and every later serial is one day ahead.
    if (days < 1) return std::nullopt;
    if (days == 60) return "1900-02-29";
    const sys_days epoch =
        days < 60 ? sys_days{year{1899} / December / 31} : sys_days{year{1899} / December / 30};
    date = epoch + std::chrono::days{days};
  }
  const year_month_day ymd{date};
  if (ymd.year() > year{9999}) return std::nullopt;
  return isoDate(ymd);
}

}  // namespace namnd
