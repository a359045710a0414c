#include "cli/import_outcome_printer.hpp"

#include <string>

#include "core/number_format.hpp"

namespace namnd {
namespace {

// What a file is, in the words of the import log.
std::string kindLabel(SourceKind kind) {
  if (kind == SourceKind::Hr) return "hr (timmar)";
  return std::string(sourceKindName(kind));
}

}  // namespace

void printImportOutcomes(std::ostream& out, const std::vector<ImportOutcome>& outcomes) {
  constexpr std::size_t kShownRejects = 10;
  for (const ImportOutcome& outcome : outcomes) {
    const ImportSummary& s = outcome.summary;
    if (outcome.skipped) {
      out << "Oförändrad, hoppar över: " << s.sourcePath << "\n";
      continue;
    }
    out << (outcome.replaced ? "Ändrad fil, ersätter tidigare inläsning av " : "Inläst ")
        << kindLabel(s.kind) << ": " << s.sourcePath << " (" << formatInteger(s.rowsRead, " ")
        << " rader, " << formatInteger(s.rowsAccepted, " ") << " godkända, "
        << formatInteger(static_cast<std::int64_t>(s.rejected.size()), " ") << " avvisade";
    // Hours are in the notes; kronor only where the hr export had a belopp column.
    if (s.kind == SourceKind::Hr && (s.acceptedOre != 0 || s.rejectedOre != 0))
      out << "; Σ belopp " << formatOreAsKronor(s.acceptedOre, " ") << " kr";
    out << ")\n";
    for (std::size_t i = 0; i < s.rejected.size() && i < kShownRejects; ++i)
      out << "  avvisad: " << s.rejected[i].where.describe() << ": " << s.rejected[i].reason
          << "\n";
    for (const std::string& note : s.notes) out << "  " << note << "\n";
    for (std::size_t i = 0; i < s.warnings.size() && i < kShownRejects; ++i)
      out << "  att granska: " << s.warnings[i] << "\n";
    if (s.rejected.size() > kShownRejects)
      out << "  … och " << s.rejected.size() - kShownRejects
          << " till (alla listas i rapportens kontrollavsnitt)\n";
  }
}

}  // namespace namnd
