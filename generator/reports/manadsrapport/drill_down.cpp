#include "reports/manadsrapport/drill_down.hpp"

#include <cstdlib>

#include "reports/manadsrapport/tkr_rounding.hpp"

namespace namnd {
namespace {

Row figuresRow(RowKind kind, int level, const std::string& name, const Figures& figures) {
  CellValue percent = std::monostate{};
  if (figures.ackBudget != 0)
    percent = static_cast<double>(figures.ackAvvikelse()) /
              static_cast<double>(std::llabs(figures.ackBudget));
  return {kind,
          level,
          {name, roundToTkr(figures.ackBudget), roundToTkr(figures.ackUtfall),
           roundToTkr(figures.ackAvvikelse()), percent}};
}

}  // namespace

Table buildDrillDown(const OrgRollup& areas, const OrgRollup& enheter, const OrgTree& tree,
                     const ReportTexts& texts, const PlaceholderValues& values) {
  Table table;
  table.id = "fordjupning";
  table.title = texts.text("fordjupning.rubrik", values);
  table.unitNote = texts.text("omraden.enhet", values);
  table.columns = {{texts.text("fordjupning.forsta_kolumn", values), ColumnKind::Text},
                   {texts.text("fordjupning.ack_budget", values), ColumnKind::Amount},
                   {texts.text("fordjupning.ack_utfall", values), ColumnKind::Amount},
                   {texts.text("fordjupning.avvikelse", values), ColumnKind::Amount},
                   {texts.text("fordjupning.avvikelse_procent", values), ColumnKind::Percent, 1}};

  for (const auto& [area, areaFigures] : areas.rows) {
    table.rows.push_back(figuresRow(RowKind::Subtotal, 0, area->name, areaFigures));
    Figures placed;
    for (const auto& [enhet, figures] : enheter.rows) {
      if (tree.ancestorAtLevel(enhet->code, areas.level) != area) continue;
      table.rows.push_back(figuresRow(RowKind::Item, 1, enhet->name, figures));
      placed += figures;
    }
    const Figures direct{areaFigures.ackUtfall - placed.ackUtfall,
                         areaFigures.ackBudget - placed.ackBudget,
                         areaFigures.helarBudget - placed.helarBudget};
    if (direct.ackUtfall != 0 || direct.ackBudget != 0) {
      PlaceholderValues withArea = values;
      withArea["omrade"] = area->name;
      table.rows.push_back(
          figuresRow(RowKind::Item, 1, texts.text("fordjupning.ej_enhet", withArea), direct));
    }
  }
  table.rows.push_back(
      figuresRow(RowKind::Total, 0, texts.text("omraden.totalt", values), areas.reported));
  table.footnotes.push_back(texts.text("fordjupning.fotnot", values));
  return table;
}

}  // namespace namnd
