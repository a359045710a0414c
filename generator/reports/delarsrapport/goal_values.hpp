#pragma once
// The computed cells of a mål or verksamhetsmått file: a mätetal with a beräkning
// (core/volym_formula.hpp) gets its values from the volymer before the tables are built, so the
// tables (goal_tables.hpp) see them as if typed.
//
//   Delår år      always computed, over January through the report's month. Semantics per
//                 term: senaste(m) is Σ over ansvar in the last month ≤ the report's month that
//                 has rows of m (a stock: anställda are counted, not added up over months);
//                 summa(m) is Σ over ansvar and January through that month (a flow:
//                 placeringsdygn, utförd tid).
//   Utfall år−1,  computed over that whole year when the file leaves the cell empty and the
//   Utfall år−2   volymer cover the year (senaste: December; summa: January–December). A typed
//                 utfall is kept: it is what the nämnd was told that year.
//
// A value is a number with the row's decimaler (0 when not given) — the renderers group it — and
// andel(…) a percentage "71 %" (NBSP before the sign), each rounded once, half away from zero,
// from exact sums. A figure that cannot be computed — a mått the volymer do not have, no month
// of it in the year, andel of a total of 0, no volymer file at all — is shown as "–" with a
// footnote saying why, and a check warning names the row; a figure of fewer months than asked
// (the volymer stop in July for an August report) is shown with a footnote naming its months.
// Never NaN, never an exception for missing data.

#include <string>
#include <vector>

#include "core/period.hpp"
#include "core/volym_table.hpp"
#include "ingest/goal_reader.hpp"
#include "reports/model/document.hpp"

namespace namnd {

struct GoalVolymer {
  const VolymTable* table = nullptr;  // none: no volymer in the config
  std::string displayName;            // the file as the config names it, for footnotes
  std::string configKey;              // "delarsrapport.volymer", for the hint when it is missing
};

// Fills the computed cells of `goals` in place (and shows the Delår column when some mätetal is
// computed). Footnote markers are runs of '*' longer than any the file uses, one per distinct
// footnote text. Returns the checks: a warning per cell that could not be computed or covers
// fewer months than asked, and one summary line when anything was computed.
std::vector<CheckItem> resolveGoalValues(GoalImport& goals, Period per, const GoalVolymer& volymer);

}  // namespace namnd
