#pragma once
// What an import did, told to the user in Swedish: one line per file, and the first rejected
// rows with file, line, column and reason.

#include <ostream>
#include <vector>

#include "store/import_sources.hpp"

namespace namnd {

void printImportOutcomes(std::ostream& out, const std::vector<ImportOutcome>& outcomes);

}  // namespace namnd
