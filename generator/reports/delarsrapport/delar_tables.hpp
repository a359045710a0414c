#pragma once
// The delårsrapport's money tables in tkr: the RSUM table (Intäkter … Nettokostnad, Kommunbidrag,
// Resultat), the table per ansvarsområde and the Bilaga fördelning per ansvarsnivå, with the
// checks that tie them together.
//
// Per cell (the published way): every cell, derived ones included, is rounded on its own from
// the exact öre, so a total may differ by a tkr or two from the sum of its rounded rows (notes
// 004 §2.1–2.3). Additive: the base columns are rounded by largest remainder so that rows add up
// to their parent and total, and the derived cells (avvikelse, prognos, Resultat) are computed
// from the shown cells, so every identity holds exactly.
//
// RSUM prognos: a prognosis snapshot is given per org node, not per RSUM row, so the Prognos
// cells of the component rows are blank; Nettokostnad, Kommunbidrag and Resultat carry the
// snapshot's total (a footnote says so).

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/placeholders.hpp"
#include "core/rounding.hpp"
#include "reports/delarsrapport/delar_figures.hpp"
#include "reports/model/document.hpp"
#include "reports/report_texts.hpp"

namespace namnd {

enum DelarColumn : std::size_t {
  kUtfallForeg,
  kUtfall,
  kBudget,
  kAvvikelse,
  kBudgetAr,
  kPrognos,
  kAvvikelsePrognos,
  kDelarColumns
};

using DelarCells = std::array<std::optional<std::int64_t>, kDelarColumns>;  // tkr; nullopt = blank

struct DelarShown {
  std::vector<DelarCells> rsum;  // per figures.rsum
  DelarCells netto;              // also the total of the area table and the bilaga
  DelarCells kommunbidrag;
  DelarCells resultat;
  std::vector<DelarCells> areas;               // per figures.areas
  std::vector<std::vector<DelarCells>> units;  // per area, per unit
};

DelarShown roundDelarFigures(const DelarFigures& figures, RoundingMode mode);

// Every value rounded to tkr so that they add up to `targetTkr` (largest remainder; ties to the
// earlier value, and a shortfall is taken from the smallest remainders).
std::vector<std::int64_t> roundToTargetTkr(const std::vector<std::int64_t>& ore,
                                           std::int64_t targetTkr);

// `values` holds the per/foregaende placeholders. Texts under "rsum", "omraden", "bilaga" and
// "kolumner" of templates/text/delarsrapport.json.
Table buildRsumTable(const DelarFigures& figures, const DelarShown& shown, RoundingMode mode,
                     const ReportTexts& texts, const PlaceholderValues& values);
Table buildAreaTable(const DelarFigures& figures, const DelarShown& shown, RoundingMode mode,
                     const ReportTexts& texts, const PlaceholderValues& values);
Table buildBilagaTable(const DelarFigures& figures, const DelarShown& shown, RoundingMode mode,
                       const ReportTexts& texts, const PlaceholderValues& values);

// The table checks: avvikelse = budget − utfall, Σ rows = total, RSUM total = area total,
// Resultat = Kommunbidrag − Nettokostnad; each with the tolerance the rounding mode allows (Error
// beyond it), and the rounding mode itself. The Bilaga's area = Σ enheter and Totalsumma = Σ
// areas are checked on the built table (checkBilagaTable in delar_table_checks.hpp).
void addDelarTableChecks(CheckSection& checks, const DelarFigures& figures, const DelarShown& shown,
                         RoundingMode mode);

}  // namespace namnd
