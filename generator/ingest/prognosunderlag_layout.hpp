#pragma once
// Where things are on a prognosunderlag sheet: the contract between the workbook that
// `namnd prognosunderlag` writes and the reader that imports it once filled in. Rows and
// columns are 0-based (row 0 = sheet row 1). Titles and instructions come from templates; what
// the reader relies on — the identification block and the column headers — is fixed here.

#include <array>
#include <string_view>

namespace namnd::prognosunderlag_layout {

// Identification block: label in column A, value in column B.
inline constexpr int kIdentHeadingRow = 3;
inline constexpr std::string_view kIdentHeading = "Uppgifter för inläsning – ändra inte";
inline constexpr int kKommunRow = 4;
inline constexpr int kPeriodRow = 5;
inline constexpr int kUnitRow = 6;
inline constexpr int kFormatRow = 7;
inline constexpr int kPreviousRow = 8;
inline constexpr std::string_view kKommunLabel = "Kommun";
inline constexpr std::string_view kPeriodLabel = "Period";
inline constexpr std::string_view kUnitLabel = "Enhet";
inline constexpr std::string_view kFormatLabel = "Format";
inline constexpr std::string_view kPreviousLabel = "Föregående prognos lämnad";
// Bumped when the columns change, so that an old underlag is refused instead of misread.
inline constexpr std::string_view kFormatVersion = "namnd-prognosunderlag 2";
// The first row where instructions may start (the table's header row comes after them).
inline constexpr int kFirstFreeRow = 10;

enum Column : int {
  kAnsvar = 0,
  kNamn,
  kAckUtfall,
  kAckBudget,
  kAvvikelse,
  kBudgetHelar,
  kPreviousAvvikelse,
  kPreviousKommentar,
  kProposal,
  kMethod,
  kInputAvvikelse,  // the first input column
  kInputPrognos,
  kInputKommentar,
  kInputAtgard,
  kColumnCount
};

inline constexpr std::array<std::string_view, kColumnCount> kHeaders = {
    "Ansvar",
    "Namn",
    "Ack utfall (kr)",
    "Ack budget (kr)",
    "Avvikelse budget − utfall (kr)",
    "Budget helår (kr)",
    "Föregående prognos: avvikelse helår (kr)",
    "Föregående kommentar",
    "Förslag: avvikelse helår (kr)",
    "Metod för förslaget",
    "Ny prognos: avvikelse helår (kr)",
    "Ny prognos: helårsutfall (kr)",
    "Kommentar",
    "Åtgärd",
};

// How error messages name the input columns ("kolumn K (avvikelse helår)").
inline constexpr std::array<std::string_view, kColumnCount> kShortNames = {
    "ansvar",    "namn",         "ack utfall",         "ack budget",
    "avvikelse", "budget helår", "föregående prognos", "föregående kommentar",
    "förslag",   "metod",        "avvikelse helår",    "helårsutfall",
    "kommentar", "åtgärd",
};

// The unit row: when the unit has ansvar beneath it, the row right after the header row is the
// prognosis for the unit as a whole — the unit's code in column A and this label in column B,
// with the same input columns as an ansvar row. A prognosis is given either there or per ansvar.
inline constexpr std::string_view kWholeUnitLabel = "Hela enheten (prognos för enheten som helhet)";

// The ansvar rows follow the header row (or the unit row) without a gap; the first row with an
// empty column A ends them (a blank row separates them from the sum row, which the reader never
// reads and which sums the ansvar rows only).

}  // namespace namnd::prognosunderlag_layout
