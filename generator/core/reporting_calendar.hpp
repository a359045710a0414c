#pragma once
// The months of a nämnd's reporting year that the reports refer to by name.

#include "core/period.hpp"

namespace namnd {

// The delårsrapport closes per 31 August; its prognosis is "prognos satt i delåret", the one
// later månadsrapporter compare with.
inline constexpr int kDelarsMonth = 8;

inline Period delarsPeriod(int year) { return Period(year, kDelarsMonth); }
inline bool isDelarsPeriod(Period period) { return period.month() == kDelarsMonth; }

}  // namespace namnd
