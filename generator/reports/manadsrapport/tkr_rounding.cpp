#include "reports/manadsrapport/tkr_rounding.hpp"

#include "core/money.hpp"

namespace namnd {

std::vector<std::optional<std::int64_t>> roundColumnToTkr(
    const std::vector<std::optional<std::int64_t>>& exactOre, RoundingMode mode) {
  std::vector<std::optional<std::int64_t>> shown(exactOre.size());
  if (mode == RoundingMode::PerCell) {
    for (std::size_t i = 0; i < exactOre.size(); ++i)
      if (exactOre[i]) shown[i] = roundToTkr(*exactOre[i]);
    return shown;
  }
  std::vector<std::int64_t> values;
  values.reserve(exactOre.size());
  for (const auto& v : exactOre) values.push_back(v.value_or(0));
  const auto rounded = roundLargestRemainder(values, Money::kOrePerTkr);
  for (std::size_t i = 0; i < exactOre.size(); ++i)
    if (exactOre[i]) shown[i] = rounded[i];
  return shown;
}

std::int64_t roundToTkr(std::int64_t ore) { return roundHalfAwayFromZero(ore, Money::kOrePerTkr); }

}  // namespace namnd
