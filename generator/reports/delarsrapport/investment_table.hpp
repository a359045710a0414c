#pragma once
// Investeringar: the projects in their groups with Utfall, Budget, Ombudgetering, Summa budget =
// Budget + Ombudgetering, Prognos and Avvikelse helår = Summa budget − Prognos; a subtotal per
// group and no grand total, as published. Then one paragraph of comment per project that has one.
//
// Utfall January through the report's month, per project, from the first that applies:
//   1. the file's utfall when its period is the report's month;
//   2. the ledger's, when the ledger has rows on the project's code in those months (a file
//      utfall for another month is then named in a footnote);
//   3. 0 when the file has no utfall for any project: the ledger is then the kommun's source of
//      investment utfall, and no rows means nothing booked;
//   4. otherwise unknown: the file is the source (some project has utfall in it) but has none
//      for this project and month. An empty utfall cell in such a file is not read as 0 — a
//      project with nothing booked is typed 0 with the period. The cell is left empty, a footnote
//      names the projects and why ("Utfall per juni 2025 saknas för …: investeringsfilen har
//      utfall per augusti 2025 och huvudboken har inga rader på projektkoden"), the checks warn,
//      and the group's Utfall subtotal is left empty too (a sum with an unknown part is unknown).
// A projekt in the ledger that the file does not have (often drift: a grant, a verksamhet's own
// project) is a warning in the checks with its amount, not a footnote for the nämnd.
//
// A project without a prognos in the file is shown with Summa budget as its prognos (as the
// published tables do) but marked: a marker after its name, a footnote naming it, and a Varning
// in the checks, so that the assumption is never read as a forecast someone made.
// Per cell: every cell rounded on its own from the exact öre. Additive: Utfall, Budget,
// Ombudgetering and Prognos rounded by largest remainder within the group, Summa budget and
// Avvikelse helår computed from the shown cells and the subtotals Σ the shown rows, so every
// identity holds exactly.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/cube.hpp"
#include "core/period.hpp"
#include "core/placeholders.hpp"
#include "core/rounding.hpp"
#include "ingest/investment_reader.hpp"
#include "reports/model/document.hpp"
#include "reports/report_texts.hpp"

namespace namnd {

// The table's columns, for the checks (delar_table_checks.hpp).
enum InvestmentColumn : std::size_t {
  kInvProjekt,
  kInvUtfall,
  kInvBudget,
  kInvOmbudgetering,
  kInvSummaBudget,
  kInvPrognos,
  kInvAvvikelse,
};

using ProjektUtfall = std::map<std::string, std::int64_t, std::less<>>;

// Σ utfall in öre per projekt code (non-empty codes only) over January..per of per's year.
ProjektUtfall projektUtfall(const Cube& cube, Period per);

// The table (id "investeringar"), when any project has a kommentar the TextSection
// "investeringar_kommentar", and last the CheckSection "investeringar_kontroller" with the
// table's checks (delar_table_checks.hpp), a Varning per project without prognos, one per kind
// of missing utfall and one naming every projekt in `utfall` that no project has (with its
// amount: nothing booked is lost): the report puts its items under its own Kontroller. `values`
// fills the texts' placeholders ({ar}, {per.datum} …). `utfall` holds only projekt codes with
// ledger rows (see projektUtfall).
std::vector<Section> buildInvestmentSections(const std::vector<InvestmentProject>& projects,
                                             const ProjektUtfall& utfall, Period per,
                                             RoundingMode rounding, const ReportTexts& texts,
                                             const PlaceholderValues& values);

}  // namespace namnd
