#include "core/periodisation.hpp"

#include <algorithm>
#include <cassert>
#include <numeric>
#include <vector>

namespace namnd {
namespace {
__extension__ typedef __int128 Int128;  // magnitude × weight can exceed 64 bits
}  // namespace

std::array<std::int64_t, 12> periodise(std::int64_t amountOre, const PeriodisationKey& key,
                                       int firstMonth) {
  assert(firstMonth >= 1 && firstMonth <= 12);
  const auto first = static_cast<std::size_t>(firstMonth - 1);
  std::array<std::int64_t, 12> weights = key.weights;
  std::fill(weights.begin(), weights.begin() + static_cast<std::ptrdiff_t>(first), 0);
  std::int64_t weightSum = std::accumulate(weights.begin(), weights.end(), std::int64_t{0});
  if (weightSum <= 0) {
    std::fill(weights.begin() + static_cast<std::ptrdiff_t>(first), weights.end(), 1);
    weightSum = static_cast<std::int64_t>(12 - first);
  }
  const bool negative = amountOre < 0;
  const std::int64_t magnitude = negative ? -amountOre : amountOre;

  // Exact shares in 128-bit arithmetic.
  std::array<std::int64_t, 12> parts{};
  std::array<std::int64_t, 12> remainders{};
  std::int64_t handedOut = 0;
  for (std::size_t m = 0; m < 12; ++m) {
    const Int128 product = static_cast<Int128>(magnitude) * weights[m];
    parts[m] = static_cast<std::int64_t>(product / weightSum);
    remainders[m] = static_cast<std::int64_t>(product % weightSum);
    handedOut += parts[m];
  }
  std::vector<std::size_t> order;
  for (std::size_t m = first; m < 12; ++m) order.push_back(m);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return remainders[a] > remainders[b]; });
  for (std::size_t k = 0; handedOut < magnitude; ++k, ++handedOut) parts[order[k]] += 1;
  if (negative)
    for (auto& part : parts) part = -part;
  return parts;
}

std::array<std::int64_t, 12> periodiseLinear(std::int64_t yearOre) {
  return periodise(yearOre, PeriodisationKey{});
}

}  // namespace namnd
