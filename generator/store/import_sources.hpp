#pragma once
// Brings the inputs a config names into the store: each file is hashed, and imported in one
// transaction unless exactly these bytes were imported before. A changed file replaces its
// earlier import whole.

#include <string>
#include <vector>

#include "core/import_summary.hpp"
#include "core/run_config.hpp"
#include "store/store.hpp"

namespace namnd {

struct ImportOutcome {
  ImportSummary summary;
  bool skipped = false;   // the same bytes were already in the store
  bool replaced = false;  // an earlier, different version of this file was replaced
};

// Imports every huvudbok, budget, prognos and hr file of the config, in config order.
// Throws InputError for a file that cannot be used at all; rejected rows do not throw.
std::vector<ImportOutcome> importSources(const RunConfig& config, Store& store);

}  // namespace namnd
