#pragma once
// An exact fraction of two 128-bit integers, for key figures computed from öre, hundredths of
// hours and hundredths of volymer: 138 130 000 kr / 9 500 invånare stays exactly 14 540, and a
// ratio is rounded once, when it is displayed. Every operation says when a result would not fit
// (nullopt) instead of wrapping; division by zero is the caller's to check (isZero).

#include <cstdint>
#include <optional>
#include <string>

#include "core/rounding.hpp"

namespace namnd {

class ExactRational {
 public:
  ExactRational() = default;
  static ExactRational integer(std::int64_t value) { return ExactRational(value, 1); }
  // numerator / denominator, reduced; nullopt for a zero denominator.
  static std::optional<ExactRational> fraction(WideInt numerator, WideInt denominator);

  WideInt numerator() const { return numerator_; }
  WideInt denominator() const { return denominator_; }  // > 0
  bool isZero() const { return numerator_ == 0; }

  std::optional<ExactRational> plus(const ExactRational& other) const;
  std::optional<ExactRational> minus(const ExactRational& other) const;
  std::optional<ExactRational> times(const ExactRational& other) const;
  // nullopt also when `other` is zero (callers check isZero first to say why).
  std::optional<ExactRational> dividedBy(const ExactRational& other) const;
  ExactRational negated() const { return ExactRational(-numerator_, denominator_); }

  // The value × 10^decimals rounded half away from zero (5,63 % at 1 decimal of a percent:
  // scaled by 100 first, see roundedScaled's caller); nullopt when it does not fit in 64 bits.
  std::optional<std::int64_t> roundedScaled(int decimals) const;

  bool operator==(const ExactRational&) const = default;

 private:
  ExactRational(WideInt numerator, WideInt denominator)
      : numerator_(numerator), denominator_(denominator) {}
  WideInt numerator_ = 0;
  WideInt denominator_ = 1;
};

// A scaled integer with `decimals` places as Swedish text without grouping: 563, 2 → "5,63";
// -5, 1 → "-0,5". For the long csv format, which other tools read.
std::string scaledDecimalText(std::int64_t scaled, int decimals);

}  // namespace namnd
