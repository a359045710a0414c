#pragma once
// Spreading a helår amount over the months of the year, exactly: the parts always add up to the
// amount to the öre.

#include <array>
#include <cstdint>
#include <string>

namespace namnd {

// How a helår amount is spread: a weight per month (any non-negative scale). Linear is twelve
// equal weights; a named key such as a payroll calendar gives summer months more.
struct PeriodisationKey {
  std::string name = "linjar";
  std::array<std::int64_t, 12> weights{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
};

// Spreads `amountOre` over months firstMonth..12 in proportion to the key's weights for those
// months (earlier months get 0). The öre that do not divide evenly go to the largest remainders,
// the earlier month first; a negative amount is spread like its positive counterpart. Linear,
// 100 öre from January: months 1–4 get 9 and months 5–12 get 8. When the weights of the months
// used are all zero, the months are weighted equally.
std::array<std::int64_t, 12> periodise(std::int64_t amountOre, const PeriodisationKey& key,
                                       int firstMonth = 1);

// Linear twelfths from January (periodise with the linear key).
std::array<std::int64_t, 12> periodiseLinear(std::int64_t yearOre);

}  // namespace namnd
