#pragma once
// Spreading a helår amount over the months of the year, exactly: the twelve parts always add
// up to the amount to the öre.

#include <array>
#include <cstdint>

namespace namnd {

// Linear twelfths. The öre that do not divide evenly go to the first months, one each:
// 100 öre = 12 × 8 + 4, so months 1–4 get 9 and months 5–12 get 8 (negative amounts alike).
std::array<std::int64_t, 12> periodiseLinear(std::int64_t yearOre);

}  // namespace namnd
