#pragma once
// What making one report left behind: the files it wrote and what its own checks said. The
// report commands return it; `namnd kor` records it and lists it in the run summary.

#include <filesystem>
#include <string>
#include <vector>

#include "reports/model/document.hpp"

namespace namnd {

struct ReportOutcome {
  std::vector<std::filesystem::path> files;  // in the order written
  int warnings = 0;
  std::vector<std::string> failedChecks;  // "description: detail" of each check in error
};

// The warnings and errors of the document's check sections.
ReportOutcome checkOutcome(const Document& document);

}  // namespace namnd
