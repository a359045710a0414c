#include "reports/delarsrapport/investment_table.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <set>

#include "core/number_format.hpp"
#include "reports/manadsrapport/tkr_rounding.hpp"

namespace namnd {
namespace {

constexpr std::size_t kAmountColumns = 6;  // Utfall, Budget, Ombudg, Summa, Prognos, Avvikelse

struct Group {
  std::string label;
  std::vector<const InvestmentProject*> projects;
};

std::vector<Group> groupsInFirstSeenOrder(const std::vector<InvestmentProject>& projects) {
  std::vector<Group> groups;
  for (const InvestmentProject& project : projects) {
    auto found = std::find_if(groups.begin(), groups.end(),
                              [&](const Group& g) { return g.label == project.grupp; });
    if (found == groups.end()) {
      groups.push_back({project.grupp, {}});
      found = groups.end() - 1;
    }
    found->projects.push_back(&project);
  }
  return groups;
}

// The file's utfall when it runs through the report's month.
bool usesFileUtfall(const InvestmentProject& project, Period per) {
  return project.utfallOre && project.utfallPeriod && *project.utfallPeriod == per;
}

std::array<std::int64_t, kAmountColumns> exactRow(const InvestmentProject& project,
                                                  const ProjektUtfall& utfall, Period per) {
  const auto booked = utfall.find(project.projekt);
  const std::int64_t summaBudget = project.budgetOre + project.ombudgeteringOre;
  const std::int64_t prognos = project.prognosOre.value_or(summaBudget);
  const std::int64_t fromLedger = booked == utfall.end() ? 0 : booked->second;
  return {usesFileUtfall(project, per) ? *project.utfallOre : fromLedger,
          project.budgetOre,
          project.ombudgeteringOre,
          summaBudget,
          prognos,
          summaBudget - prognos};
}

}  // namespace

ProjektUtfall projektUtfall(const Cube& cube, Period per) {
  ProjektUtfall sums;
  cube.forEachUnordered([&](const CubeCell& cell) {
    if (cell.measure != Measure::Utfall || cell.projekt.empty()) return;
    if (cell.period.year() != per.year() || cell.period.month() > per.month()) return;
    sums[std::string(cell.projekt)] += cell.ore;
  });
  return sums;
}

std::vector<Section> buildInvestmentSections(const std::vector<InvestmentProject>& projects,
                                             const ProjektUtfall& utfall, Period per,
                                             RoundingMode rounding, const ReportTexts& texts,
                                             const PlaceholderValues& values) {
  const auto text = [&](std::string_view key) {
    return texts.text("investeringar." + std::string(key), values);
  };
  Table table;
  table.id = "investeringar";
  table.title = text("rubrik");
  table.unitNote = text("enhet");
  table.columns = {
      {text("projekt"), ColumnKind::Text},        {text("utfall"), ColumnKind::Amount},
      {text("budget"), ColumnKind::Amount},       {text("ombudgetering"), ColumnKind::Amount},
      {text("summa_budget"), ColumnKind::Amount}, {text("prognos"), ColumnKind::Amount},
      {text("avvikelse"), ColumnKind::Amount}};

  for (const Group& group : groupsInFirstSeenOrder(projects)) {
    // Column by column, so that the additive mode makes each group's rows add up to its subtotal.
    std::vector<std::array<std::int64_t, kAmountColumns>> exact;
    for (const InvestmentProject* project : group.projects)
      exact.push_back(exactRow(*project, utfall, per));
    std::vector<std::vector<std::optional<std::int64_t>>> shown(kAmountColumns);
    std::array<std::int64_t, kAmountColumns> sums{};
    for (std::size_t c = 0; c < kAmountColumns; ++c) {
      std::vector<std::optional<std::int64_t>> column;
      for (const auto& row : exact) {
        column.emplace_back(row[c]);
        sums[c] += row[c];
      }
      shown[c] = roundColumnToTkr(column, rounding);
    }
    for (std::size_t r = 0; r < group.projects.size(); ++r) {
      Row row{RowKind::Item, 0, {group.projects[r]->namn}};
      for (std::size_t c = 0; c < kAmountColumns; ++c) row.cells.emplace_back(*shown[c][r]);
      table.rows.push_back(std::move(row));
    }
    Row subtotal{
        RowKind::Subtotal, 0, {group.label.empty() ? text("grupp_utan_namn") : group.label}};
    for (const std::int64_t sum : sums) subtotal.cells.emplace_back(roundToTkr(sum));
    table.rows.push_back(std::move(subtotal));
  }

  std::set<std::string_view> listed;
  int fromFile = 0;
  std::set<Period> otherMonths;
  for (const InvestmentProject& project : projects) {
    listed.insert(project.projekt);
    if (!project.utfallOre) continue;
    if (!usesFileUtfall(project, per)) {
      otherMonths.insert(*project.utfallPeriod);
      continue;
    }
    ++fromFile;
    // Both sources for one project: the file's figure is shown, the ledger's is not lost.
    const auto booked = utfall.find(project.projekt);
    if (booked != utfall.end() && booked->second != 0 && booked->second != *project.utfallOre) {
      PlaceholderValues withProject = values;
      withProject["projekt"] = project.projekt;
      withProject["belopp"] = formatOreAsKronor(booked->second);
      table.footnotes.push_back(texts.text("investeringar.utfall_skiljer", withProject));
    }
  }
  for (const Period month : otherMonths) {
    PlaceholderValues withMonth = values;
    addPeriodPlaceholders(withMonth, "utfall", month);
    table.footnotes.push_back(texts.text("investeringar.utfall_annan_period", withMonth));
  }
  if (fromFile > 0) {
    PlaceholderValues withCount = values;
    withCount["antal"] = std::to_string(fromFile);
    table.footnotes.push_back(texts.text("investeringar.utfall_fran_filen", withCount));
  }
  for (const auto& [projekt, ore] : utfall) {
    if (ore == 0 || listed.contains(projekt)) continue;
    PlaceholderValues withProject = values;
    withProject["projekt"] = projekt;
    withProject["belopp"] = formatOreAsKronor(ore);
    table.footnotes.push_back(texts.text("investeringar.ej_i_filen", withProject));
  }

  std::vector<Section> sections;
  sections.emplace_back(std::move(table));
  TextSection comments;
  comments.id = "investeringar_kommentar";
  comments.title = text("kommentar_rubrik");
  for (const InvestmentProject& project : projects) {
    if (project.kommentar.empty()) continue;
    PlaceholderValues withProject = values;
    withProject["namn"] = project.namn;
    withProject["kommentar"] = project.kommentar;
    comments.paragraphs.push_back(texts.text("investeringar.kommentar_rad", withProject));
  }
  if (!comments.paragraphs.empty()) sections.emplace_back(std::move(comments));
  return sections;
}

}  // namespace namnd
