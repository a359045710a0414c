#pragma once
// The avvikelse report's checks: the Översikt's rows add up to Totalt, the per-enhet table to the
// SoL/LSS avvikelser, the HSL kategorier to the HSL avvikelser, Totalt = HSL + SoL/LSS, how the
// percent shares are rounded, late-registered reports, the privacy threshold, the
// under-reporting signal and what the readers noted.

#include "reports/avvikelser/avvikelser_view.hpp"

namespace namnd {

// `perEnhet` is the built per-enhet table: its item rows are summed as shown.
CheckSection buildAvvikelserChecks(const AvvikelserView& view, const Table& perEnhet);

}  // namespace namnd
