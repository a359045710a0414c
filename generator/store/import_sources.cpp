#include "store/import_sources.hpp"

#include "ingest/budget_reader.hpp"
#include "ingest/ledger_reader.hpp"
#include "ingest/prognos_reader.hpp"
#include "ingest/source_file.hpp"

namespace namnd {
namespace {

ImportOutcome skipped(SourceKind kind, const SourceFile& file) {
  ImportOutcome outcome;
  outcome.skipped = true;
  outcome.summary.kind = kind;
  outcome.summary.sourcePath = file.displayName;
  outcome.summary.fileHash = file.sha256;
  return outcome;
}

}  // namespace

std::vector<ImportOutcome> importSources(const RunConfig& config, Store& store) {
  std::vector<ImportOutcome> outcomes;
  for (const InputFile& input : config.huvudbok) {
    const SourceFile file = readSourceFile(input.path, input.displayName);
    if (store.hasImport(SourceKind::Huvudbok, file.sha256)) {
      outcomes.push_back(skipped(SourceKind::Huvudbok, file));
      continue;
    }
    LedgerImport ledger = readLedger(file);
    store.saveCubeImport(ledger.summary, ledger.cube);
    outcomes.push_back({std::move(ledger.summary), false});
  }
  for (const InputFile& input : config.budget) {
    const SourceFile file = readSourceFile(input.path, input.displayName);
    if (store.hasImport(SourceKind::Budget, file.sha256)) {
      outcomes.push_back(skipped(SourceKind::Budget, file));
      continue;
    }
    BudgetImport budget = readBudget(file);
    store.saveCubeImport(budget.summary, budget.cube);
    outcomes.push_back({std::move(budget.summary), false});
  }
  for (const InputFile& input : config.prognos) {
    const SourceFile file = readSourceFile(input.path, input.displayName);
    if (store.hasImport(SourceKind::Prognos, file.sha256)) {
      outcomes.push_back(skipped(SourceKind::Prognos, file));
      continue;
    }
    PrognosImport prognos = readPrognos(file);
    store.savePrognosImport(prognos.summary, prognos.snapshots);
    outcomes.push_back({std::move(prognos.summary), false});
  }
  return outcomes;
}

}  // namespace namnd
