#pragma once
// Deterministic huvudbok files of any size for the ingest benchmark. The same rows — Kommun-Bas
// accounts, 420 ansvar, twelve months of 2025, amounts spread like a real ledger (many small
// invoices, salary rows, a few large rents and grants) — are written as a ';'/decimal-comma CSV,
// an XLSX sheet and an SIE 4 file, so that every format's reader is timed on identical content
// and their cubes can be compared.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string_view>

#include "ingest/sie/sie_dimension_map.hpp"

namespace namnd::bench {

enum class LedgerFormat { Csv, Xlsx, Sie };

std::string_view formatName(LedgerFormat format);  // "csv", "xlsx", "sie"
std::optional<LedgerFormat> parseLedgerFormat(std::string_view name);

// What a generated file holds, from the generator's own arithmetic (never from reading it back).
struct GeneratedLedger {
  std::filesystem::path path;
  std::int64_t rows = 0;      // ledger rows (CSV records, sheet rows, #TRANS)
  std::int64_t totalOre = 0;  // Σ belopp of all rows
  std::uintmax_t bytes = 0;   // file size
  bool reused = false;        // true when an existing file was kept
};

// The SIE dimensions the generated files use: ansvar 1, projekt 6 (the standard's), and
// verksamhet 20 (declared with #DIM), so that the SIE cube has the same keys as the others.
SieDimensionMap generatedSieDimensions();

// "huvudbok-1000000.csv", "huvudbok-1000000.xlsx", "huvudbok-1000000.se".
std::filesystem::path ledgerFileName(LedgerFormat format, std::int64_t rows);

// Writes `rows` rows to `path` (through a temporary file, renamed when complete). The same
// arguments give the same bytes. Throws OutputError (Swedish) when the file cannot be written
// and std::invalid_argument when rows < 1 or, for XLSX, the rows do not fit in one sheet.
GeneratedLedger writeLedger(LedgerFormat format, std::int64_t rows,
                            const std::filesystem::path& path);

// The file for `format` and `rows` in `dir`: kept when it exists with the size recorded in its
// manifest ("<file>.manifest", written after the file is complete), else generated.
GeneratedLedger ensureLedger(LedgerFormat format, std::int64_t rows,
                             const std::filesystem::path& dir);

}  // namespace namnd::bench
