#pragma once
// Investeringar: the projects in their groups with Utfall (the ledger's, on the project's code),
// Budget, Ombudgetering, Summa budget = Budget + Ombudgetering, Prognos and Avvikelse helår =
// Summa budget − Prognos; a subtotal per group and no grand total, as published. Then one
// paragraph of comment per project that has one.
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
// table's checks (delar_table_checks.hpp) and a Varning per project without prognos: the report
// puts its items under its own Kontroller. A projekt in `utfall` that no project has, with a
// non-zero amount, is named in a footnote with its kronor: nothing booked is lost. `values` fills
// the texts' placeholders ({ar}, {per.datum} …). A project's utfall from the file is used when it
// runs through `per`'s month; otherwise the ledger's, with a footnote.
std::vector<Section> buildInvestmentSections(const std::vector<InvestmentProject>& projects,
                                             const ProjektUtfall& utfall, Period per,
                                             RoundingMode rounding, const ReportTexts& texts,
                                             const PlaceholderValues& values);

}  // namespace namnd
