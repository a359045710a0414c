#pragma once
// The bulky input files of the bundled example kommun (Exempelby kommun, Socialnämnden):
// huvudbok 2024 and 2025, budget 2024 (helår) and 2025 (per month) and the prognosis snapshots
// of 2025. The hand-written files (namnd.json, org.csv, kontoplan.csv) live in data/; the ansvar
// codes used here are the level-4 codes of data/exempel/org.csv.

#include <filesystem>

namespace namnd {

// Writes huvudbok-2024.csv, huvudbok-2025.csv, budget-2024.csv, budget-2025.csv and
// prognos-2025.csv into outDir (created if missing). Byte-identical on every run and machine.
// Each file goes through a temp file and a rename. Throws OutputError on a write failure.
void writeExampleKommun(const std::filesystem::path& outDir);

}  // namespace namnd
