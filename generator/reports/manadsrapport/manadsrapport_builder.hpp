#pragma once
// The månadsrapport as a Document: the table per verksamhetsområde (prognosis snapshot, ack
// utfall, ack budget, avvikelse, budget helår, Totalt) and the check section.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "aggregate/org_rollup.hpp"
#include "aggregate/prognos_rollup.hpp"
#include "core/import_summary.hpp"
#include "core/org_tree.hpp"
#include "core/rounding.hpp"
#include "reports/checks/data_quality.hpp"
#include "reports/model/document.hpp"
#include "reports/report_texts.hpp"

namespace namnd {

struct ManadsrapportInput {
  DocumentMeta meta;  // kommun, nämnd, förvaltning, author; the builder fills the period parts
  Period period;
  RoundingMode rounding = RoundingMode::PerCell;
  // What the check section says about the inputs; its rollup holds the table's rows for the
  // period (see reports/checks/data_quality.hpp).
  DataQualityInput quality;
  std::optional<PrognosRollup> prognos;  // the snapshot shown, if any
};

// Throws ConfigError when a text template is missing a key or names an unknown placeholder.
Document buildManadsrapport(const ManadsrapportInput& input, const ReportTexts& texts);

}  // namespace namnd
