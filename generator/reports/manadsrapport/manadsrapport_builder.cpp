#include "reports/manadsrapport/manadsrapport_builder.hpp"

#include <cstdlib>
#include <optional>
#include <string>

#include "core/errors.hpp"
#include "core/money.hpp"
#include "core/number_format.hpp"
#include "reports/checks/data_quality.hpp"
#include "reports/checks/published_texts.hpp"
#include "reports/manadsrapport/charts.hpp"
#include "reports/manadsrapport/drill_down.hpp"
#include "reports/manadsrapport/lagesbild.hpp"
#include "reports/manadsrapport/largest_transactions.hpp"
#include "reports/manadsrapport/section_order.hpp"
#include "reports/manadsrapport/tkr_rounding.hpp"

namespace namnd {
namespace {

constexpr std::string_view kTextsFile = "templates/text/manadsrapport.json";

// One amount column of the area table, with the exact öre behind each displayed cell.
struct AmountColumn {
  std::string measure;  // "prognos", "ack_utfall", …
  std::string header;
  std::vector<std::optional<std::int64_t>> exact;  // per row; nullopt = no value
  std::int64_t exactTotal = 0;
  std::vector<std::optional<std::int64_t>> shown;  // per row, tkr
  std::int64_t shownTotal = 0;
};

std::optional<std::int64_t> exactValue(const std::string& measure, const OrgNode& node,
                                       const Figures& figures,
                                       const std::optional<PrognosRollup>& prognos) {
  if (measure == "ack_utfall") return figures.ackUtfall;
  if (measure == "ack_budget") return figures.ackBudget;
  if (measure == "avvikelse") return figures.ackAvvikelse();
  if (measure == "budget_helar") return figures.helarBudget;
  const auto found = prognos->avvikelseByNode.find(node.code);
  if (found == prognos->avvikelseByNode.end()) return std::nullopt;
  return found->second;
}

std::int64_t exactTotal(const std::string& measure, const OrgRollup& rollup,
                        const std::optional<PrognosRollup>& prognos) {
  if (measure == "ack_utfall") return rollup.reported.ackUtfall;
  if (measure == "ack_budget") return rollup.reported.ackBudget;
  if (measure == "avvikelse") return rollup.reported.ackAvvikelse();
  if (measure == "budget_helar") return rollup.reported.helarBudget;
  return prognos->total;
}

void roundColumn(AmountColumn& column, RoundingMode mode) {
  column.shownTotal = roundToTkr(column.exactTotal);
  column.shown = roundColumnToTkr(column.exact, mode);
}

CellValue cell(const std::optional<std::int64_t>& value) {
  if (!value) return std::monostate{};
  return *value;
}

// Where the displayed avvikelse differs from displayed budget − displayed utfall, say so: it is
// what per-cell rounding does, and a reader checking the table by hand will notice.
void addRoundingChecks(CheckSection& checks, const std::vector<AmountColumn>& columns,
                       const std::vector<std::string>& rowNames, const std::string& totalName,
                       RoundingMode mode) {
  const AmountColumn* utfall = nullptr;
  const AmountColumn* budget = nullptr;
  const AmountColumn* avvikelse = nullptr;
  for (const AmountColumn& c : columns) {
    if (c.measure == "ack_utfall") utfall = &c;
    if (c.measure == "ack_budget") budget = &c;
    if (c.measure == "avvikelse") avvikelse = &c;
  }
  if (utfall && budget && avvikelse) {
    std::string differences;
    auto compare = [&](const std::string& name, std::int64_t shownAvvikelse, std::int64_t b,
                       std::int64_t u) {
      if (shownAvvikelse == b - u) return;
      differences += (differences.empty() ? "" : "; ") + name + " " +
                     formatInteger(shownAvvikelse) + " (avrundade kolumner ger " +
                     formatInteger(b - u) + ")";
    };
    for (std::size_t i = 0; i < rowNames.size(); ++i)
      compare(rowNames[i], *avvikelse->shown[i], *budget->shown[i], *utfall->shown[i]);
    compare(totalName, avvikelse->shownTotal, budget->shownTotal, utfall->shownTotal);
    checks.items.push_back({"Avvikelse = ack budget − ack utfall, beräknat på exakta belopp",
                            differences.empty() ? "stämmer på varje rad även i avrundade tkr"
                                                : "skillnad på grund av avrundning: " + differences,
                            CheckStatus::Ok});
  }
  for (const AmountColumn& c : columns) {
    std::int64_t sum = 0;
    for (const auto& v : c.shown) sum += v.value_or(0);
    const std::int64_t delta = c.shownTotal - sum;
    // Per-cell rounding moves each of n rows and the total by at most ½ tkr.
    const auto bound = static_cast<std::int64_t>(c.shown.size() / 2 + 1);
    const bool exact = delta == 0;
    const bool withinRounding = mode == RoundingMode::PerCell ? std::llabs(delta) <= bound : exact;
    checks.items.push_back(
        {"Σ rader = " + totalName + ": " + c.header,
         formatInteger(sum) + (exact ? " = " : " ≠ ") + formatInteger(c.shownTotal) +
             (exact ? "" : " (Δ " + formatInteger(delta) + " tkr, avrundning per cell)"),
         withinRounding ? CheckStatus::Ok : CheckStatus::Error});
  }
}

// The table per verksamhetsområde, and its columns for the rounding checks.
Table buildAreaTable(const ManadsrapportInput& input, const ReportTexts& texts,
                     const PlaceholderValues& values, std::vector<AmountColumn>& columns) {
  const OrgRollup& rollup = input.quality.rollup;
  for (const auto& [measure, header] : texts.pairs("omraden.kolumner", "matt", "rubrik")) {
    if (measure != "prognos" && measure != "ack_utfall" && measure != "ack_budget" &&
        measure != "avvikelse" && measure != "budget_helar")
      throw ConfigError(std::string(kTextsFile) + ": okänt mått \"" + measure +
                        "\" i omraden.kolumner (prognos, ack_utfall, ack_budget, avvikelse, "
                        "budget_helar)");
    if (measure == "prognos" && !input.prognos) continue;
    AmountColumn column{measure, expandPlaceholders(header, values)};
    for (const auto& [node, figures] : rollup.rows)
      column.exact.push_back(exactValue(measure, *node, figures, input.prognos));
    column.exactTotal = exactTotal(measure, rollup, input.prognos);
    roundColumn(column, input.rounding);
    columns.push_back(std::move(column));
  }

  Table table;
  table.id = "omraden";
  table.title = texts.text("omraden.rubrik", values);
  table.unitNote = texts.text("omraden.enhet", values);
  table.columns.push_back({texts.text("omraden.forsta_kolumn", values), ColumnKind::Text});
  for (const AmountColumn& c : columns) table.columns.push_back({c.header, ColumnKind::Amount});
  for (std::size_t i = 0; i < rollup.rows.size(); ++i) {
    Row row{RowKind::Item, 0, {rollup.rows[i].first->name}};
    for (const AmountColumn& c : columns) row.cells.push_back(cell(c.shown[i]));
    table.rows.push_back(std::move(row));
  }
  Row total{RowKind::Total, 0, {texts.text("omraden.totalt", values)}};
  for (const AmountColumn& c : columns) total.cells.push_back(c.shownTotal);
  table.rows.push_back(std::move(total));

  table.footnotes.push_back(texts.text("omraden.fotnot_tecken", values));
  table.footnotes.push_back(input.prognos ? texts.text("omraden.fotnot_prognos", values)
                                          : texts.text("omraden.fotnot_ingen_prognos", values));
  table.footnotes.push_back(input.rounding == RoundingMode::PerCell
                                ? texts.text("omraden.fotnot_avrundning_per_cell", values)
                                : texts.text("omraden.fotnot_avrundning_additiv", values));
  return table;
}

CheckSection buildChecks(const ManadsrapportInput& input, const ReportTexts& texts,
                         const PlaceholderValues& values,
                         const std::vector<AmountColumn>& columns) {
  const OrgRollup& rollup = input.quality.rollup;
  std::vector<std::string> rowNames;
  for (const auto& [node, figures] : rollup.rows) rowNames.push_back(node->name);
  CheckSection checks;
  checks.id = "kontroller";
  checks.title = texts.text("kontroller.rubrik", values);
  checks.items.push_back({"Avrundningsläge",
                          input.rounding == RoundingMode::PerCell
                              ? "per cell: varje tkr-belopp avrundas för sig (halva från noll)"
                              : "additivt: största-rest-metoden, raderna summerar till totalen",
                          CheckStatus::Ok});
  addRoundingChecks(checks, columns, rowNames, texts.text("omraden.totalt", values),
                    input.rounding);
  if (rollup.source.ackUtfall == 0 && rollup.source.helarBudget == 0 &&
      rollup.source.ackBudget == 0)
    checks.items.push_back({"Indata för året",
                            "lagret har varken utfall eller budget för " +
                                std::to_string(input.period.year()) +
                                ": rapporten visar bara nollor (fel period, eller är filerna "
                                "inte inlästa?)",
                            CheckStatus::Error});
  if (input.prognos && !input.prognos->missing.empty()) {
    std::string names;
    for (const std::string& name : input.prognos->missing)
      names += (names.empty() ? "" : ", ") + name;
    checks.items.push_back({"Prognosen lämnad " + input.prognos->snapshotPeriod.toString() +
                                " täcker alla områden med budget eller utfall",
                            "saknar värde för " + names +
                                ": prognoskolumnen är tom där och totalen gäller övriga områden",
                            CheckStatus::Warning});
  }
  if (input.prognos) {
    checks.items.push_back({"Prognos",
                            "ögonblicksbilden lämnad " + input.prognos->snapshotPeriod.toString() +
                                " visas; Σ avvikelse " + formatOreAsKronor(input.prognos->total) +
                                "\xC2\xA0kr",
                            CheckStatus::Ok});
    for (const auto& [node, ore] : input.prognos->unmapped)
      checks.items.push_back(
          {"Prognosraden för " + node + " kan inte placeras på rapportnivån",
           "avvikelse " + formatOreAsKronor(ore) + "\xC2\xA0kr ingår inte i tabellen",
           CheckStatus::Warning});
  }
  if (input.enheter && !input.enheter->rows.empty()) {
    // The drill-down shows what is posted on an area itself, under no enhet, as a row of its
    // own; say how much that is so the reader knows the enheter alone do not add up.
    const std::int64_t direct = rollup.reported.ackUtfall - input.enheter->reported.ackUtfall;
    checks.items.push_back(
        {"Fördjupning per enhet: Σ enheter + bokfört direkt på område = områdena",
         direct == 0 ? "allt ack utfall ligger på enheter"
                     : formatOreAsKronor(direct) +
                           "\xC2\xA0kr ack utfall ligger direkt på områden (egen rad)",
         CheckStatus::Ok});
  }
  addDataQualityChecks(checks, input.quality);
  return checks;
}

const PrognosRollup* snapshotAt(const std::vector<PrognosRollup>& snapshots,
                                std::optional<Period> period) {
  if (!period) return nullptr;
  for (const PrognosRollup& s : snapshots)
    if (s.snapshotPeriod == *period) return &s;
  return nullptr;
}

TextSection sentence(const std::string& id, const std::string& title,
                     const std::string& paragraph) {
  return TextSection{.id = id, .title = title, .paragraphs = {paragraph}};
}

}  // namespace

Document buildManadsrapport(const ManadsrapportInput& input, const ReportTexts& texts) {
  PlaceholderValues values;
  addPeriodPlaceholders(values, "period", input.period);
  if (input.prognos) addPeriodPlaceholders(values, "prognos", input.prognos->snapshotPeriod);
  const std::vector<PlannedSection> plan = manadsrapportSectionPlan(texts, std::string(kTextsFile));

  Document doc;
  doc.kind = "manadsrapport";
  doc.title = texts.text("titel", values);
  doc.meta = input.meta;
  doc.meta.periodLabel = texts.text("periodtext", values);
  doc.meta.documentDate = values.at("period.datum");

  const OrgRollup& rollup = input.quality.rollup;
  const OrgTree& tree = input.quality.tree;
  std::vector<AmountColumn> columns;
  const Table areaTable = buildAreaTable(input, texts, values, columns);

  for (const PlannedSection& item : plan) {
    const std::string& id = item.id;
    if (item.isPart) {
      doc.sections.push_back(partHeading(item, values, std::string(kTextsFile)));
    } else if (id == "omraden") {
      doc.sections.push_back(areaTable);
    } else if (id == "lagesbild") {
      LagesbildInput lagesbild{.period = input.period,
                               .ackAvvikelseOre = rollup.reported.ackAvvikelse()};
      if (input.prognos) {
        lagesbild.snapshotPeriod = input.prognos->snapshotPeriod;
        lagesbild.snapshotAvvikelseOre = input.prognos->total;
        lagesbild.snapshotMissing = input.prognos->missing;
      }
      doc.sections.push_back(buildLagesbild(lagesbild, texts, values));
    } else if (id == "jamforelse") {
      const PrognosRollup* earlier = snapshotAt(input.snapshots, input.comparison.earlier);
      const PrognosRollup* current = snapshotAt(input.snapshots, input.comparison.current);
      if (earlier && current)
        doc.sections.push_back(
            buildSnapshotComparison(rollup, *earlier, *current, input.rounding, texts, values));
      else
        doc.sections.push_back(sentence("jamforelse", texts.text("jamforelse.rubrik", values),
                                        texts.text("jamforelse.ingen", values)));
    } else if (id == "diagram_omraden") {
      doc.sections.push_back(buildAreaChart(rollup, texts, values));
    } else if (id == "kommentarer") {
      const PrognosSnapshot* snapshot = input.currentSnapshot ? &*input.currentSnapshot : nullptr;
      std::vector<Section> commentary =
          buildCommentarySections(rollup, input.comments, snapshot, tree, texts, values);
      requirePublishableChefComments(snapshot, commentary, tree, rollup.level, input.config,
                                     kTextsFile);
      for (Section& s : commentary) doc.sections.push_back(std::move(s));
    } else if (id == "personal") {
      doc.sections.insert(doc.sections.end(), input.staffing.begin(), input.staffing.end());
    } else if (id == "fordjupning") {
      if (input.enheter && !input.enheter->rows.empty())
        doc.sections.push_back(buildDrillDown(rollup, *input.enheter, tree, texts, values));
    } else if (id == "transaktioner") {
      Table transactions = buildLargestTransactions(input.transactions, input.largestTransactions,
                                                    tree, texts, values);
      requirePublishableTransactions(input.transactions, transactions, input.config, kTextsFile);
      doc.sections.push_back(std::move(transactions));
    } else if (id == "prognostrend") {
      if (input.snapshots.size() >= 2)
        doc.sections.push_back(buildPrognosTrendChart(rollup, input.snapshots, texts, values));
      else
        doc.sections.push_back(sentence("prognostrend", texts.text("prognostrend.rubrik", values),
                                        texts.text("prognostrend.for_fa", values)));
    } else if (id == "kontroller") {
      doc.sections.push_back(buildChecks(input, texts, values, columns));
    }
  }
  return doc;
}

}  // namespace namnd
