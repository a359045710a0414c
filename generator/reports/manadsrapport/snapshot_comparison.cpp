#include "reports/manadsrapport/snapshot_comparison.hpp"

#include <algorithm>

#include "core/errors.hpp"
#include "core/reporting_calendar.hpp"
#include "reports/manadsrapport/tkr_rounding.hpp"

namespace namnd {
namespace {

std::optional<std::int64_t> deviation(const PrognosRollup& snapshot, const std::string& code) {
  const auto found = snapshot.avvikelseByNode.find(code);
  if (found == snapshot.avvikelseByNode.end()) return std::nullopt;
  return found->second;
}

CellValue cell(const std::optional<std::int64_t>& tkr) {
  if (!tkr) return std::monostate{};
  return *tkr;
}

}  // namespace

SnapshotChoice chooseSnapshots(const std::vector<Period>& available, Period period,
                               std::optional<Period> requested) {
  SnapshotChoice choice;
  for (const Period p : available)
    if (p.year() == period.year() && p <= period) choice.current = p;
  if (requested) {
    if (std::find(available.begin(), available.end(), *requested) == available.end())
      throw ConfigError("--jamfor " + requested->toString() +
                        ": ingen prognos lämnad den månaden finns i lagret");
    if (requested->year() != period.year() || !choice.current || !(*requested < *choice.current))
      throw ConfigError("--jamfor " + requested->toString() +
                        ": ska vara en prognos lämnad samma år och före den senaste (" +
                        (choice.current ? choice.current->toString() : std::string("ingen")) + ")");
    choice.earlier = requested;
    return choice;
  }
  if (!choice.current) return choice;
  const Period delar = delarsPeriod(period.year());
  if (delar < *choice.current &&
      std::find(available.begin(), available.end(), delar) != available.end()) {
    choice.earlier = delar;
    return choice;
  }
  for (const Period p : available)
    if (p.year() == period.year() && p < *choice.current) choice.earlier = p;
  return choice;
}

Table buildSnapshotComparison(const OrgRollup& areas, const PrognosRollup& earlier,
                              const PrognosRollup& current, RoundingMode rounding,
                              const ReportTexts& texts, const PlaceholderValues& periodValues) {
  PlaceholderValues values = periodValues;
  addPeriodPlaceholders(values, "tidigare", earlier.snapshotPeriod);
  addPeriodPlaceholders(values, "senare", current.snapshotPeriod);

  // A change is shown only where both prognoses cover the area: an area missing from one of
  // them is not an improvement or a worsening, and the total change adds up the rows that have
  // one, so that a partly returned prognosis does not show up as a change.
  std::vector<std::optional<std::int64_t>> a, b, change;
  std::int64_t changeTotal = 0;
  std::vector<std::string> incomplete;
  for (const auto& [node, figures] : areas.rows) {
    a.push_back(deviation(earlier, node->code));
    b.push_back(deviation(current, node->code));
    if (a.back() && b.back()) {
      change.push_back(*b.back() - *a.back());
      changeTotal += change.back().value();
    } else {
      change.push_back(std::nullopt);
      if (a.back() || b.back()) incomplete.push_back(node->name);
    }
  }
  const auto shownA = roundColumnToTkr(a, rounding);
  const auto shownB = roundColumnToTkr(b, rounding);
  const auto shownChange = roundColumnToTkr(change, rounding);

  Table table;
  table.id = "jamforelse";
  table.title = texts.text("jamforelse.rubrik", values);
  table.unitNote = texts.text("omraden.enhet", values);
  table.columns = {{texts.text("omraden.forsta_kolumn", values), ColumnKind::Text},
                   {texts.text("jamforelse.tidigare", values), ColumnKind::Amount},
                   {texts.text("jamforelse.senare", values), ColumnKind::Amount},
                   {texts.text("jamforelse.forandring", values), ColumnKind::Amount}};
  for (std::size_t i = 0; i < areas.rows.size(); ++i)
    table.rows.push_back(
        {RowKind::Item,
         0,
         {areas.rows[i].first->name, cell(shownA[i]), cell(shownB[i]), cell(shownChange[i])}});
  table.rows.push_back(
      {RowKind::Total,
       0,
       {texts.text("omraden.totalt", values), roundToTkr(earlier.total), roundToTkr(current.total),
        roundToTkr(incomplete.empty() ? current.total - earlier.total : changeTotal)}});
  table.footnotes.push_back(texts.text("jamforelse.fotnot", values));
  if (!incomplete.empty()) {
    std::string names;
    for (const std::string& name : incomplete) names += (names.empty() ? "" : ", ") + name;
    values["omraden"] = names;
    table.footnotes.push_back(texts.text("jamforelse.fotnot_ofullstandig", values));
  }
  return table;
}

}  // namespace namnd
