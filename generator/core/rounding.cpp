#include "core/rounding.hpp"

#include <limits>

#include <algorithm>
#include <cassert>
#include <numeric>

namespace namnd {

std::int64_t roundHalfAwayFromZero(std::int64_t value, std::int64_t unit) {
  assert(unit > 0);
  const std::int64_t quotient = value / unit;  // truncates toward zero
  const std::int64_t remainder = value % unit;
  // Compare 2·|remainder| with unit without overflow: |remainder| < unit.
  const std::int64_t magnitude = remainder < 0 ? -remainder : remainder;
  if (magnitude >= unit - magnitude) return value < 0 ? quotient - 1 : quotient + 1;
  return quotient;
}

std::vector<std::int64_t> roundLargestRemainder(std::span<const std::int64_t> values,
                                                std::int64_t unit) {
  assert(unit > 0);
  std::vector<std::int64_t> rounded(values.size());
  std::int64_t exactTotal = 0;
  std::int64_t floorTotal = 0;
  std::vector<std::int64_t> remainder(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    exactTotal += values[i];
    // Floor division so that remainders are in [0, unit).
    std::int64_t q = values[i] / unit;
    std::int64_t r = values[i] % unit;
    if (r < 0) {
      q -= 1;
      r += unit;
    }
    rounded[i] = q;
    remainder[i] = r;
    floorTotal += q;
  }
  const std::int64_t target = roundHalfAwayFromZero(exactTotal, unit);
  std::int64_t toDistribute = target - floorTotal;
  std::vector<std::size_t> order(values.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return remainder[a] > remainder[b]; });
  for (std::size_t k = 0; k < order.size() && toDistribute > 0; ++k, --toDistribute)
    rounded[order[k]] += 1;
  // Σ floor(vᵢ) ≤ floor(Σ vᵢ) ≤ round(Σ vᵢ) ≤ Σ floor(vᵢ) + n, so everything was handed out.
  assert(toDistribute == 0);
  return rounded;
}

std::optional<std::int64_t> divideRoundedWide(WideInt numerator, WideInt denominator) {
  if (denominator < 0) {
    numerator = -numerator;
    denominator = -denominator;
  }
  WideInt quotient = numerator / denominator;  // truncates toward zero
  WideInt remainder = numerator % denominator;
  if (remainder < 0) remainder = -remainder;
  if (remainder >= denominator - remainder) quotient += numerator < 0 ? -1 : 1;
  if (quotient > std::numeric_limits<std::int64_t>::max() ||
      quotient < std::numeric_limits<std::int64_t>::min())
    return std::nullopt;
  return static_cast<std::int64_t>(quotient);
}

}  // namespace namnd
