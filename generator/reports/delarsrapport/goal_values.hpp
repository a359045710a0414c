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
//   Utfall år−1,  computed over that whole year when the file has the column and leaves the cell
//   Utfall år−2   empty (senaste: December; summa: January–December; volymer that do not cover
//                 the whole year give "–" with a footnote). A typed utfall is kept: it is what
//                 the nämnd was told that year.
//
// A typed Delår of a row whose period (ingest/goal_reader.hpp) is another month than the report's
// is not shown: the cell is left empty, the table gets a footnote without a marker ("Delår 2025:
// uppgift per juni 2025 saknas; underlaget har värden per augusti 2025.") and the checks a
// warning. A computed Delår is always computed for the report's month.
//
// A value is a number with the row's decimaler (0 when not given) — the renderers group it — and
// andel(…) a percentage "71 %" (NBSP before the sign), each rounded once, half away from zero,
// from exact sums. A mått the volymer do not have at all is a typo in the file: InputError naming
// the mål file, line and the beräkning column, and no report. A figure that cannot be computed
// for want of data — no month of a known mått in the window, andel of a total of 0, no volymer
// file at all, an earlier year the volymer cover only in part — is shown as "–" with a footnote
// ("Utfall 2023: uppgift saknas för placeringsdygn januari–december 2023."; no file names under
// the nämnd's table) and a check warning that names the row and the file; a Delår of fewer
// months than asked (the volymer stop in July for an August report) is shown with a footnote
// naming its months. Never NaN, never an empty cell where a value was asked for.

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
// computed) and empties typed Delår cells of another month. Footnote markers are runs of '*'
// longer than any the file uses, one per distinct footnote text. Returns the checks: a warning
// per cell that could not be computed or covers fewer months than asked, one per month of typed
// Delår cells left out, and one summary line when anything was computed. Throws InputError for
// a beräkning naming a mått the volymer do not have.
std::vector<CheckItem> resolveGoalValues(GoalImport& goals, Period per, const GoalVolymer& volymer);

}  // namespace namnd
