#pragma once
// The bulky input files of the bundled example kommun (Exempelby kommun, Socialnämnden), in
// every input shape the ingest reads: huvudbok 2024 as SIE 4 (with a CSV variant) and 2025 as a
// CSV export with "Konto text"; budget 2024 helår (linear), budget 2025 as helår personnel rows
// for the "lonekalender" key plus monthly rows for the rest, the 2025 budget revisions, and the
// 2025 prognoses as an XLSX export (with a CSV variant), the 2025 hr hours (cli/example_hr) and
// the delårsrapport's investeringar, budgetram, mål and verksamhetsmått (cli/example_delar), the
// avvikelse registers (cli/example_avvikelser) and the volymer (cli/example_volymer).
// The hand-written files (namnd.json, org.csv, kontoplan.csv) live in data/; the ansvar codes used
// here are the level-4 codes of data/exempel/org.csv, and the org move of 2025 is the one org.csv
// versions.

#include <filesystem>

namespace namnd {

// Writes huvudbok-2024.se, huvudbok-2024.csv, huvudbok-2025.csv, budget-2024.csv,
// budget-2025-personal.csv, budget-2025.csv, budgetrevision-2025.csv, prognos-2025.xlsx and
// prognos-2025.csv, hr-2025.csv, investeringar-2025.csv, budgetram-2025.csv, mal-2025.csv,
// verksamhetsmatt-2025.csv, prognos-kostnadsslag-2025.csv, avvikelser-hsl.csv,
// avvikelser-sol-lss.xlsx and volymer-2025.csv into outDir (created if missing). Byte-identical on
// every run and machine. Each file goes through a temp file and a rename. Throws OutputError on a
// write failure.
void writeExampleKommun(const std::filesystem::path& outDir);

}  // namespace namnd
