#include "reports/delarsrapport/delar_check_tally.hpp"

#include <algorithm>
#include <cstdlib>

#include "core/number_format.hpp"

namespace namnd {

std::int64_t sumToleranceTkr(std::size_t rows, RoundingMode mode) {
  return mode == RoundingMode::PerCell ? static_cast<std::int64_t>(rows / 2 + 1) : 0;
}

std::int64_t cellToleranceTkr(RoundingMode mode) { return mode == RoundingMode::PerCell ? 1 : 0; }

void CheckTally::compare(const std::string& what, std::int64_t shown, std::int64_t computed,
                         std::int64_t tolerance) {
  if (shown == computed) return;
  largestTolerance_ = std::max(largestTolerance_, tolerance);
  if (std::llabs(shown - computed) > tolerance) withinTolerance_ = false;
  differences_ += (differences_.empty() ? "" : "; ") + what + " " + formatInteger(shown) +
                  " (beräknat " + formatInteger(computed) + ")";
}

void CheckTally::fail(const std::string& problem) {
  withinTolerance_ = false;
  differences_ += (differences_.empty() ? "" : "; ") + problem;
}

CheckItem CheckTally::item(const std::string& description, const std::string& exactText) const {
  if (differences_.empty()) return {description, exactText, CheckStatus::Ok};
  if (!withinTolerance_)
    return {description, "utanför avrundningen: " + differences_, CheckStatus::Error};
  return {description,
          "inom avrundningen (tillåtet ±" + formatInteger(largestTolerance_) +
              " tkr vid avrundning per cell): " + differences_,
          CheckStatus::Ok};
}

}  // namespace namnd
