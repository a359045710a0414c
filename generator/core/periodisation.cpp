#include "core/periodisation.hpp"

namespace namnd {

std::array<std::int64_t, 12> periodiseLinear(std::int64_t yearOre) {
  const std::int64_t base = yearOre / 12;       // truncates toward zero
  const std::int64_t remainder = yearOre % 12;  // same sign as yearOre
  const std::int64_t step = remainder < 0 ? -1 : 1;
  const std::int64_t extraMonths = remainder < 0 ? -remainder : remainder;
  std::array<std::int64_t, 12> months{};
  for (std::int64_t m = 0; m < 12; ++m) months[m] = base + (m < extraMonths ? step : 0);
  return months;
}

}  // namespace namnd
