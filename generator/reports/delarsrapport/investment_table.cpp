#include "reports/delarsrapport/investment_table.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>

#include "core/number_format.hpp"
#include "reports/delarsrapport/delar_table_checks.hpp"
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

// Where a project's Utfall comes from (see the header for the rule).
enum class UtfallSource { File, Ledger, NothingBooked, Missing };

UtfallSource utfallSource(const InvestmentProject& project, const ProjektUtfall& utfall, Period per,
                          bool fileHasUtfall) {
  if (usesFileUtfall(project, per)) return UtfallSource::File;
  if (utfall.contains(project.projekt)) return UtfallSource::Ledger;
  return fileHasUtfall ? UtfallSource::Missing : UtfallSource::NothingBooked;
}

struct ExactRow {
  std::array<std::int64_t, kAmountColumns> ore{};  // in the table's column order from Utfall
  bool utfallKnown = true;                         // false: the Utfall cell is left empty
  bool prognosAssumed = false;                     // no prognos in the file: Summa budget
};

constexpr std::size_t at(InvestmentColumn c) { return c - kInvUtfall; }

ExactRow exactRow(const InvestmentProject& project, const ProjektUtfall& utfall, Period per,
                  bool fileHasUtfall) {
  const std::int64_t summaBudget = project.budgetOre + project.ombudgeteringOre;
  const std::int64_t prognos = project.prognosOre.value_or(summaBudget);
  std::int64_t shownUtfall = 0;
  const UtfallSource source = utfallSource(project, utfall, per, fileHasUtfall);
  if (source == UtfallSource::File) shownUtfall = *project.utfallOre;
  if (source == UtfallSource::Ledger) shownUtfall = utfall.find(project.projekt)->second;
  return {{shownUtfall, project.budgetOre, project.ombudgeteringOre, summaBudget, prognos,
           summaBudget - prognos},
          source != UtfallSource::Missing,
          !project.prognosOre.has_value()};
}

// The shown tkr of a group's rows, column by column (see the header for the two modes).
std::vector<std::array<std::int64_t, kAmountColumns>> shownRows(const std::vector<ExactRow>& exact,
                                                                RoundingMode rounding) {
  std::vector<std::array<std::int64_t, kAmountColumns>> shown(exact.size());
  for (std::size_t c = 0; c < kAmountColumns; ++c) {
    std::vector<std::optional<std::int64_t>> column;
    for (const ExactRow& row : exact)
      column.push_back(c == at(kInvUtfall) && !row.utfallKnown ? std::nullopt
                                                               : std::optional(row.ore[c]));
    const auto rounded = roundColumnToTkr(column, rounding);
    for (std::size_t r = 0; r < exact.size(); ++r) shown[r][c] = rounded[r].value_or(0);
  }
  if (rounding == RoundingMode::Additive)
    for (auto& row : shown) {
      row[at(kInvSummaBudget)] = row[at(kInvBudget)] + row[at(kInvOmbudgetering)];
      row[at(kInvAvvikelse)] = row[at(kInvSummaBudget)] - row[at(kInvPrognos)];
    }
  return shown;
}

// "-5 882 tkr" as the table shows it; an amount under ½ tkr in kronor, so it is not read as 0.
std::string tkrOrKronor(std::int64_t ore) {
  const std::int64_t tkr = roundToTkr(ore);
  return tkr != 0 ? formatInteger(tkr) + "\xC2\xA0tkr" : formatOreAsKronor(ore) + "\xC2\xA0kr";
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
  // Only Avvikelse helår's minus means an overrun; a negative ombudgetering is a transfer.
  const auto amount = [](std::string header) {
    return Column{std::move(header), ColumnKind::Amount, 0, false};
  };
  table.columns = {
      {text("projekt"), ColumnKind::Text},    amount(text("utfall")),       amount(text("budget")),
      amount(text("ombudgetering")),          amount(text("summa_budget")), amount(text("prognos")),
      {text("avvikelse"), ColumnKind::Amount}};

  const bool fileHasUtfall = std::any_of(projects.begin(), projects.end(),
                                         [](const InvestmentProject& p) { return p.utfallOre; });
  const std::string marker = text("prognos_saknas_markor");
  std::vector<const InvestmentProject*> assumed;
  bool subtotalWithoutUtfall = false;  // a group whose known utfall is not shown as a subtotal
  for (const Group& group : groupsInFirstSeenOrder(projects)) {
    std::vector<ExactRow> exact;
    for (const InvestmentProject* project : group.projects)
      exact.push_back(exactRow(*project, utfall, per, fileHasUtfall));
    const auto shown = shownRows(exact, rounding);
    std::array<std::int64_t, kAmountColumns> subtotal{};
    for (std::size_t c = 0; c < kAmountColumns; ++c) {
      std::int64_t exactSum = 0;
      for (const ExactRow& row : exact) exactSum += row.ore[c];
      subtotal[c] = roundToTkr(exactSum);
      if (rounding == RoundingMode::Additive) {
        subtotal[c] = 0;
        for (const auto& row : shown) subtotal[c] += row[c];
      }
    }
    const auto known = [](const ExactRow& row) { return row.utfallKnown; };
    const bool allKnown = std::all_of(exact.begin(), exact.end(), known);
    if (!allKnown && std::any_of(exact.begin(), exact.end(), known)) subtotalWithoutUtfall = true;
    for (std::size_t r = 0; r < group.projects.size(); ++r) {
      std::string name = group.projects[r]->namn;
      if (exact[r].prognosAssumed) {
        name += " " + marker;
        assumed.push_back(group.projects[r]);
      }
      Row row{RowKind::Item, 0, {name}};
      for (const std::int64_t v : shown[r]) row.cells.emplace_back(v);
      if (!exact[r].utfallKnown) row.cells[kInvUtfall] = std::monostate{};
      table.rows.push_back(std::move(row));
    }
    Row subtotalRow{
        RowKind::Subtotal, 0, {group.label.empty() ? text("grupp_utan_namn") : group.label}};
    for (const std::int64_t sum : subtotal) subtotalRow.cells.emplace_back(sum);
    // A sum of known and unknown utfall is unknown.
    if (!allKnown) subtotalRow.cells[kInvUtfall] = std::monostate{};
    table.rows.push_back(std::move(subtotalRow));
  }

  std::set<std::string_view> listed;
  int fromFile = 0;
  // Projects whose Utfall is the ledger's although the file has utfall for another month, and
  // projects without any utfall, each by the month the file's utfall is for (none: not in it).
  std::map<Period, std::vector<const InvestmentProject*>> ledgerInstead;
  std::map<std::optional<Period>, std::vector<const InvestmentProject*>> missing;
  for (const InvestmentProject& project : projects) {
    listed.insert(project.projekt);
    const UtfallSource source = utfallSource(project, utfall, per, fileHasUtfall);
    if (source == UtfallSource::Missing) missing[project.utfallPeriod].push_back(&project);
    if (source == UtfallSource::Ledger && project.utfallPeriod)
      ledgerInstead[*project.utfallPeriod].push_back(&project);
    if (source != UtfallSource::File) continue;
    ++fromFile;
    // Both sources for one project: the file's figure is shown, the ledger's is not lost.
    const auto booked = utfall.find(project.projekt);
    if (booked != utfall.end() && booked->second != 0 && booked->second != *project.utfallOre) {
      PlaceholderValues withProject = values;
      withProject["projekt"] = project.projekt;
      withProject["belopp"] = tkrOrKronor(booked->second);
      table.footnotes.push_back(texts.text("investeringar.utfall_skiljer", withProject));
    }
  }
  // "Ombyggnad Lindgården etapp 2 (92010), Nyckelfria lås (93103)", or "alla projekt".
  const auto projectList = [&](const std::vector<const InvestmentProject*>& some) {
    if (some.size() == projects.size() && projects.size() > 1) return text("alla_projekt");
    std::string names;
    for (const InvestmentProject* project : some)
      names += (names.empty() ? "" : ", ") + project->namn + " (" + project->projekt + ")";
    return names;
  };
  for (const auto& [month, some] : ledgerInstead) {
    PlaceholderValues withMonth = values;
    addPeriodPlaceholders(withMonth, "utfall", month);
    withMonth["projekt"] = projectList(some);
    table.footnotes.push_back(texts.text("investeringar.utfall_annan_period", withMonth));
  }
  if (fromFile > 0) {
    PlaceholderValues withCount = values;
    withCount["antal"] = std::to_string(fromFile);
    table.footnotes.push_back(texts.text(static_cast<std::size_t>(fromFile) == projects.size()
                                             ? "investeringar.utfall_fran_filen_alla"
                                             : "investeringar.utfall_fran_filen",
                                         withCount));
  }
  CheckSection checks{.id = "investeringar_kontroller", .title = "Kontroller: " + table.title};
  for (const auto& [month, some] : missing) {
    PlaceholderValues withProjects = values;
    withProjects["projekt"] = projectList(some);
    std::string key = "investeringar.utfall_saknas_i_filen";
    if (month) {
      addPeriodPlaceholders(withProjects, "utfall", *month);
      key = "investeringar.utfall_saknas_annan_period";
    }
    table.footnotes.push_back(texts.text(key, withProjects));
    checks.items.push_back({text("utfall_saknas_kontroll"),
                            texts.text(key + "_detalj", withProjects), CheckStatus::Warning});
  }
  if (subtotalWithoutUtfall) table.footnotes.push_back(text("delsumma_utan_utfall"));
  // A ledger projekt the file does not have is most often drift (a grant, a project of the
  // verksamhet): a warning for the controller, not a footnote for the nämnd.
  std::string unlisted;
  for (const auto& [projekt, ore] : utfall) {
    if (ore == 0 || listed.contains(projekt)) continue;
    unlisted += (unlisted.empty() ? "" : ", ") + projekt + " (" + tkrOrKronor(ore) + ")";
  }
  if (!unlisted.empty()) {
    PlaceholderValues withProjects = values;
    withProjects["projekt"] = unlisted;
    checks.items.push_back({text("ej_i_filen_kontroll"),
                            texts.text("investeringar.ej_i_filen", withProjects),
                            CheckStatus::Warning});
  }
  if (!assumed.empty()) {
    std::string names;
    for (const InvestmentProject* project : assumed)
      names += (names.empty() ? "" : ", ") + project->namn + " (" + project->projekt + ")";
    PlaceholderValues withProjects = values;
    withProjects["markor"] = marker;
    withProjects["projekt"] = names;
    table.footnotes.push_back(texts.text("investeringar.prognos_saknas", withProjects));
    checks.items.push_back({text("prognos_saknas_kontroll"),
                            texts.text("investeringar.prognos_saknas_detalj", withProjects),
                            CheckStatus::Warning});
  }
  const std::vector<CheckItem> identities = checkInvestmentTable(table, rounding);
  checks.items.insert(checks.items.begin(), identities.begin(), identities.end());

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
  sections.emplace_back(std::move(checks));
  return sections;
}

}  // namespace namnd
