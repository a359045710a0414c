#pragma once
// One column of exact öre amounts shown in tkr, rounded the way the report's tables are.

#include <cstdint>
#include <optional>
#include <vector>

#include "core/rounding.hpp"

namespace namnd {

// Per cell: each value half away from zero. Additive: largest remainder over the column, so the
// shown values add up to the rounded sum of the exact ones (missing values count as 0).
std::vector<std::optional<std::int64_t>> roundColumnToTkr(
    const std::vector<std::optional<std::int64_t>>& exactOre, RoundingMode mode);

// One amount, half away from zero.
std::int64_t roundToTkr(std::int64_t ore);

}  // namespace namnd
