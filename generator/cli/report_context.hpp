#pragma once
// What every report command needs before it builds anything: the config, the store with this
// run's inputs imported, the organisation of the period, the year's cube rolled up to the
// report level, and what the data-quality checks look at.

#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "aggregate/org_rollup.hpp"
#include "core/account_map.hpp"
#include "core/cube.hpp"
#include "core/hr_hours.hpp"
#include "core/org_tree.hpp"
#include "core/run_config.hpp"
#include "reports/checks/data_quality.hpp"
#include "reports/model/document.hpp"
#include "store/import_sources.hpp"
#include "store/store.hpp"

namespace namnd {

struct ReportContext {
  RunConfig config;
  Period period;
  std::unique_ptr<Store> store;
  OrgTree tree;  // as of the period
  AccountMap accounts;
  Cube cube;   // the period's year
  HrTable hr;  // the period's year
  OrgRollup rollup;
  std::vector<ImportSummary> importLog;
  std::map<std::string, std::int64_t, std::less<>> unmappedAccounts;  // ack range
  std::vector<OrgMove> movesThisYear;
  std::vector<OrgMove> movesSinceLastYear;

  // The parts of a report's meta that come from the config (the builder adds the period).
  DocumentMeta documentMeta() const;
  // What the data-quality checks look at; it refers to this context, which must outlive it.
  DataQualityInput dataQuality() const;
};

// How much of the ledger a report needs: the avvikelse report reads registers and hr hours, not
// the cube, and loading and rolling up a year of a large ledger is most of a report's time.
enum class LedgerNeed { YearCube, None };

// Imports what changed in the config's inputs (telling `out` what it did), and prepares the period.
// With LedgerNeed::None the cube, roll-up and unmapped accounts stay empty.
std::unique_ptr<ReportContext> loadReportContext(RunConfig config, Period period, std::ostream& out,
                                                 LedgerNeed ledger = LedgerNeed::YearCube);

}  // namespace namnd
