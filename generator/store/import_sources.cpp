#include "store/import_sources.hpp"

#include <functional>
#include <future>
#include <set>

#include "ingest/budget_reader.hpp"
#include "ingest/hr_reader.hpp"
#include "ingest/ledger_reader.hpp"
#include "ingest/org_reader.hpp"
#include "ingest/prognos_reader.hpp"
#include "ingest/prognosunderlag_reader.hpp"
#include "ingest/sie/sie_reader.hpp"
#include "ingest/source_file.hpp"
#include "ingest/table/open_source.hpp"

namespace namnd {
namespace {

// `file` is the hashed file; the SIE reader streams it from disk.
SieImport readSieInput(const InputFile& input, const SourceFile& file) {
  SieDimensionMap dims;
  for (const auto& [name, number] : input.sieDimensions)
    (name == "ansvar"       ? dims.ansvar
     : name == "verksamhet" ? dims.verksamhet
                            : dims.projekt) = number;
  return readSie(file, dims);
}

// An SIE file's part (ledger or budget), with the months it covers taken from its cube (SIE
// has no rows per month to count, so the count is the number of cells).
ImportSummary saveSie(Store& store, ImportSummary summary, const Cube& cube, Measure measure,
                      const std::vector<std::string>& notes, const KeptTransactions& keptRows) {
  summary.periodTotals.clear();
  cube.forEachUnordered([&](const CubeCell& cell) {
    if (cell.measure == measure) summary.addToPeriod(cell.period.code(), cell.ore);
  });
  summary.notes = notes;
  store.saveCubeImport(summary, cube, keptRows);
  return summary;
}

// What a file whose bytes are already in the store comes to: nothing read, nothing saved.
ImportOutcome skippedOutcome(SourceKind kind, const SourceFile& file) {
  ImportOutcome outcome;
  outcome.skipped = true;
  outcome.summary.kind = kind;
  outcome.summary.sourcePath = file.displayName;
  outcome.summary.fileHash = file.sha256;
  return outcome;
}

}  // namespace

std::vector<ImportOutcome> importSources(const RunConfig& config, Store& store) {
  std::set<std::pair<SourceKind, std::string>> imported;  // (kind, path) already in the store
  for (const ImportSummary& entry : store.importLog())
    imported.emplace(entry.kind, entry.sourcePath);

  std::vector<ImportOutcome> outcomes;
  // Hashes each file; skips it when these bytes are in the store, else reads and saves it.
  const auto each =
      [&](const std::vector<InputFile>& inputs, SourceKind kind,
          const std::function<ImportSummary(const InputFile&, const SourceFile&)>& readAndSave) {
        for (const InputFile& input : inputs) {
          // A prognosunderlag input may be a folder of workbooks: hashed by names and contents.
          const SourceFile file = input.format == "prognosunderlag"
                                      ? hashPrognosunderlag(input.path, input.displayName)
                                      : hashSourceFile(input.path, input.displayName);
          if (store.hasImport(kind, file.sha256)) {
            outcomes.push_back(skippedOutcome(kind, file));
            continue;
          }
          ImportOutcome outcome;
          outcome.replaced = imported.count({kind, input.displayName}) > 0;
          outcome.summary = readAndSave(input, file);
          outcomes.push_back(std::move(outcome));
        }
      };

  const auto readAndSaveLedger = [&](const InputFile& input, const SourceFile& file) {
    if (inputFormat(input) == "sie") {
      SieImport sie = readSieInput(input, file);
      return saveSie(store, std::move(sie.ledger), sie.utfall, Measure::Utfall, sie.notes,
                     sie.keptRows);
    }
    auto source = openTabularSource(input);
    LedgerImport ledger = readLedger(*source, file.sha256);
    store.saveCubeImport(ledger.summary, ledger.cube, ledger.keptRows);
    return std::move(ledger.summary);
  };
  // A ledger whose path is new to the store is parsed while another thread hashes it: the
  // hash then only decides whether the same bytes are already stored (under another name), and
  // is no longer a serial pass before the parse. A path the store knows is hashed first, so that
  // an unchanged file is skipped without being parsed.
  for (const InputFile& input : config.huvudbok) {
    if (inputFormat(input) == "sie" ||
        imported.count({SourceKind::Huvudbok, input.displayName}) > 0) {
      each({input}, SourceKind::Huvudbok, readAndSaveLedger);
      continue;
    }
    std::future<SourceFile> hashing = std::async(
        std::launch::async, [&] { return hashSourceFile(input.path, input.displayName); });
    auto source = openTabularSource(input);
    LedgerImport ledger = readLedger(*source, "");
    const SourceFile file = hashing.get();
    if (store.hasImport(SourceKind::Huvudbok, file.sha256)) {
      outcomes.push_back(skippedOutcome(SourceKind::Huvudbok, file));
      continue;
    }
    ledger.summary.fileHash = file.sha256;
    store.saveCubeImport(ledger.summary, ledger.cube, ledger.keptRows);
    ImportOutcome outcome;
    outcome.summary = std::move(ledger.summary);
    outcomes.push_back(std::move(outcome));
  }
  each(config.budget, SourceKind::Budget, [&](const InputFile& input, const SourceFile& file) {
    if (inputFormat(input) == "sie") {
      SieImport sie = readSieInput(input, file);
      return saveSie(store, std::move(sie.budget), sie.budgetCube, Measure::Budget, sie.notes, {});
    }
    auto source = openTabularSource(input);
    BudgetImport budget = readBudget(*source, file.sha256, input.periodisation);
    store.saveCubeImport(budget.summary, budget.cube, {});
    return std::move(budget.summary);
  });
  each(config.prognos, SourceKind::Prognos, [&](const InputFile& input, const SourceFile& file) {
    if (input.format == "prognosunderlag") {
      // Filled-in underlag: every workbook is read and checked before anything is saved.
      const OrgTree org = readOrgTree(*openTabularSource(config.org));
      PrognosImport prognos =
          readPrognosunderlag(input.path, input.displayName, file.sha256, org, config.kommun);
      store.savePrognosImport(prognos.summary, prognos.snapshots);
      return std::move(prognos.summary);
    }
    auto source = openTabularSource(input);
    PrognosImport prognos = readPrognos(*source, file.sha256);
    store.savePrognosImport(prognos.summary, prognos.snapshots);
    return std::move(prognos.summary);
  });
  each(config.hr, SourceKind::Hr, [&](const InputFile& input, const SourceFile& file) {
    auto source = openTabularSource(input);
    HrImport hr = readHr(*source, file.sha256);
    store.saveHrImport(hr.summary, hr.hours);
    return std::move(hr.summary);
  });
  return outcomes;
}

}  // namespace namnd
