#pragma once
// Checks every report carries about its inputs: that every krona read is accounted for, and
// which rows were rejected or could not be placed in the org tree.

#include <vector>

#include "aggregate/org_rollup.hpp"
#include "core/import_summary.hpp"
#include "reports/model/document.hpp"

namespace namnd {

// Σ source = Σ reported + Σ unmapped, for ack utfall, ack budget and helår budget, to the öre;
// and one warning per code that sits under no node at the report level, with its amounts.
void addReconciliationChecks(CheckSection& checks, const OrgRollup& rollup);

// One line per imported file (rows read, accepted, rejected, Σ belopp) and, for files with
// rejected rows, a warning naming where (the first `maxListed` places) and how many.
void addImportChecks(CheckSection& checks, const std::vector<ImportSummary>& log,
                     std::size_t maxListed = 20);

}  // namespace namnd
