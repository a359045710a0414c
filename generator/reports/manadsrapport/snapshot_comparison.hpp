#pragma once
// Two prognosis snapshots side by side per verksamhetsområde (notes 002 R3): "Prognos lämnad A
// | Prognos lämnad B | Förändring", with Förändring = B − A (positive = the later prognosis is
// better), and which snapshots a report compares.

#include <optional>
#include <vector>

#include "aggregate/org_rollup.hpp"
#include "aggregate/prognos_rollup.hpp"
#include "core/placeholders.hpp"
#include "core/rounding.hpp"
#include "reports/model/document.hpp"
#include "reports/report_texts.hpp"

namespace namnd {

struct SnapshotChoice {
  std::optional<Period> current;  // the latest snapshot of the report's year up to its period
  std::optional<Period> earlier;  // the one it is compared with
};

// From the stored snapshot periods: current = the latest in the report's year at or before
// `period`. earlier = `requested` when given; otherwise the August snapshot ("prognos satt i
// delåret") when current is later than August, else the snapshot before current in the same
// year. Throws ConfigError when `requested` is not stored, or not in the same year and before
// current.
SnapshotChoice chooseSnapshots(const std::vector<Period>& available, Period period,
                               std::optional<Period> requested);

// Area rows in the order of `areas` (the report level), Totalt last. Each cell is the exact
// deviation rounded as the report rounds; Förändring is rounded from the exact difference.
// `values` holds the period placeholders. Throws ConfigError for a missing text.
Table buildSnapshotComparison(const OrgRollup& areas, const PrognosRollup& earlier,
                              const PrognosRollup& current, RoundingMode rounding,
                              const ReportTexts& texts, const PlaceholderValues& values);

}  // namespace namnd
