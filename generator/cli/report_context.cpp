#include "cli/report_context.hpp"

#include "aggregate/account_coverage.hpp"
#include "cli/import_outcome_printer.hpp"
#include "ingest/kontoplan_reader.hpp"
#include "ingest/org_reader.hpp"
#include "ingest/table/open_source.hpp"

namespace namnd {

DocumentMeta ReportContext::documentMeta() const {
  return {.kommun = config.kommun,
          .namnd = config.namnd,
          .forvaltning = config.forvaltning,
          .author = config.forfattare};
}

DataQualityInput ReportContext::dataQuality() const {
  return {rollup, tree, importLog, unmappedAccounts, movesThisYear, movesSinceLastYear};
}

std::unique_ptr<ReportContext> loadReportContext(RunConfig config, Period period, std::ostream& out,
                                                 LedgerNeed ledger) {
  auto store = openStore(config.storeUri, config.storeScope);
  printImportOutcomes(out, importSources(config, *store));

  const OrgTree versions = readOrgTree(*openTabularSource(config.org));
  // The report uses the organisation as it was in its period.
  OrgTree tree = versions.asOf(period);
  AccountMap accounts = readAccountMap(*openTabularSource(config.kontoplan));
  Cube cube = ledger == LedgerNeed::YearCube
                  ? store->loadCube(PeriodRange::wholeYear(period.year()))
                  : Cube{};
  HrTable hr = store->loadHr(PeriodRange::wholeYear(period.year()));
  auto context = std::make_unique<ReportContext>(ReportContext{
      .config = std::move(config),
      .period = period,
      .store = std::move(store),
      .tree = std::move(tree),
      .accounts = std::move(accounts),
      .cube = std::move(cube),
      .hr = std::move(hr),
      .rollup = OrgRollup{.through = period},
  });
  ReportContext& c = *context;
  // After the move: the rollup's rows point into the context's own tree.
  c.rollup = rollUpToLevel(c.cube, c.tree, c.config.reportLevel, period);
  c.importLog = c.store->importLog();
  c.unmappedAccounts = unmappedAccounts(c.cube, c.accounts, PeriodRange::ack(period));
  c.movesThisYear = orgMoves(versions.asOf(period.firstOfYear()), c.tree, c.config.reportLevel);
  c.movesSinceLastYear =
      orgMoves(versions.asOf(period.sameMonthLastYear()), c.tree, c.config.reportLevel);
  return context;
}

}  // namespace namnd
