#pragma once
// The HSL part of the avvikelse report (notes 004 §3.2): avvikelser per kategori against the same
// span a year earlier, fall facts (unique persons behind the privacy threshold), läkemedel per
// enhet over three years, other HSL ärenden, and externa avvikelser per vårdgivare and direction.

#include <string>
#include <vector>

#include "reports/avvikelser/avvikelser_view.hpp"

namespace namnd {

Table buildHslKategoriTable(const AvvikelserView& view);
Table buildFallTable(const AvvikelserView& view);
Table buildLakemedelTable(const AvvikelserView& view);
Table buildHslOvrigtTable(const AvvikelserView& view);
Section buildExternaSection(const AvvikelserView& view);

// One footnote per org node that moved between the earliest compared span and the period
// (input.orgMoves); empty when the org data gives no moves.
std::vector<std::string> orgMoveNotes(const AvvikelserView& view);

// A count of persons as shown in public outputs: the number, or the template's "–" below
// config.avvikelser.personThreshold.
CellValue personCell(const AvvikelserView& view, std::int64_t persons);

}  // namespace namnd
