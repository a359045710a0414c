#pragma once
// What one import of one source file did: counts, totals and every rejected row.

#include <cstdint>
#include <string>
#include <vector>

#include "core/errors.hpp"

namespace namnd {

// In the order the import log lists them; the names are what the store keeps.
enum class SourceKind { Huvudbok, Budget, Prognos, Hr };

std::string_view sourceKindName(SourceKind kind);  // "huvudbok", "budget", "prognos", "hr"

struct RejectedRow {
  SourceLocation where;
  std::string reason;  // Swedish
};

struct ImportSummary {
  SourceKind kind = SourceKind::Huvudbok;
  std::string sourcePath;  // as given in the config, for messages
  std::string fileHash;    // SHA-256 of the file's bytes, hex
  std::int64_t rowsRead = 0;
  std::int64_t rowsAccepted = 0;
  std::vector<RejectedRow> rejected;
  std::int64_t acceptedOre = 0;  // Σ belopp of accepted rows (before periodisation)
  // Σ belopp of rejected rows whose amount could be read (the rest are listed in `rejected`):
  // Σ source = Σ accepted + Σ rejected, so that every krona read is accounted for.
  std::int64_t rejectedOre = 0;
  // Accepted rows and Σ belopp per period (YYYYMM), ascending: which months a file covers.
  struct PeriodTotal {
    int period = 0;
    std::int64_t rows = 0;
    std::int64_t ore = 0;
  };
  std::vector<PeriodTotal> periodTotals;
  // Things to look into that are not rejections (Swedish): identical rows …
  std::vector<std::string> warnings;
  // What the reader chose, for the record (Swedish): "Utfallet kommer från #TRANS …".
  std::vector<std::string> notes;

  void addToPeriod(int period, std::int64_t ore);
  // Adds what a reader of a later stretch of the same file found (counts, totals, rejected rows
  // after this one's).
  void absorb(ImportSummary&& later);
};

}  // namespace namnd
