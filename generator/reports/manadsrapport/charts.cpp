#include "reports/manadsrapport/charts.hpp"

#include "reports/manadsrapport/tkr_rounding.hpp"

namespace namnd {
namespace {

double tkr(std::int64_t ore) { return static_cast<double>(roundToTkr(ore)); }

}  // namespace

Chart buildAreaChart(const OrgRollup& areas, const ReportTexts& texts,
                     const PlaceholderValues& values) {
  Chart chart;
  chart.id = "diagram_omraden";
  chart.title = texts.text("diagram_omraden.rubrik", values);
  chart.description = texts.text("diagram_omraden.beskrivning", values);
  chart.valueAxis = texts.text("diagram_omraden.axel", values);
  chart.kind = ChartKind::Bar;  // area names are long: horizontal bars keep them readable
  ChartSeries utfall{texts.text("diagram_omraden.utfall", values), {}};
  ChartSeries budget{texts.text("diagram_omraden.budget", values), {}};
  for (const auto& [area, figures] : areas.rows) {
    chart.categories.push_back(area->name);
    utfall.values.push_back(tkr(figures.ackUtfall));
    budget.values.push_back(tkr(figures.ackBudget));
  }
  chart.series = {std::move(utfall), std::move(budget)};
  return chart;
}

Chart buildPrognosTrendChart(const OrgRollup& areas, const std::vector<PrognosRollup>& snapshots,
                             const ReportTexts& texts, const PlaceholderValues& values) {
  Chart chart;
  chart.id = "prognostrend";
  chart.title = texts.text("prognostrend.rubrik", values);
  chart.description = texts.text("prognostrend.beskrivning", values);
  chart.valueAxis = texts.text("prognostrend.axel", values);
  chart.kind = ChartKind::Line;
  for (const PrognosRollup& snapshot : snapshots) {
    PlaceholderValues withSnapshot = values;
    addPeriodPlaceholders(withSnapshot, "lamnad", snapshot.snapshotPeriod);
    chart.categories.push_back(texts.text("prognostrend.kategori", withSnapshot));
  }
  ChartSeries total{texts.text("omraden.totalt", values), {}};
  for (const PrognosRollup& snapshot : snapshots) total.values.push_back(tkr(snapshot.total));
  chart.series.push_back(std::move(total));
  for (const auto& [area, figures] : areas.rows) {
    ChartSeries series{area->name, {}};
    for (const PrognosRollup& snapshot : snapshots) {
      const auto found = snapshot.avvikelseByNode.find(area->code);
      series.values.push_back(found == snapshot.avvikelseByNode.end()
                                  ? std::nullopt
                                  : std::optional<double>(tkr(found->second)));
    }
    chart.series.push_back(std::move(series));
  }
  chart.footnotes.push_back(texts.text("prognostrend.fotnot", values));
  return chart;
}

}  // namespace namnd
