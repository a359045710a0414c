#pragma once
// The checks every report carries about its inputs, and the whole of `namnd kontroll`:
// that every krona read is accounted for, what could not be placed, what was rejected, and
// what looks wrong in the data (rows outside the year, files covering the same months,
// duplicate vouchers, budget without utfall and the reverse, org changes and orphans).

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "aggregate/org_rollup.hpp"
#include "core/import_summary.hpp"
#include "core/org_tree.hpp"
#include "reports/model/document.hpp"

namespace namnd {

struct DataQualityInput {
  const OrgRollup& rollup;  // the report level for the period
  const OrgTree& tree;      // the tree of the period
  const std::vector<ImportSummary>& importLog;
  const std::map<std::string, std::int64_t, std::less<>>& unmappedAccounts;  // konto → öre (ack)
  const std::vector<OrgMove>& movesThisYear;       // between January's tree and the period's
  const std::vector<OrgMove>& movesSinceLastYear;  // between the same month last year and now
};

void addDataQualityChecks(CheckSection& checks, const DataQualityInput& input,
                          std::size_t maxListed = 20);

}  // namespace namnd
