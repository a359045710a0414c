#pragma once
// Rounding of exact integer amounts to display units (öre → tkr). Pure integer arithmetic.

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace namnd {

// How a table's displayed cells relate to its exact values.
enum class RoundingMode {
  PerCell,   // each cell rounded on its own, half away from zero (reproduces published tables)
  Additive,  // largest remainder: rounded rows add up to the rounded total
};

// value / unit rounded half away from zero. unit > 0.
std::int64_t roundHalfAwayFromZero(std::int64_t value, std::int64_t unit);

// 128-bit integers (GCC and Clang) for products of two amounts, which exceed 64 bits.
__extension__ using WideInt = __int128;

// numerator / denominator rounded half away from zero, for quotients of such products;
// nullopt when the result does not fit in 64 bits. denominator ≠ 0.
std::optional<std::int64_t> divideRoundedWide(WideInt numerator, WideInt denominator);

// Rounds every value to `unit` so that the rounded values sum to the rounded exact total
// (Hamilton / largest remainder). Ties in remainder go to the earlier item, so the result is
// deterministic for a given order.
std::vector<std::int64_t> roundLargestRemainder(std::span<const std::int64_t> values,
                                                std::int64_t unit);

}  // namespace namnd
