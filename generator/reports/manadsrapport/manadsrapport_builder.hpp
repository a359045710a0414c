#pragma once
// The månadsrapport as a Document, assembled from its parts in the order the text template's
// "sektioner" gives (see section_order.hpp): the table per verksamhetsområde (prognosis
// snapshot, ack utfall, ack budget, avvikelse, budget helår, Totalt), "Utfall och lägesbild",
// two snapshots compared, a chart per area, commentary per area, the staffing part, the
// drill-down to enheter, the month's largest transactions, the prognosis trend and the checks.
// A part whose input is missing says so in a sentence, or is left out (staffing).

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "aggregate/org_rollup.hpp"
#include "aggregate/prognos_rollup.hpp"
#include "core/import_summary.hpp"
#include "core/ledger_transaction.hpp"
#include "core/org_tree.hpp"
#include "core/prognos_snapshot.hpp"
#include "core/rounding.hpp"
#include "core/run_config.hpp"
#include "reports/checks/data_quality.hpp"
#include "reports/manadsrapport/commentary.hpp"
#include "reports/manadsrapport/snapshot_comparison.hpp"
#include "reports/model/document.hpp"
#include "reports/report_texts.hpp"

namespace namnd {

struct ManadsrapportInput {
  // "publicerbara_kolumner" and the input files: the ledger's and the enhetschefer's free text
  // is held against them where the parts that show it are made
  // (reports/checks/published_texts.hpp).
  const RunConfig& config;
  DocumentMeta meta;  // kommun, nämnd, förvaltning, author; the builder fills the period parts
  Period period;
  RoundingMode rounding = RoundingMode::PerCell;
  // What the check section says about the inputs; its rollup holds the table's rows for the
  // period and its tree is the organisation of the period (see reports/checks/data_quality.hpp).
  DataQualityInput quality;
  // The snapshot shown in the table, if any; the lägesbild compares the straight line with it.
  std::optional<PrognosRollup> prognos;
  // The same year rolled up one level below the report level, from the same tree; none (or no
  // rows) = no drill-down.
  std::optional<OrgRollup> enheter;
  // The year's snapshots up to the period, ascending (the trend), and which two are compared.
  std::vector<PrognosRollup> snapshots;
  SnapshotChoice comparison;
  // The current snapshot (comparison.current) whole, for the enhetschefer's comments.
  std::optional<PrognosSnapshot> currentSnapshot;
  ControllerComments comments;                  // from the comments file; empty when none
  std::vector<LedgerTransaction> transactions;  // the month's largest rows, any number per ansvar
  int largestTransactions = 10;                 // shown per ansvar
  std::vector<Section> staffing;                // from buildStaffingSections; empty = no part
};

// Throws ConfigError when a text template is missing a key, names an unknown placeholder or an
// unknown section, or when a part would show free text from a column the config does not
// declare publishable.
Document buildManadsrapport(const ManadsrapportInput& input, const ReportTexts& texts);

}  // namespace namnd
