#pragma once
// The delårsrapport's own inputs for the bundled example kommun (Exempelby kommun,
// Socialnämnden), 2025: investeringar, budgetram changes, the mål file the kvalitetsstrateg
// fills in and the verksamhetsmått (some computed from the volymer), shaped after the Herrljunga
// delårsrapport (reference/notes/seed-004.md §2.6–2.9).

#include <filesystem>

namespace namnd {

// Writes investeringar-2025.csv, budgetram-2025.csv, mal-2025.csv and verksamhetsmatt-2025.csv
// into outDir (created if missing): ';' separated, decimal comma, UTF-8. Byte-identical on every
// run and machine. Each goes through a temp file and a rename. Throws OutputError on a write
// failure.
void writeExampleDelar(const std::filesystem::path& outDir);

}  // namespace namnd
