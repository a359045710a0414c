#pragma once
// Money is always an exact integer number of öre. Never a double.

#include <compare>
#include <cstdint>

#include "core/rounding.hpp"

namespace namnd {

class Money {
 public:
  static constexpr std::int64_t kOrePerKrona = 100;
  static constexpr std::int64_t kOrePerTkr = 100'000;

  constexpr Money() = default;
  static constexpr Money fromOre(std::int64_t ore) { return Money(ore); }
  static constexpr Money fromKronor(std::int64_t kronor) { return Money(kronor * kOrePerKrona); }

  constexpr std::int64_t ore() const { return ore_; }
  // Rounded half away from zero, on this value alone.
  std::int64_t roundedKronor() const { return roundHalfAwayFromZero(ore_, kOrePerKrona); }
  std::int64_t roundedTkr() const { return roundHalfAwayFromZero(ore_, kOrePerTkr); }

  constexpr Money operator+(Money other) const { return Money(ore_ + other.ore_); }
  constexpr Money operator-(Money other) const { return Money(ore_ - other.ore_); }
  constexpr Money operator-() const { return Money(-ore_); }
  constexpr Money& operator+=(Money other) {
    ore_ += other.ore_;
    return *this;
  }
  constexpr Money& operator-=(Money other) {
    ore_ -= other.ore_;
    return *this;
  }
  constexpr auto operator<=>(const Money&) const = default;

 private:
  constexpr explicit Money(std::int64_t ore) : ore_(ore) {}
  std::int64_t ore_ = 0;
};

}  // namespace namnd
