#pragma once
// The volymer of the bundled example kommun (Exempelby kommun, Socialnämnden), January 2023 –
// December 2025, as a kvalitetsstrateg collects them from the HR system, the verksamhetssystem
// and SCB: per ansvar (the level-4 codes of data/exempel/org.csv) anställda and
// heltidsanställda (månadsavlönade, at the end of each month; the share on heltid grows a few
// points a year with the heltidsresan), placeringsdygn in IFO (barn och unga, familjehem,
// vuxna), beviljad and utförd tid in hemtjänsten (hours in quarter hours), brukare in the
// utförande units of äldreomsorg, hälso- och sjukvård and LSS (the avvikelse report's
// under-reporting basis), and invånare for the whole kommun (no ansvar).

#include <filesystem>

namespace namnd {

// Writes volymer-2025.csv into outDir (created if missing): `period;matt;ansvar;varde`, ';'
// separated, decimal comma, UTF-8. Byte-identical on every run and machine. Goes through a temp
// file and a rename. Throws OutputError on a write failure.
void writeExampleVolymer(const std::filesystem::path& outDir);

}  // namespace namnd
