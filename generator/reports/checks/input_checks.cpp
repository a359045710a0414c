#include "reports/checks/input_checks.hpp"

#include <string>

#include "core/number_format.hpp"

namespace namnd {
namespace {

std::string kr(std::int64_t ore) { return formatOreAsKronor(ore) + "\xC2\xA0kr"; }

void addBalance(CheckSection& checks, const std::string& what, std::int64_t source,
                std::int64_t reported, std::int64_t unmapped) {
  const bool balanced = source == reported + unmapped;
  checks.items.push_back(
      {"Avstämning " + what + ": Σ indata = Σ redovisat + Σ ej placerat",
       kr(source) + (balanced ? " = " : " ≠ ") + kr(reported) + " + " + kr(unmapped),
       balanced ? CheckStatus::Ok : CheckStatus::Error});
}

}  // namespace

void addReconciliationChecks(CheckSection& checks, const OrgRollup& rollup) {
  addBalance(checks, "ack utfall", rollup.source.ackUtfall, rollup.reported.ackUtfall,
             rollup.unmapped.ackUtfall);
  addBalance(checks, "ack budget", rollup.source.ackBudget, rollup.reported.ackBudget,
             rollup.unmapped.ackBudget);
  addBalance(checks, "budget helår", rollup.source.helarBudget, rollup.reported.helarBudget,
             rollup.unmapped.helarBudget);
  for (const auto& [code, figures] : rollup.unmappedCodes)
    checks.items.push_back({"Ansvar " + code + " finns inte i organisationen på rapportnivån",
                            "ack utfall " + kr(figures.ackUtfall) + ", ack budget " +
                                kr(figures.ackBudget) + ", budget helår " +
                                kr(figures.helarBudget) + " redovisas inte på någon rad",
                            CheckStatus::Warning});
}

void addImportChecks(CheckSection& checks, const std::vector<ImportSummary>& log,
                     std::size_t maxListed) {
  for (const ImportSummary& file : log) {
    const auto rejected = static_cast<std::int64_t>(file.rejected.size());
    checks.items.push_back(
        {"Inläst " + std::string(sourceKindName(file.kind)) + ": " + file.sourcePath,
         formatInteger(file.rowsRead) + " rader lästa, " + formatInteger(file.rowsAccepted) +
             " godkända, " + formatInteger(rejected) + " avvisade; Σ belopp " +
             kr(file.acceptedOre),
         CheckStatus::Ok});
    if (file.rejected.empty()) continue;
    std::string where;
    for (std::size_t i = 0; i < file.rejected.size() && i < maxListed; ++i)
      where += (i ? "; " : "") + file.rejected[i].where.describe() + ": " + file.rejected[i].reason;
    if (file.rejected.size() > maxListed)
      where += "; och " + formatInteger(rejected - static_cast<std::int64_t>(maxListed)) + " till";
    checks.items.push_back({formatInteger(rejected) + " avvisade rader i " + file.sourcePath, where,
                            CheckStatus::Warning});
  }
}

}  // namespace namnd
