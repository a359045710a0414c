#include "cli/report_outcome.hpp"

#include <variant>

namespace namnd {

ReportOutcome checkOutcome(const Document& document) {
  ReportOutcome outcome;
  for (const Section& section : document.sections) {
    const auto* checks = std::get_if<CheckSection>(&section);
    if (!checks) continue;
    for (const CheckItem& item : checks->items) {
      if (item.status == CheckStatus::Warning) ++outcome.warnings;
      if (item.status == CheckStatus::Error)
        outcome.failedChecks.push_back(item.description + ": " + item.detail);
    }
  }
  return outcome;
}

}  // namespace namnd
