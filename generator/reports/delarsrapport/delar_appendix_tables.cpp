#include "reports/delarsrapport/delar_appendix_tables.hpp"

#include <string>

#include "core/swedish_calendar.hpp"
#include "ingest/budgetram_reader.hpp"
#include "ingest/goal_reader.hpp"
#include "ingest/investment_reader.hpp"
#include "ingest/table/open_source.hpp"
#include "reports/delarsrapport/budgetram_table.hpp"
#include "reports/delarsrapport/delar_table_checks.hpp"
#include "reports/delarsrapport/goal_tables.hpp"
#include "reports/delarsrapport/investment_table.hpp"

namespace namnd {
namespace {

// {per.…} for the report's month, {ar} its year and {ar_1}, {ar_2} the years before (the mål
// table's Utfall columns).
PlaceholderValues appendixValues(Period per) {
  PlaceholderValues values;
  addPeriodPlaceholders(values, "per", per);
  values["ar"] = std::to_string(per.year());
  values["ar_1"] = std::to_string(per.year() - 1);
  values["ar_2"] = std::to_string(per.year() - 2);
  return values;
}

// A table in the nämnd's papers cannot leave a row out: the first rejected row stops the report,
// with its file, line, column and reason.
void refuseRejectedRows(const ImportSummary& summary) {
  if (summary.rejected.empty()) return;
  const RejectedRow& first = summary.rejected.front();
  std::string reason = first.reason;
  if (summary.rejected.size() > 1)
    reason += " (och " + std::to_string(summary.rejected.size() - 1) + " rader till med fel)";
  throw InputError(first.where, reason);
}

GoalImport readGoalFile(const InputFile& file, Period per) {
  const auto source = openTabularSource(file);
  GoalImport goals = readGoals(*source, per.year());
  refuseRejectedRows(goals.summary);
  return goals;
}

// The checks of computed cells follow their table; the report moves them under Kontroller.
void appendGoalChecks(std::vector<Section>& sections, std::vector<CheckItem> checks,
                      const std::string& id) {
  if (checks.empty()) return;
  sections.emplace_back(
      CheckSection{.id = id, .title = "Kontroller: beräknade mätetal", .items = std::move(checks)});
}

}  // namespace

std::vector<Section> buildBudgetramSections(const DelarAppendixInput& input,
                                            const ReportTexts& texts) {
  if (!input.budgetram) return {};
  const auto source = openTabularSource(*input.budgetram);
  const BudgetramImport changes = readBudgetram(*source);
  refuseRejectedRows(changes.summary);
  // A change decided after the report's month is not yet part of the ram it reports on.
  std::vector<BudgetramChange> decided;
  std::string later;
  for (const BudgetramChange& change : changes.changes) {
    if (change.beslutad && *change.beslutad > input.per)
      later += (later.empty() ? "" : ", ") + change.omrade + " (beslutad " +
               swedishMonthAndYear(change.beslutad->year(), change.beslutad->month()) + ")";
    else
      decided.push_back(change);
  }
  Table table = buildBudgetramTable(decided, input.rounding, texts, appendixValues(input.per));
  CheckSection checks{.id = "budgetram_kontroller",
                      .title = "Kontroller: " + table.title,
                      .items = checkBudgetramTable(table, input.rounding)};
  if (!later.empty())
    checks.items.push_back({"Budgetram: förändringar beslutade efter " +
                                swedishMonthAndYear(input.per.year(), input.per.month()) +
                                " ingår inte",
                            later, CheckStatus::Ok});
  std::vector<Section> sections;
  sections.emplace_back(std::move(table));
  sections.emplace_back(std::move(checks));
  return sections;
}

std::vector<Section> buildInvesteringarSections(const DelarAppendixInput& input,
                                                const ReportTexts& texts) {
  if (!input.investeringar) return {};
  const auto source = openTabularSource(*input.investeringar);
  const InvestmentImport investments = readInvestments(*source);
  refuseRejectedRows(investments.summary);
  return buildInvestmentSections(investments.projects, projektUtfall(input.yearCube, input.per),
                                 input.per, input.rounding, texts, appendixValues(input.per));
}

std::vector<Section> buildMalSections(const DelarAppendixInput& input, const ReportTexts& texts) {
  if (!input.mal) return {};
  GoalImport goals = readGoalFile(*input.mal, input.per);
  std::vector<CheckItem> checks = resolveGoalValues(goals, input.per, input.volymer);
  std::vector<Section> sections = buildGoalSections(goals, texts, appendixValues(input.per));
  appendGoalChecks(sections, std::move(checks), "mal_kontroller");
  return sections;
}

std::vector<Section> buildVerksamhetsmattSections(const DelarAppendixInput& input,
                                                  const ReportTexts& texts) {
  if (!input.verksamhetsmatt) return {};
  GoalImport measures = readGoalFile(*input.verksamhetsmatt, input.per);
  std::vector<CheckItem> checks = resolveGoalValues(measures, input.per, input.volymer);
  std::vector<Section> sections;
  sections.emplace_back(buildMeasureTable(measures, texts, appendixValues(input.per)));
  appendGoalChecks(sections, std::move(checks), "verksamhetsmatt_kontroller");
  return sections;
}

}  // namespace namnd
