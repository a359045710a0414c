#include "reports/avvikelser/sol_lss_tables.hpp"

#include <algorithm>
#include <tuple>

namespace namnd {
namespace {

// The footnote lists this many rows with a tie; the rest are counted.
constexpr std::size_t kTiesListed = 10;

// What the per-enhet rows share: whether the registers can tell the händelsetyp at all, and the
// rows whose most common händelsetyp is a tie, each with the tied names (one footnote for all).
struct TallyRowsState {
  bool handelsetypSaknas = false;
  std::vector<std::string> ties;
};

// "Omsorg, Trygghet, Ärende": commas only, since names themselves hold "och" ("Larm och
// telefoni").
std::string listedNames(const AvvikelserView& view, const std::vector<std::string>& names) {
  std::string text;
  for (std::size_t i = 0; i < names.size(); ++i)
    text += (i == 0 ? "" : ", ") + handelsetypName(view, names[i]);
  return text;
}

// A row of the per-enhet table: name, count, dominant händelsetyp and its count.
Row tallyRow(const AvvikelserView& view, RowKind kind, int level, const std::string& name,
             const HandelsetypTally& tally, TallyRowsState& state) {
  Row row{.kind = kind, .level = level, .cells = {name, tally.total}};
  if (state.handelsetypSaknas) {
    row.cells.insert(row.cells.end(), {view.missing(), view.missing()});
    return row;
  }
  const std::optional<DominantHandelsetyp> dominant = dominantHandelsetyp(tally);
  if (!dominant) {
    row.cells.insert(row.cells.end(), {std::monostate{}, std::monostate{}});
    return row;
  }
  // A tie names no händelsetyp as the most common: "Flera lika vanliga (2)", the names in the
  // footnote in Swedish alphabetical order.
  if (dominant->tie()) {
    std::vector<std::string> tied = {dominant->handelsetyp};
    tied.insert(tied.end(), dominant->tiedWith.begin(), dominant->tiedWith.end());
    row.cells.push_back(view.text(
        "per_enhet.lika", {{"antal", view.number(static_cast<std::int64_t>(tied.size()))}}));
    std::string line =
        view.text("per_enhet.lika_rad", {{"enhet", name}, {"typer", listedNames(view, tied)}});
    // A node and its only child of the same name tie alike: listed once.
    if (state.ties.empty() || state.ties.back() != line) state.ties.push_back(std::move(line));
  } else {
    row.cells.push_back(dominant->handelsetyp);
  }
  row.cells.push_back(dominant->count);
  return row;
}

// The SoL/LSS avvikelser of the period: what the per-enhet table and the shares count.
bool solLssAvvikelseIn(const AvvikelseRecord& r, const HalfYearPeriod& period) {
  return registeredIn(r, period) && oversiktTyp(r) == OversiktTyp::Avvikelse;
}

class PerEnhetRows {
 public:
  PerEnhetRows(const AvvikelserView& view, Table& table, TallyRowsState& state)
      : view_(view), tally_(view.figures().solLssPerUnit), table_(table), state_(state) {}

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
      table_.rows.push_back(tallyRow(view_, RowKind::Item, depth, node.name, *tally, state_));
      return;
    }
    table_.rows.push_back(tallyRow(view_, RowKind::Subtotal, depth, node.name, *tally, state_));
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
                                     state_));
  }

 private:
  const AvvikelserView& view_;
  const OrgTally& tally_;
  Table& table_;
  TallyRowsState& state_;
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
  // A span that ends before the registers start is not covered by them: blank, not a count of
  // zero.
  auto covered = [&](std::size_t s) { return view.reaches(counts.spans[s], AvvikelseDel::SolLss); };
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
  // Only a half-year report has a Halvår column; the second half is written out in full.
  if (view.period().half == 1) table.footnotes.push_back(view.text("oversikt.fotnot_halvar"));
  if (uncovered) table.footnotes.push_back(view.beforeRegistersNote(AvvikelseDel::SolLss));
  if (const std::int64_t late = view.figures().registeredAfterSolLss; late > 0)
    table.footnotes.push_back(view.countSentence("oversikt.fotnot_sena", late));
  return table;
}

Table buildPerEnhetTable(const AvvikelserView& view) {
  Table table{.id = "per_enhet", .title = view.text("per_enhet.rubrik")};
  table.columns = {{view.text("per_enhet.kolumn_enhet"), ColumnKind::Text},
                   {view.text("per_enhet.kolumn_antal"), ColumnKind::Count},
                   {view.text("per_enhet.kolumn_handelsetyp"), ColumnKind::Text},
                   {view.text("per_enhet.kolumn_handelsetyp_antal"), ColumnKind::Count}};
  const ColumnCoverage handelsetyp =
      columnCoverage(view.input().records, kColumnHandelsetyp,
                     [&](const AvvikelseRecord& r) { return solLssAvvikelseIn(r, view.period()); });
  TallyRowsState state{.handelsetypSaknas = handelsetyp.none()};
  PerEnhetRows rows(view, table, state);
  for (const OrgNode* area : view.tree().nodesAtLevel(view.areaLevel())) rows.add(*area, 0);
  const OrgTally& tally = view.figures().solLssPerUnit;
  if (tally.unplaced.total > 0)
    table.rows.push_back(tallyRow(view, RowKind::Item, 0, view.text("per_enhet.ej_placerad"),
                                  tally.unplaced, state));
  table.rows.push_back(
      tallyRow(view, RowKind::Total, 0, view.text("per_enhet.totalt"), tally.all, state));
  if (!state.ties.empty()) {
    std::string list;
    for (std::size_t i = 0; i < state.ties.size() && i < kTiesListed; ++i)
      list += (i == 0 ? "" : "; ") + state.ties[i];
    if (state.ties.size() > kTiesListed)
      list += view.text(
          "per_enhet.lika_fler",
          {{"antal", view.number(static_cast<std::int64_t>(state.ties.size() - kTiesListed))}});
    table.footnotes.push_back(view.text("per_enhet.fotnot_lika", {{"lista", list}}));
  }
  if (const auto note = view.coverageNote(handelsetyp, kColumnHandelsetyp,
                                          view.text("per_enhet.kolumn_handelsetyp")))
    table.footnotes.push_back(*note);
  for (std::string& note :
       view.moveNotes(view.input().orgMovesInPeriod, "org_flytt.fotnot_perioden"))
    table.footnotes.push_back(std::move(note));
  table.footnotes.push_back(view.text("per_enhet.fotnot_enheter"));
  return table;
}

std::vector<Section> buildAndelSections(const AvvikelserView& view) {
  std::vector<Section> sections;
  const OrgTally& tally = view.figures().solLssPerUnit;
  const ColumnCoverage handelsetyp =
      columnCoverage(view.input().records, kColumnHandelsetyp,
                     [&](const AvvikelseRecord& r) { return solLssAvvikelseIn(r, view.period()); });
  for (const OrgNode* area : view.tree().nodesAtLevel(view.areaLevel())) {
    const HandelsetypTally* areaTally = tally.find(area->code);
    if (!areaTally || areaTally->total == 0) continue;
    std::map<std::string, std::int64_t> counts;
    for (const auto& [type, n] : areaTally->byType)
      counts[handelsetyp.none() ? view.missing() : handelsetypName(view, type)] += n;
    const Shares shares = wholePercentShares(counts);
    const PlaceholderValues v = {{"verksamhet", area->name}, {"antal", view.number(shares.total)}};

    // One table only: the chart's own data table, each händelsetyp with its count in the
    // category ("Trygghet (19)") and its share as the value.
    Chart chart{.id = "diagram_andelar_" + area->code,
                .title = view.text("andelar.rubrik", v),
                .description = view.text("andelar.beskrivning", v),
                .valueAxis = view.text("andelar.axel"),
                .kind = ChartKind::Bar};
    ChartSeries series{view.text("andelar.serie"), {}};
    for (const Share& share : shares.items) {
      chart.categories.push_back(view.text(
          "andelar.kategori", {{"typ", share.name}, {"antal", view.number(share.count)}}));
      series.values.push_back(static_cast<double>(share.percent));
    }
    chart.series.push_back(std::move(series));
    chart.footnotes.push_back(view.text("andelar.fotnot_avrundning"));
    if (shares.percentSum != 100)
      chart.footnotes.push_back(
          view.text("andelar.fotnot_summa", {{"summa", std::to_string(shares.percentSum)}}));
    if (const auto note =
            view.coverageNote(handelsetyp, kColumnHandelsetyp, view.text("andelar.serie")))
      chart.footnotes.push_back(*note);
    // A node moved within the period counts in the area it belongs to at its end.
    std::vector<OrgMove> movedHere;
    for (const OrgMove& move : view.input().orgMovesInPeriod)
      if (move.fromAreaCode == area->code || move.toAreaCode == area->code)
        movedHere.push_back(move);
    for (std::string& note : view.moveNotes(movedHere, "org_flytt.fotnot_perioden"))
      chart.footnotes.push_back(std::move(note));
    sections.push_back(std::move(chart));
  }
  return sections;
}

Section buildLexSection(const AvvikelserView& view, AvvikelseTyp typ) {
  const std::string key = typ == AvvikelseTyp::LexSarah ? "lex_sarah" : "lex_maria";
  const OrgTree& tree = view.tree();
  const std::vector<const OrgNode*> units = reportUnits(tree, view.areaLevel(), view.unitLevel());
  std::set<std::string, std::less<>> unitCodes;
  for (const OrgNode* u : units) unitCodes.insert(u->code);

  // Lex Sarah is described by its händelsetyp (SoL/LSS), lex Maria by its HSL kategori.
  const bool sarah = typ == AvvikelseTyp::LexSarah;
  const AvvikelseColumn whatColumn = sarah ? kColumnHandelsetyp : kColumnKategori;
  struct Line {
    CalendarDate registrerad;
    std::string verksamhet, enhet, what, status;
  };
  std::vector<Line> lines;
  for (const AvvikelseRecord& r : view.input().records) {
    if (r.typ != typ || !registeredIn(r, view.period())) continue;
    Line line{.registrerad = r.registrerad};
    const OrgNode* area = tree.ancestorAtLevel(r.org, view.areaLevel());
    const OrgNode* unit = unitOf(tree, r.org, unitCodes);
    line.verksamhet = area ? area->name : view.text("per_enhet.ej_placerad");
    line.enhet = unit && unit != area ? unit->name : "";
    const std::string& what = sarah ? r.handelsetyp : r.kategori;
    line.what = !hasColumn(r, whatColumn) ? view.missing()
                : what.empty()            ? view.text(key + ".ej_angiven")
                                          : what;
    line.status = !hasColumn(r, kColumnStatus) ? view.missing()
                  : r.status.empty()           ? view.text(key + ".status_ej_angiven")
                                               : r.status;
    lines.push_back(std::move(line));
  }
  if (lines.empty()) {
    TextSection none{.id = key, .title = view.text(key + ".rubrik")};
    none.paragraphs.push_back(view.text(key + ".inga"));
    return none;
  }
  // Chronological, then by place: deterministic without showing any id.
  std::sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) {
    return std::tie(a.registrerad, a.verksamhet, a.enhet, a.what, a.status) <
           std::tie(b.registrerad, b.verksamhet, b.enhet, b.what, b.status);
  });
  Table table{.id = key, .title = view.text(key + ".rubrik")};
  table.columns = {{view.text(key + ".kolumn_verksamhet"), ColumnKind::Text},
                   {view.text(key + ".kolumn_enhet"), ColumnKind::Text},
                   {view.text(key + ".kolumn_handelse"), ColumnKind::Text},
                   {view.text(key + ".kolumn_status"), ColumnKind::Text}};
  for (const Line& line : lines)
    table.rows.push_back({.cells = {line.verksamhet, line.enhet, line.what, line.status}});
  const auto inList = [&](const AvvikelseRecord& r) {
    return r.typ == typ && registeredIn(r, view.period());
  };
  for (const auto& [column, header] : {std::pair{whatColumn, key + ".kolumn_handelse"},
                                       std::pair{kColumnStatus, key + ".kolumn_status"}})
    if (const auto note = view.coverageNote(columnCoverage(view.input().records, column, inList),
                                            column, view.text(header)))
      table.footnotes.push_back(*note);
  table.footnotes.push_back(view.text(key + ".fotnot"));
  return table;
}

}  // namespace namnd
