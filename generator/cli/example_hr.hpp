#pragma once
// The hr export of the bundled example kommun (Exempelby kommun, Socialnämnden): hours worked,
// övertid, mertid, timavlönade, inhyrd bemanning, ej tillsatt tid and frånvaro per ansvar
// (the level-4 codes of data/exempel/org.csv) and month of 2025, as a payroll and scheduling
// system would export them.
//
// Shaped after the Färgelanda månadsrapport (reference/notes/seed-002.md): timavlönade about
// 59 700 h January–October, säbo about 47 % of them and hemtjänst about a third; övertid and
// inhyrda sjuksköterskor in hemsjukvården (the example's nearest to kommunal primärvård), about
// 1 800 övertid hours there January–October.

#include <filesystem>

namespace namnd {

// Writes hr-2025.csv into outDir (created if missing): `period;ansvar;typ;timmar;belopp`, ';'
// separated, decimal comma, UTF-8, typ as exports write it ("Övertid", "Ej tillsatt" …), belopp
// in kr for övertid, mertid, timavlönad and inhyrd. Byte-identical on every run and machine.
// Goes through a temp file and a rename. Throws OutputError on a write failure.
void writeExampleHr(const std::filesystem::path& outDir);

}  // namespace namnd
