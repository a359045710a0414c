#include "reports/avvikelser/hsl_tables.hpp"

#include <algorithm>
#include <array>
#include <map>

namespace namnd {
namespace {

// Columns "<first> | <same span a year earlier> | <the period>".
Table twoSpanTable(const AvvikelserView& view, const std::string& id, const std::string& title,
                   const std::string& firstColumn) {
  Table table{.id = id, .title = title};
  table.columns = {{firstColumn, ColumnKind::Text},
                   {view.spanColumn(sameSpanYearBefore(view.period())), ColumnKind::Count},
                   {view.spanColumn(view.period()), ColumnKind::Count}};
  return table;
}

}  // namespace

CellValue personCell(const AvvikelserView& view, std::int64_t persons) {
  if (persons < view.input().config.avvikelser.personThreshold) return view.text("ej_visat");
  return persons;
}

Table buildHslKategoriTable(const AvvikelserView& view) {
  Table table = twoSpanTable(view, "hsl_kategorier", view.text("hsl_kategorier.rubrik"),
                             view.text("hsl_kategorier.forsta_kolumn"));
  // Förändring is a number shown with its sign ("+18", "-3"); fewer reports is not an underskott.
  table.columns.push_back({.header = view.text("hsl_kategorier.forandring"),
                           .kind = ColumnKind::Count,
                           .markNegative = false,
                           .showPlusSign = true});
  // A span the HSL registers do not reach is blank, and so is the change against it.
  const bool thenReached = view.reaches(sameSpanYearBefore(view.period()), AvvikelseDel::Hsl);
  const bool nowReached = view.reaches(view.period(), AvvikelseDel::Hsl);
  const auto cells = [&](const std::string& name, std::int64_t then, std::int64_t now) {
    return std::vector<CellValue>{name, thenReached ? CellValue(then) : CellValue(),
                                  nowReached ? CellValue(now) : CellValue(),
                                  thenReached && nowReached ? CellValue(now - then) : CellValue()};
  };
  for (const KategoriCount& k : view.figures().hslKategorier) {
    const std::string name =
        k.kategori.empty() ? view.text("hsl_kategorier.utan_kategori") : k.kategori;
    table.rows.push_back({.cells = cells(name, k.previous, k.current)});
  }
  table.rows.push_back(
      {.kind = RowKind::Total,
       .cells = cells(view.text("hsl_kategorier.totalt"), view.figures().previous.hslAvvikelser,
                      view.figures().current.hslAvvikelser)});
  // A change is only explained where one is shown.
  if (thenReached && nowReached)
    table.footnotes.push_back(view.text("hsl_kategorier.fotnot_forandring"));
  else
    table.footnotes.push_back(view.beforeRegistersNote(AvvikelseDel::Hsl));
  table.footnotes.push_back(view.text("hsl_kategorier.fotnot"));
  if (const std::int64_t late = view.figures().registeredAfterHsl; late > 0)
    table.footnotes.push_back(view.countSentence("hsl_kategorier.fotnot_sena", late));
  return table;
}

Table buildFallTable(const AvvikelserView& view) {
  Table table =
      twoSpanTable(view, "fall", view.text("fall.rubrik"), view.text("fall.forsta_kolumn"));
  const std::string kategori = view.text("fall.kategori");
  const std::array<HalfYearPeriod, 2> spans = {sameSpanYearBefore(view.period()), view.period()};
  std::array<FallFacts, 2> facts;
  std::array<bool, 2> reached{};
  for (std::size_t i = 0; i < spans.size(); ++i) {
    facts[i] = countFall(view.input().records, spans[i], kategori);
    reached[i] = view.reaches(spans[i], AvvikelseDel::Hsl);
  }

  // A figure counted from the fall of registers without its column reads "uppgift saknas" (no
  // register could count it) or is footnoted (only some could).
  std::vector<std::string> coverageNotes;
  const auto cell = [&](const std::string& key, AvvikelseColumn column, std::size_t i,
                        CellValue value) -> CellValue {
    if (!reached[i]) return CellValue();
    const ColumnCoverage coverage =
        columnCoverage(view.input().records, column, [&](const AvvikelseRecord& r) {
          return isHslAvvikelse(r) && registeredIn(r, spans[i]) &&
                 sameKategori(r.kategori, kategori);
        });
    if (const auto note = view.coverageNote(
            coverage, column, view.text("fall." + key) + ", " + view.spanColumn(spans[i])))
      coverageNotes.push_back(*note);
    return coverage.none() ? CellValue(view.missing()) : value;
  };
  const auto row = [&](const std::string& key, AvvikelseColumn column, auto value) {
    table.rows.push_back({.cells = {view.text("fall." + key), cell(key, column, 0, value(facts[0])),
                                    cell(key, column, 1, value(facts[1]))}});
  };
  const auto countCell = [&](std::size_t i) {
    return reached[i] ? CellValue(facts[i].count) : CellValue();
  };
  table.rows.push_back({.cells = {view.text("fall.fall"), countCell(0), countCell(1)}});
  row("personer", kColumnPerson, [&](const FallFacts& f) { return personCell(view, f.persons); });
  row("hoftbyxa", kColumnHoftbyxa, [](const FallFacts& f) { return CellValue(f.hoftbyxa); });
  row("ganghjalpmedel", kColumnGanghjalpmedel,
      [](const FallFacts& f) { return CellValue(f.ganghjalpmedel); });
  row("fraktur", kColumnFraktur, [](const FallFacts& f) { return CellValue(f.fraktur); });

  const CellValue hiddenCell = view.text("ej_visat");
  if (table.rows[1].cells[1] == hiddenCell || table.rows[1].cells[2] == hiddenCell)
    table.footnotes.push_back(view.text("fall.fotnot_personer"));
  if (!reached[0] || !reached[1])
    table.footnotes.push_back(view.beforeRegistersNote(AvvikelseDel::Hsl));
  for (std::size_t i = 0; i < spans.size(); ++i)
    if (reached[i] && facts[i].withoutPerson > 0)
      table.footnotes.push_back(view.text(
          "fall.fotnot_utan_person",
          {{"antal", view.number(facts[i].withoutPerson)}, {"kolumn", view.spanColumn(spans[i])}}));
  table.footnotes.insert(table.footnotes.end(), coverageNotes.begin(), coverageNotes.end());
  return table;
}

Table buildLakemedelTable(const AvvikelserView& view) {
  const OrgTree& tree = view.tree();
  const std::string kategori = view.text("lakemedel.kategori");
  const std::array<HalfYearPeriod, 3> spans = {
      HalfYearPeriod{view.period().year - 2, view.period().half}, sameSpanYearBefore(view.period()),
      view.period()};

  Table table{.id = "lakemedel", .title = view.text("lakemedel.rubrik")};
  table.columns = {{view.text("lakemedel.kolumn_verksamhet"), ColumnKind::Text},
                   {view.text("lakemedel.kolumn_enhet"), ColumnKind::Text}};
  for (const HalfYearPeriod& span : spans)
    table.columns.push_back({view.spanColumn(span), ColumnKind::Count});

  const std::vector<const OrgNode*> units = reportUnits(tree, view.areaLevel(), view.unitLevel());
  std::set<std::string, std::less<>> unitCodes;
  for (const OrgNode* u : units) unitCodes.insert(u->code);
  std::map<std::string, std::array<std::int64_t, 3>, std::less<>> perUnit;
  std::array<std::int64_t, 3> unplaced{}, total{};
  for (const AvvikelseRecord& r : view.input().records) {
    if (!isHslAvvikelse(r) || !sameKategori(r.kategori, kategori)) continue;
    const OrgNode* unit = unitOf(tree, r.org, unitCodes);
    for (std::size_t s = 0; s < spans.size(); ++s) {
      if (!registeredIn(r, spans[s])) continue;
      ++total[s];
      if (unit)
        ++perUnit[unit->code][s];
      else
        ++unplaced[s];
    }
  }
  // A year the HSL registers do not reach is blank, not 0.
  std::array<bool, 3> reached{};
  for (std::size_t s = 0; s < spans.size(); ++s)
    reached[s] = view.reaches(spans[s], AvvikelseDel::Hsl);
  const auto addCounts = [&](Row& row, const std::array<std::int64_t, 3>& counts) {
    for (std::size_t s = 0; s < spans.size(); ++s)
      row.cells.push_back(reached[s] ? CellValue(counts[s]) : CellValue());
  };
  for (const OrgNode* unit : units) {
    const auto found = perUnit.find(unit->code);
    if (found == perUnit.end()) continue;
    const OrgNode* area = tree.ancestorAtLevel(unit->code, view.areaLevel());
    Row row{.cells = {area ? area->name : std::string(), unit == area ? "" : unit->name}};
    addCounts(row, found->second);
    table.rows.push_back(std::move(row));
  }
  if (unplaced != std::array<std::int64_t, 3>{}) {
    Row row{.cells = {view.text("lakemedel.ej_placerad"), std::string()}};
    addCounts(row, unplaced);
    table.rows.push_back(std::move(row));
  }
  Row totalRow{.kind = RowKind::Total, .cells = {view.text("lakemedel.totalt"), std::string()}};
  addCounts(totalRow, total);
  table.rows.push_back(std::move(totalRow));
  if (std::find(reached.begin(), reached.end(), false) != reached.end())
    table.footnotes.push_back(view.beforeRegistersNote(AvvikelseDel::Hsl));
  for (const std::string& note : orgMoveNotes(view)) table.footnotes.push_back(note);
  return table;
}

Table buildHslOvrigtTable(const AvvikelserView& view) {
  Table table = twoSpanTable(view, "hsl_ovrigt", view.text("hsl_ovrigt.rubrik"),
                             view.text("hsl_ovrigt.forsta_kolumn"));
  const AvvikelseTotals& now = view.figures().current;
  const AvvikelseTotals& then = view.figures().previous;
  const std::array<HalfYearPeriod, 2> spans = {sameSpanYearBefore(view.period()), view.period()};
  // A span the HSL registers do not reach is blank, not 0.
  const std::array<bool, 2> reached = {view.reaches(spans[0], AvvikelseDel::Hsl),
                                       view.reaches(spans[1], AvvikelseDel::Hsl)};
  const auto count = [&](std::size_t i, std::int64_t value) {
    return reached[i] ? CellValue(value) : CellValue();
  };
  auto row = [&](const std::string& key, std::int64_t AvvikelseTotals::*member) {
    table.rows.push_back(
        {.cells = {view.text("hsl_ovrigt." + key), count(0, then.*member), count(1, now.*member)}});
  };
  row("klagomal", &AvvikelseTotals::hslKlagomal);
  row("lex_maria", &AvvikelseTotals::lexMaria);
  // The direction of an extern avvikelse needs the riktning column.
  std::array<ColumnCoverage, 2> riktning;
  for (std::size_t i = 0; i < spans.size(); ++i)
    riktning[i] =
        columnCoverage(view.input().records, kColumnRiktning, [&](const AvvikelseRecord& r) {
          return r.typ == AvvikelseTyp::Extern && registeredIn(r, spans[i]);
        });
  for (const auto& [key, member] :
       {std::pair{"extern_fran", &AvvikelseTotals::externFranKommunen},
        std::pair{"extern_till", &AvvikelseTotals::externTillKommunen}}) {
    Row r{.cells = {view.text(std::string("hsl_ovrigt.") + key)}};
    for (std::size_t i = 0; i < spans.size(); ++i)
      r.cells.push_back(!reached[i]          ? CellValue()
                        : riktning[i].none() ? CellValue(view.missing())
                                             : count(i, (i == 0 ? then : now).*member));
    table.rows.push_back(std::move(r));
  }
  if (!reached[0] || !reached[1])
    table.footnotes.push_back(view.beforeRegistersNote(AvvikelseDel::Hsl));
  for (std::size_t i = 0; i < spans.size(); ++i) {
    if (!reached[i]) continue;
    if (const auto note =
            view.coverageNote(riktning[i], kColumnRiktning,
                              view.text("hsl_ovrigt.externa") + ", " + view.spanColumn(spans[i])))
      table.footnotes.push_back(*note);
  }
  return table;
}

Section buildExternaSection(const AvvikelserView& view) {
  const std::vector<ExternCount> counts = countExterna(view.input().records, view.period());
  if (counts.empty()) {
    TextSection none{.id = "externa", .title = view.text("externa.rubrik")};
    none.paragraphs.push_back(view.text("externa.inga"));
    return none;
  }
  ExternCount sum;
  for (const ExternCount& c : counts) {
    sum.franKommunen += c.franKommunen;
    sum.tillKommunen += c.tillKommunen;
    sum.utanRiktning += c.utanRiktning;
    sum.riktningSaknas += c.riktningSaknas;
  }
  // No register of these reports has the riktning column: the direction is not known at all.
  const bool riktningUnknown = sum.franKommunen + sum.tillKommunen + sum.utanRiktning == 0;
  Table table{.id = "externa", .title = view.text("externa.rubrik")};
  table.columns = {{view.text("externa.kolumn_vardgivare"), ColumnKind::Text},
                   {view.text("externa.kolumn_fran"), ColumnKind::Count},
                   {view.text("externa.kolumn_till"), ColumnKind::Count}};
  if (sum.utanRiktning > 0)
    table.columns.push_back({view.text("externa.kolumn_utan"), ColumnKind::Count});
  if (sum.riktningSaknas > 0 && !riktningUnknown)
    table.columns.push_back({view.text("externa.kolumn_saknas"), ColumnKind::Count});
  const auto addRow = [&](RowKind kind, const std::string& name, const ExternCount& c) {
    Row row{.kind = kind, .cells = {name}};
    if (riktningUnknown) {
      row.cells.insert(row.cells.end(), {view.missing(), view.missing()});
    } else {
      row.cells.insert(row.cells.end(), {c.franKommunen, c.tillKommunen});
    }
    if (sum.utanRiktning > 0) row.cells.push_back(c.utanRiktning);
    if (sum.riktningSaknas > 0 && !riktningUnknown) row.cells.push_back(c.riktningSaknas);
    table.rows.push_back(std::move(row));
  };
  for (const ExternCount& c : counts)
    addRow(RowKind::Item,
           c.partSaknas     ? view.text("externa.vardgivare_saknas")
           : c.part.empty() ? view.text("externa.ej_angiven")
                            : c.part,
           c);
  addRow(RowKind::Total, view.text("externa.totalt"), sum);
  const auto inTable = [&](const AvvikelseRecord& r) {
    return r.typ == AvvikelseTyp::Extern && registeredIn(r, view.period());
  };
  for (const auto& [column, header] : {std::pair{kColumnExternPart, "externa.kolumn_vardgivare"},
                                       std::pair{kColumnRiktning, "externa.riktning"}})
    if (const auto note = view.coverageNote(columnCoverage(view.input().records, column, inTable),
                                            column, view.text(header)))
      table.footnotes.push_back(*note);
  return table;
}

std::vector<std::string> orgMoveNotes(const AvvikelserView& view) {
  return view.moveNotes(view.input().orgMoves, "org_flytt.fotnot",
                        {{"fore", view.spanText(view.input().orgMovesSince)}});
}

}  // namespace namnd
