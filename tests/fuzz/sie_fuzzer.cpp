// The SIE 4 reader: encoding (PC8/CP437, Windows-1252, UTF-8), the lexer, #VER/#TRANS blocks,
// #PSALDO/#PBUDGET. The file is read in tiny blocks and in one block: SieTextStream promises the
// same result and the same error either way, so any difference is a finding.

#include <cstdint>
#include <string>

#include "core/cube.hpp"
#include "fuzz_support.hpp"
#include "ingest/sie/sie_reader.hpp"

namespace {

std::string describe(const namnd::ImportSummary& summary) {
  std::string text = std::to_string(summary.rowsRead) + '/' + std::to_string(summary.rowsAccepted) +
                     " Σ" + std::to_string(summary.acceptedOre) + " avvisat Σ" +
                     std::to_string(summary.rejectedOre);
  for (const auto& row : summary.rejected)
    text += "\n  " + row.where.describe() + ": " + row.reason;
  for (const auto& note : summary.notes) text += "\n  not: " + note;
  for (const auto& warning : summary.warnings) text += "\n  varning: " + warning;
  return text;
}

std::string readOnce(const namnd::SourceFile& file, std::size_t blockBytes) {
  std::string result;
  const std::string error = namnd::fuzz::expectTypedErrors("sie_fuzzer", [&] {
    const namnd::SieImport sie = namnd::readSie(file, namnd::SieDimensionMap{}, blockBytes);
    result = "typ " + std::to_string(sie.sieType) + " " + sie.company + "\nhuvudbok " +
             describe(sie.ledger) + "\nbudget " + describe(sie.budget) + "\nutfall Σ" +
             std::to_string(sie.utfall.total(namnd::Measure::Utfall)) + " i " +
             std::to_string(sie.utfall.cellCount()) + " celler, budget Σ" +
             std::to_string(sie.budgetCube.total(namnd::Measure::Budget));
    for (const auto& note : sie.notes) result += "\nnot: " + note;
  });
  return error.empty() ? result : error;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 64 * 1024) return 0;
  namnd::SourceFile file;
  file.displayName = "fuzz.se";
  file.bytes.assign(namnd::fuzz::asText(data, size));
  // An empty `bytes` means "read the path": give it the same bytes on disk.
  file.path = namnd::fuzz::writeScratchFile("fuzz.se", file.bytes);
  const std::size_t tinyBlock = 1 + size % 13;
  const std::string tiny = readOnce(file, tinyBlock);
  const std::string whole = readOnce(file, namnd::kSieBlockBytes);
  if (tiny != whole)
    namnd::fuzz::finding("sie_fuzzer", "block om " + std::to_string(tinyBlock) + " byte gav:\n" +
                                           tiny + "\nen block gav:\n" + whole);
  return 0;
}
