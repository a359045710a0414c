#pragma once
// The SoL/LSS part of the avvikelse report (notes 004 §3.3–3.6): the Översikt over earlier
// years, per verksamhet and enhet with the dominant händelsetyp, händelsetyp shares per
// verksamhet (a chart with its table), and the lex Sarah / lex Maria lists without personal detail.

#include <vector>

#include "reports/avvikelser/avvikelser_view.hpp"

namespace namnd {

Table buildOversiktTable(const AvvikelserView& view);
Table buildPerEnhetTable(const AvvikelserView& view);
// Per verksamhet with SoL/LSS avvikelser in the period: one chart whose data table is the only
// table (each händelsetyp with its count, "Trygghet (19)", and its whole-percent share).
std::vector<Section> buildAndelSections(const AvvikelserView& view);
// typ LexSarah or LexMaria; a text section saying there were none when the list is empty.
Section buildLexSection(const AvvikelserView& view, AvvikelseTyp typ);

}  // namespace namnd
