#include "reports/manadsrapport/manadsrapport_builder.hpp"

#include <cstdlib>
#include <optional>
#include <string>

#include "core/errors.hpp"
#include "core/money.hpp"
#include "core/number_format.hpp"
#include "reports/checks/data_quality.hpp"

namespace namnd {
namespace {

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
  column.shownTotal = roundHalfAwayFromZero(column.exactTotal, Money::kOrePerTkr);
  column.shown.assign(column.exact.size(), std::nullopt);
  if (mode == RoundingMode::PerCell) {
    for (std::size_t i = 0; i < column.exact.size(); ++i)
      if (column.exact[i])
        column.shown[i] = roundHalfAwayFromZero(*column.exact[i], Money::kOrePerTkr);
    return;
  }
  std::vector<std::int64_t> values;
  for (const auto& v : column.exact) values.push_back(v.value_or(0));
  const auto rounded = roundLargestRemainder(values, Money::kOrePerTkr);
  for (std::size_t i = 0; i < column.exact.size(); ++i)
    if (column.exact[i]) column.shown[i] = rounded[i];
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

}  // namespace

Document buildManadsrapport(const ManadsrapportInput& input, const ReportTexts& texts) {
  PlaceholderValues values;
  addPeriodPlaceholders(values, "period", input.period);
  if (input.prognos) addPeriodPlaceholders(values, "prognos", input.prognos->snapshotPeriod);

  Document doc;
  doc.kind = "manadsrapport";
  doc.title = texts.text("titel", values);
  doc.meta = input.meta;
  doc.meta.periodLabel = texts.text("periodtext", values);
  doc.meta.documentDate = values.at("period.datum");

  const OrgRollup& rollup = input.quality.rollup;
  std::vector<AmountColumn> columns;
  for (const auto& [measure, header] : texts.pairs("omraden.kolumner", "matt", "rubrik")) {
    if (measure != "prognos" && measure != "ack_utfall" && measure != "ack_budget" &&
        measure != "avvikelse" && measure != "budget_helar")
      throw ConfigError("templates/text/manadsrapport.json: okänt mått \"" + measure +
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
  std::vector<std::string> rowNames;
  for (std::size_t i = 0; i < rollup.rows.size(); ++i) {
    Row row{RowKind::Item, 0, {rollup.rows[i].first->name}};
    for (const AmountColumn& c : columns) row.cells.push_back(cell(c.shown[i]));
    table.rows.push_back(std::move(row));
    rowNames.push_back(rollup.rows[i].first->name);
  }
  const std::string totalName = texts.text("omraden.totalt", values);
  Row total{RowKind::Total, 0, {totalName}};
  for (const AmountColumn& c : columns) total.cells.push_back(c.shownTotal);
  table.rows.push_back(std::move(total));

  table.footnotes.push_back(texts.text("omraden.fotnot_tecken", values));
  table.footnotes.push_back(input.prognos ? texts.text("omraden.fotnot_prognos", values)
                                          : texts.text("omraden.fotnot_ingen_prognos", values));
  table.footnotes.push_back(input.rounding == RoundingMode::PerCell
                                ? texts.text("omraden.fotnot_avrundning_per_cell", values)
                                : texts.text("omraden.fotnot_avrundning_additiv", values));
  doc.sections.push_back(std::move(table));

  CheckSection checks;
  checks.id = "kontroller";
  checks.title = texts.text("kontroller.rubrik", values);
  checks.items.push_back({"Avrundningsläge",
                          input.rounding == RoundingMode::PerCell
                              ? "per cell: varje tkr-belopp avrundas för sig (halva från noll)"
                              : "additivt: största-rest-metoden, raderna summerar till totalen",
                          CheckStatus::Ok});
  addRoundingChecks(checks, columns, rowNames, totalName, input.rounding);
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
  addDataQualityChecks(checks, input.quality);
  doc.sections.push_back(std::move(checks));
  return doc;
}

}  // namespace namnd
