#pragma once
// A helårsprognos as the enhetschefer submitted it for one month ("Prognos lämnad 202508").

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/period.hpp"

namespace namnd {

struct PrognosEntry {
  std::string node;  // org code at any level (ansvar, enhet or verksamhetsområde)
  // Exactly one of the two is set: the full-year outcome (net cost, kr as öre) or the full-year
  // deviation against budget (Budget − Prognos, öre; positive = överskott).
  std::optional<std::int64_t> prognosOre;
  std::optional<std::int64_t> avvikelseOre;
  std::string kommentar;
  std::string atgard;
};

struct PrognosSnapshot {
  Period period;  // the month the prognosis was submitted
  std::vector<PrognosEntry> entries;
};

}  // namespace namnd
