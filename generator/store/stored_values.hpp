#pragma once
// What every engine behind Store does alike with what it reads back: turning stored texts and
// codes into the model (refusing what no import writes), choosing the largest ledger rows, and
// the order of the import log. One place, so that the engines give byte-identical reports.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/import_summary.hpp"
#include "core/ledger_transaction.hpp"
#include "core/period.hpp"

namespace namnd {

// The kind a store wrote with sourceKindName. Throws OutputError naming `storeName` otherwise.
SourceKind storedSourceKind(const std::string& text, const std::string& storeName);

// A stored period code (YYYYMM). Throws OutputError naming `storeName` for a code no import
// writes.
Period storedPeriod(std::int64_t code, const std::string& storeName);

// At most `perAnsvar` rows of each ansvar, ordered by ansvar and then largest |öre| first. `rows`
// must be in stored order (import order, then the order within an import): rows that tie keep it.
std::vector<LedgerTransaction> largestPerAnsvar(std::vector<LedgerTransaction> rows, int perAnsvar);

// The import log's order: kind in enum order, then path byte-wise, stable across runs and engines.
void sortImportLog(std::vector<ImportSummary>& log);

// A store's "lager" text as messages and logs may show it: a PostgreSQL password
// ("password=…" in a connection string, "user:password@" in a URI) becomes "***".
std::string redactedStoreUri(std::string_view uri);

}  // namespace namnd
