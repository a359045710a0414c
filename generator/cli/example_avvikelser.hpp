#pragma once
// The incident registers of the bundled example kommun (Exempelby kommun, Socialnämnden),
// 2022–2025, as two source systems export them (notes 004 §3, §7):
//
// - avvikelser-hsl.csv: a Viva-like HSL export (';', UTF-8 with BOM, dates with a time of day):
//   fall, läkemedel, medicinteknisk produkt and informationshantering in the system's own
//   spellings, patient pseudonyms, the höftbyxa/gånghjälpmedel/fraktur flags, klagomål, two lex
//   Maria and externa avvikelser to and from NÄL, SÄS, Sahlgrenska …
// - avvikelser-sol-lss.xlsx: a Treserva-like SoL/LSS export (a title above the table, dates as
//   date cells, "Lagstöd" for the lagrum that the config maps): avvikelser by händelsetyp
//   ("Brister i trygghet", "Utebliven insats" …), synpunkter och klagomål, and lex Sarah with
//   their status.
//
// Both carry a free-text "Beskrivning" column (invented) that must never reach a report. A few
// hundred reports per half-year; events late in a half-year are often registered in the next;
// Korttidsenheten Solbacken and Dagverksamhet demens report (almost) nothing, the
// under-reporting signal. Org codes are the level-4 codes of data/exempel/org.csv.

#include <filesystem>

#include "core/run_config.hpp"

namespace namnd {

// Writes avvikelser-hsl.csv and avvikelser-sol-lss.xlsx into outDir (created if missing).
// Byte-identical on every run and machine; each file goes through a temp file and a rename.
// Throws OutputError on a write failure.
void writeExampleAvvikelser(const std::filesystem::path& outDir);

// The taxonomy that maps every category spelling the two exports use, as namnd.json's
// "avvikelser.taxonomi" holds it (keys folded as the config reader folds them).
AvvikelseTaxonomy exampleAvvikelseTaxonomy();

// The sheet and the column names the SoL/LSS workbook needs in the config ("blad", "kolumner").
inline constexpr const char* kExampleSolLssSheet = "Avvikelser";
inline constexpr const char* kExampleSolLssLagrumHeader = "Lagstöd";

}  // namespace namnd
