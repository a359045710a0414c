#pragma once
// What one import of one source file did: counts, totals and every rejected row.

#include <cstdint>
#include <string>
#include <vector>

#include "core/errors.hpp"

namespace namnd {

enum class SourceKind { Huvudbok, Budget, Prognos };

std::string_view sourceKindName(SourceKind kind);  // "huvudbok", "budget", "prognos"

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
};

}  // namespace namnd
