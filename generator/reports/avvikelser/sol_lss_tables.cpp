#include "reports/avvikelser/sol_lss_tables.hpp"

#include <algorithm>
#include <tuple>

namespace namnd {
namespace {

// A row of the per-enhet table: name, count, dominant händelsetyp and its count.
Row tallyRow(const AvvikelserView& view, RowKind kind, int level, const std::string& name,
             const HandelsetypTally& tally, std::vector<std::string>& tieNotes) {
  Row row{.kind = kind, .level = level, .cells = {name, tally.total}};
  const std::optional<DominantHandelsetyp> dominant = dominantHandelsetyp(tally);
  if (!dominant) {
    row.cells.insert(row.cells.end(), {std::monostate{}, std::monostate{}});
    return row;
  }
  row.cells.push_back(dominant->handelsetyp);
  row.cells.push_back(dominant->count);
  if (!dominant->tiedWith.empty()) {
    std::string types = dominant->handelsetyp;
    for (std::size_t i = 0; i < dominant->tiedWith.size(); ++i)
      types += (i + 1 == dominant->tiedWith.size() ? " och " : ", ") + dominant->tiedWith[i];
    tieNotes.push_back(
        view.text("per_enhet.fotnot_lika",
                  {{"enhet", name}, {"antal", view.number(dominant->count)}, {"typer", types}}));
  }
  return row;
}

class PerEnhetRows {
 public:
  PerEnhetRows(const AvvikelserView& view, Table& table)
      : view_(view), tally_(view.figures().solLssPerUnit), table_(table) {}

  void add(const OrgNode& node, int depth) {
    const HandelsetypTally* tally = tally_.find(node.code);
    if (!tally || tally->total == 0) return;
    std::vector<const OrgNode*> shown;
    if (node.level < view_.unitLevel())
      for (const OrgNode* child : view_.tree().children(node.code))
        if (tally_.count(child->code) > 0) shown.push_back(child);
    const bool hasChildren =
        node.level < view_.unitLevel() && !view_.tree().children(node.code).empty();
    if (!hasChildren) {
      table_.rows.push_back(tallyRow(view_, RowKind::Item, depth, node.name, *tally, tieNotes_));
      return;
    }
    table_.rows.push_back(tallyRow(view_, RowKind::Subtotal, depth, node.name, *tally, tieNotes_));
    HandelsetypTally direct = *tally;
    for (const OrgNode* child : shown) {
      const HandelsetypTally& c = *tally_.find(child->code);
      direct.total -= c.total;
      for (const auto& [type, n] : c.byType) direct.byType[type] -= n;
      add(*child, depth + 1);
    }
    if (direct.total > 0)
      table_.rows.push_back(tallyRow(view_, RowKind::Item, depth + 1,
                                     view_.text("per_enhet.direkt", {{"enhet", node.name}}), direct,
                                     tieNotes_));
  }

  std::vector<std::string>& tieNotes() { return tieNotes_; }

 private:
  const AvvikelserView& view_;
  const OrgTally& tally_;
  Table& table_;
  std::vector<std::string> tieNotes_;
};

}  // namespace

Table buildOversiktTable(const AvvikelserView& view) {
  const OversiktCounts& counts = view.figures().oversikt;
  Table table{.id = "oversikt", .title = view.text("oversikt.rubrik")};
  table.columns.push_back({view.text("oversikt.forsta_kolumn"), ColumnKind::Text});
  for (const HalfYearPeriod& span : counts.spans)
    table.columns.push_back({view.spanColumn(span), ColumnKind::Count});
  const char* keys[kOversiktTyper] = {"oversikt.avvikelse", "oversikt.klagomal",
                                      "oversikt.lex_sarah"};
  // A span that ends before the first registration is not covered by the registers: blank, not a
  // count of zero.
  std::optional<CalendarDate> first;
  for (const AvvikelseRecord& r : view.input().records)
    if (!first || r.registrerad < *first) first = r.registrerad;
  auto covered = [&](std::size_t s) { return first && !(counts.spans[s].last() < *first); };
  for (std::size_t t = 0; t < kOversiktTyper; ++t) {
    Row row{.cells = {view.text(keys[t])}};
    for (std::size_t s = 0; s < counts.spans.size(); ++s)
      row.cells.push_back(covered(s) ? CellValue(counts.byTyp[s][t]) : CellValue());
    table.rows.push_back(std::move(row));
  }
  Row total{.kind = RowKind::Total, .cells = {view.text("oversikt.totalt")}};
  bool uncovered = false;
  for (std::size_t s = 0; s < counts.spans.size(); ++s) {
    total.cells.push_back(covered(s) ? CellValue(counts.rowSum(s)) : CellValue());
    uncovered |= !covered(s);
  }
  table.rows.push_back(std::move(total));
  table.footnotes.push_back(view.text("oversikt.fotnot_rakneregel"));
  if (uncovered && first) {
    PlaceholderValues from;
    from["datum"] = first->iso();
    table.footnotes.push_back(view.text("oversikt.fotnot_fore_registren", from));
  }
  if (const std::int64_t late = view.figures().registeredAfter; late > 0)
    table.footnotes.push_back(view.countSentence("oversikt.fotnot_sena", late));
  return table;
}

Table buildPerEnhetTable(const AvvikelserView& view) {
  Table table{.id = "per_enhet", .title = view.text("per_enhet.rubrik")};
  table.columns = {{view.text("per_enhet.kolumn_enhet"), ColumnKind::Text},
                   {view.text("per_enhet.kolumn_antal"), ColumnKind::Count},
                   {view.text("per_enhet.kolumn_handelsetyp"), ColumnKind::Text},
                   {view.text("per_enhet.kolumn_handelsetyp_antal"), ColumnKind::Count}};
  PerEnhetRows rows(view, table);
  for (const OrgNode* area : view.tree().nodesAtLevel(view.areaLevel())) rows.add(*area, 0);
  const OrgTally& tally = view.figures().solLssPerUnit;
  if (tally.unplaced.total > 0)
    table.rows.push_back(tallyRow(view, RowKind::Item, 0, view.text("per_enhet.ej_placerad"),
                                  tally.unplaced, rows.tieNotes()));
  table.rows.push_back(
      tallyRow(view, RowKind::Total, 0, view.text("per_enhet.totalt"), tally.all, rows.tieNotes()));
  table.footnotes = rows.tieNotes();
  table.footnotes.push_back(view.text("per_enhet.fotnot_enheter"));
  return table;
}

std::vector<Section> buildAndelSections(const AvvikelserView& view) {
  std::vector<Section> sections;
  const OrgTally& tally = view.figures().solLssPerUnit;
  for (const OrgNode* area : view.tree().nodesAtLevel(view.areaLevel())) {
    const HandelsetypTally* areaTally = tally.find(area->code);
    if (!areaTally || areaTally->total == 0) continue;
    std::map<std::string, std::int64_t> counts;
    for (const auto& [type, n] : areaTally->byType) counts[handelsetypName(view, type)] += n;
    const Shares shares = wholePercentShares(counts);
    const PlaceholderValues v = {{"verksamhet", area->name}, {"antal", view.number(shares.total)}};

    std::vector<std::string> footnotes = {view.text("andelar.fotnot_avrundning")};
    if (shares.percentSum != 100)
      footnotes.push_back(
          view.text("andelar.fotnot_summa", {{"summa", std::to_string(shares.percentSum)}}));

    Chart chart{.id = "diagram_andelar_" + area->code,
                .title = view.text("andelar.diagram_rubrik", v),
                .description = view.text("andelar.beskrivning", v),
                .valueAxis = view.text("andelar.axel"),
                .kind = ChartKind::Bar};
    ChartSeries series{view.text("andelar.serie"), {}};
    Table table{.id = "andelar_" + area->code, .title = view.text("andelar.rubrik", v)};
    table.columns = {{view.text("andelar.kolumn_typ"), ColumnKind::Text},
                     {view.text("andelar.kolumn_antal"), ColumnKind::Count},
                     {view.text("andelar.kolumn_andel"), ColumnKind::Percent, 0}};
    for (const Share& share : shares.items) {
      chart.categories.push_back(share.name);
      series.values.push_back(static_cast<double>(share.percent));
      table.rows.push_back(
          {.cells = {share.name, share.count, static_cast<double>(share.percent) / 100.0}});
    }
    table.rows.push_back({.kind = RowKind::Total,
                          .cells = {view.text("andelar.totalt"), shares.total,
                                    static_cast<double>(shares.percentSum) / 100.0}});
    chart.series.push_back(std::move(series));
    chart.footnotes = footnotes;
    table.footnotes = footnotes;
    sections.push_back(std::move(chart));
    sections.push_back(std::move(table));
  }
  return sections;
}

Section buildLexSection(const AvvikelserView& view, AvvikelseTyp typ) {
  const std::string key = typ == AvvikelseTyp::LexSarah ? "lex_sarah" : "lex_maria";
  const OrgTree& tree = view.tree();
  const std::vector<const OrgNode*> units = reportUnits(tree, view.areaLevel(), view.unitLevel());
  std::set<std::string, std::less<>> unitCodes;
  for (const OrgNode* u : units) unitCodes.insert(u->code);

  struct Line {
    CalendarDate registrerad;
    std::string verksamhet, enhet, handelsetyp, status;
  };
  std::vector<Line> lines;
  const std::string notGiven = view.text("lex.ej_angiven");
  for (const AvvikelseRecord& r : view.input().records) {
    if (r.typ != typ || !registeredIn(r, view.period())) continue;
    Line line{.registrerad = r.registrerad};
    const OrgNode* area = tree.ancestorAtLevel(r.org, view.areaLevel());
    const OrgNode* unit = unitOf(tree, r.org, unitCodes);
    line.verksamhet = area ? area->name : view.text("per_enhet.ej_placerad");
    line.enhet = unit && unit != area ? unit->name : "";
    line.handelsetyp = r.handelsetyp.empty() ? notGiven : r.handelsetyp;
    line.status = r.status.empty() ? notGiven : r.status;
    lines.push_back(std::move(line));
  }
  if (lines.empty()) {
    TextSection none{.id = key, .title = view.text(key + ".rubrik")};
    none.paragraphs.push_back(view.text(key + ".inga"));
    return none;
  }
  // Chronological, then by place: deterministic without showing any id.
  std::sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) {
    return std::tie(a.registrerad, a.verksamhet, a.enhet, a.handelsetyp, a.status) <
           std::tie(b.registrerad, b.verksamhet, b.enhet, b.handelsetyp, b.status);
  });
  Table table{.id = key, .title = view.text(key + ".rubrik")};
  table.columns = {{view.text("lex.kolumn_verksamhet"), ColumnKind::Text},
                   {view.text("lex.kolumn_enhet"), ColumnKind::Text},
                   {view.text("lex.kolumn_handelsetyp"), ColumnKind::Text},
                   {view.text("lex.kolumn_status"), ColumnKind::Text}};
  for (const Line& line : lines)
    table.rows.push_back({.cells = {line.verksamhet, line.enhet, line.handelsetyp, line.status}});
  table.footnotes.push_back(view.text("lex.fotnot"));
  return table;
}

}  // namespace namnd
