#pragma once
// The mål file the kvalitetsstrateg fills in (CSV or a sheet of a workbook): målområde →
// nämndsmål → mätetal rows with the values as typed, a status, footnote markers and the
// footnotes' texts. Cells are kept exactly as typed: "VoO 17,4% SS 15,5 %", "5/19",
// "142/268 53% av brukarna" are values as much as 12 is.
//
// Columns (all but malomrade optional):
//   malomrade    the kommunövergripande målområde ("En hållbar och inkluderande kommun");
//                rows of one målområde form one block, blocks in first-seen order.
//   vision       the målområde's one-line vision (on any of its rows, once).
//   mal          the nämndsmål; empty = the målområde's mätetal without a nämndsmål (as in a
//                verksamhetsmått table grouped by område).
//   matetal      the mätetal: a table row. Empty on a footnote row and on a nämndsmål's own row.
//   utfall_ar_2, utfall_ar_1, mal_ar, delar_ar, prognos_ar
//                the values: Utfall år−2, Utfall år−1, Mål år, Delår år, Prognos år. The headers
//                may also be written with the years: "Utfall 2020", "Mål 2022", "Delår 2022".
//   status       uppfyllt / delvis uppfyllt / ej uppfyllt … as typed: on a mätetal row its status,
//                on a nämndsmål's own row (matetal empty) the nämndsmål's status.
//   fotnot       on a mätetal row: the marker(s) after the mätetal ("*", "* **"); on a footnote
//                row: the marker it explains.
//   fotnotstext  the footnote's text: the row is a footnote of the table of its (malomrade, mal).
//   berakning    on a mätetal row: how its Delår (and an empty Utfall år−1, år−2) is computed
//                from the volymer, e.g. andel(heltidsanstallda, anstallda) or
//                summa(placeringsdygn) (see core/volym_formula.hpp and
//                reports/delarsrapport/goal_values.hpp). Delår must then be left empty.
//   decimaler    decimals of a computed value (0–4; empty = 0): andel(…) 71 % or 71,2 %.
//   period       the month the typed Delår values are as of (YYYYMM or a date): on one row
//                (or every row) for the whole file, or per row. A report for another month does
//                not show those Delår cells (reports/delarsrapport/goal_values.hpp). Without
//                the column the values are taken to be as of the report's month. A file with
//                several periods must give one on every row with a typed Delår.
// A marker on a mätetal row that its table has no footnote for, a footnote marker defined twice
// in one table, values without a mätetal and two different visions are rejected with file,
// line and column, and so are a beräkning that is not one of the forms, one on a row without a
// mätetal and one beside a typed Delår.

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/import_summary.hpp"
#include "core/period.hpp"
#include "core/volym_formula.hpp"
#include "ingest/table/tabular_source.hpp"

namespace namnd {

inline constexpr std::size_t kGoalValueCount = 5;
// The value columns' canonical names, in the order of the published table.
inline constexpr std::array<std::string_view, kGoalValueCount> kGoalValueColumns = {
    "utfall_ar_2", "utfall_ar_1", "mal_ar", "delar_ar", "prognos_ar"};
// Their positions, for the cells a beräkning fills.
inline constexpr std::size_t kGoalUtfallAr2 = 0;
inline constexpr std::size_t kGoalUtfallAr1 = 1;
inline constexpr std::size_t kGoalDelar = 3;

struct GoalMeasure {
  std::string matetal;
  std::string fotnot;                               // markers as typed, "" for none
  std::array<std::string, kGoalValueCount> values;  // as typed (trimmed), "" = empty cell
  std::string status;
  SourceLocation where;
  std::optional<VolymFormula> berakning;  // none = every value as typed
  int decimals = 0;                       // of a computed value
  SourceLocation berakningWhere;          // the beräkning cell, for an error in the formula
  std::optional<Period> period;           // the month the typed Delår is as of; none: not said
  SourceLocation periodWhere;
};

struct GoalFootnote {
  std::string marker;
  std::string text;
};

struct Goal {
  std::string mal;  // "" = mätetal without a nämndsmål
  std::string status;
  std::vector<GoalMeasure> measures;
  std::vector<GoalFootnote> footnotes;  // in file order
};

struct GoalArea {
  std::string name;
  std::string vision;
  std::vector<Goal> goals;  // first-seen order
};

struct GoalImport {
  ImportSummary summary;  // counts and rejected rows (kind not meaningful: not stored)
  std::vector<GoalArea> areas;
  // Which value columns the file has (a table shows only those).
  std::array<bool, kGoalValueCount> hasColumn{};
};

// `year` is the report's year: it names the value columns' year-bearing aliases. Throws
// InputError when the source cannot be read or lacks malomrade.
GoalImport readGoals(TabularSource& source, int year);

}  // namespace namnd
