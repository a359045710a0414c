#pragma once
// Deterministic huvudbok files of any size for the ingest benchmark. The same rows — Kommun-Bas
// accounts, 420 ansvar, twelve months of 2025, amounts spread like a real ledger (many small
// invoices, salary rows, a few large rents and grants) — are written as a ';'/decimal-comma CSV,
// an XLSX sheet and an SIE 4 file, so that every format's reader is timed on identical content
// and their cubes can be compared. ensureRun adds everything else one run of `namnd` reads
// (org, kontoplan, budget, hr, avvikelser and the config), so that namnd and other tools can be
// timed on the same files.

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

// The files of one `namnd` run on the generated ledger, in "<dir>/korning-<rows>/".
struct GeneratedRun {
  std::filesystem::path dir;        // korning-<rows>
  std::filesystem::path config;     // namnd.json: the CSV ledger
  std::filesystem::path sieConfig;  // namnd-sie.json: the same ledger as SIE 4, its own store
  std::filesystem::path facit;      // facit.csv: ansvar;rad;period;ore, sorted bytewise
  std::int64_t ledgerRows = 0;
  std::int64_t ledgerOre = 0;  // Σ belopp of the ledger
  std::int64_t budgetRows = 0;
  std::int64_t budgetOre = 0;  // Σ helår budget
  std::int64_t hrRows = 0;
  std::int64_t avvikelseRows = 0;
  std::int64_t facitRows = 0;
  bool reused = false;  // true when the data files were kept (the configs are always rewritten)
};

// Ensures the CSV and SIE ledgers of `rows` rows in `dir` (see ensureLedger) and writes beside
// them, in korning-<rows>/:
// - org.csv: Nämnd → 5 verksamhetsområden → 35 enheter → the 420 ansvar;
// - kontoplan.csv: the Kommun-Bas rows by leading digits (as data/kommunbas/kontoplan.csv);
// - budget.csv: helår per ansvar and konto (`ar;ansvar;konto;belopp`, whole kr), the ledger's
//   year total of that cell ± a few per cent, periodised linearly;
// - hr.csv: `period;ansvar;typ;timmar;belopp`, rows/10 rows (one person's hours of one kind in
//   one month; typ overtid, mertid, timavlonad, inhyrd, ej_tillsatt, arbetad);
// - avvikelser.csv: `id;registrerad;ansvar;lagrum;typ;kategori;handelsetyp;person`, rows/100
//   incident reports registered through the year on the ansvar of org.csv; no personal data
//   (the person is a pseudonym "B0123", about one per four reports);
// - facit.csv: the ledger's Σ öre per (ansvar, report row by kontoplan.csv, period), from the
//   generator's own arithmetic: what any GROUP BY over the ledger must give;
// - namnd.json and namnd-sie.json: configs for `namnd import` and the full report set
//   (`manadsrapport`, `delarsrapport`, `avvikelser`, `kontroll`; store lager*.sqlite and outputs
//   in utdata*/ in the same folder; templates from `templatesDir`): hr.csv under "hr", a
//   "delarsrapport" block with the tjänsteskrivelse's fields, and an "avvikelser" block with
//   avvikelser.csv as its register and a taxonomy that maps every typ, kategori and händelsetyp
//   the generator writes.
// The data files are kept when their manifest matches; deterministic like the ledger.
GeneratedRun ensureRun(std::int64_t rows, const std::filesystem::path& dir,
                       const std::filesystem::path& templatesDir);

}  // namespace namnd::bench
