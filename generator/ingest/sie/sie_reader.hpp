#pragma once
// SIE files (types 1–4, 4E and 4I) from Swedish ekonomisystem (Unit4/Agresso, Raindance, Visma,
// Å-DATA, Fortnox …) → the ledger's utfall and the budget, each in its own cube.
//
// Utfall comes from the verifications' #TRANS rows; files without verifications (types 1–3)
// give it by month from #PSALDO. Budget comes from #PBUDGET. Only the current year (årsnr 0)
// is read. Everything a user should know about the choices made is in `notes`.

#include <string>
#include <string_view>
#include <vector>

#include "core/cube.hpp"
#include "core/import_summary.hpp"
#include "ingest/largest_transactions.hpp"
#include "ingest/sie/sie_dimension_map.hpp"
#include "ingest/sie/sie_text_stream.hpp"
#include "ingest/source_file.hpp"

namespace namnd {

struct SieImport {
  ImportSummary ledger;  // kind Huvudbok; rowsRead = #TRANS/#RTRANS (or #PSALDO) records considered
  Cube utfall;           // Measure::Utfall
  // The largest #TRANS rows on result accounts (classes 3–8) of each ansvar and month (see
  // LedgerImport::keptRows), with the transaction's text (or the verification's), date and
  // verification ("serie nummer").
  KeptTransactions keptRows;
  ImportSummary budget;            // kind Budget; from #PBUDGET
  Cube budgetCube;                 // Measure::Budget
  std::string company;             // #FNAMN
  int sieType = 0;                 // #SIETYP
  std::vector<std::string> notes;  // Swedish: what was done that a user should know
};

// Reads `file.bytes` when they hold the file, otherwise streams `file.path` from disk,
// `blockBytes` at a time: memory holds the cubes, the #PSALDO/#PBUDGET/#RES rows (per konto and
// month) and one block, however many verifications there are. Throws InputError (Swedish,
// file + line) when the file cannot be used at all (no #FLAGGA/#SIETYP header, an encoding
// problem, a #VER without its braces, a truncated file, an unterminated quote). Bad single
// records are rejected into the summaries with file, line and the field name as column, and
// reading goes on.
SieImport readSie(const SourceFile& file, const SieDimensionMap& dims,
                  std::size_t blockBytes = kSieBlockBytes);

// True when the bytes look like SIE: the first non-blank line starts with an identification
// label (#FLAGGA, #SIETYP, #PROGRAM, #FORMAT, #GEN or #KSUMMA).
bool looksLikeSie(std::string_view bytes);

}  // namespace namnd
