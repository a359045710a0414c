#include "reports/avvikelser/hsl_tables.hpp"

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
  table.columns.push_back({view.text("hsl_kategorier.forandring"), ColumnKind::Count});
  for (const KategoriCount& k : view.figures().hslKategorier) {
    const std::string name =
        k.kategori.empty() ? view.text("hsl_kategorier.utan_kategori") : k.kategori;
    table.rows.push_back({.cells = {name, k.previous, k.current, k.current - k.previous}});
  }
  const std::int64_t now = view.figures().current.hslAvvikelser;
  const std::int64_t then = view.figures().previous.hslAvvikelser;
  table.rows.push_back({.kind = RowKind::Total,
                        .cells = {view.text("hsl_kategorier.totalt"), then, now, now - then}});
  table.footnotes.push_back(view.text("hsl_kategorier.fotnot"));
  return table;
}

Table buildFallTable(const AvvikelserView& view) {
  Table table =
      twoSpanTable(view, "fall", view.text("fall.rubrik"), view.text("fall.forsta_kolumn"));
  const std::string kategori = view.text("fall.kategori");
  const std::array<HalfYearPeriod, 2> spans = {sameSpanYearBefore(view.period()), view.period()};
  std::array<FallFacts, 2> facts;
  for (std::size_t i = 0; i < spans.size(); ++i)
    facts[i] = countFall(view.input().records, spans[i], kategori);

  auto row = [&](const std::string& key, auto member) {
    table.rows.push_back({.cells = {view.text("fall." + key), facts[0].*member, facts[1].*member}});
  };
  row("fall", &FallFacts::count);
  table.rows.push_back({.cells = {view.text("fall.personer"), personCell(view, facts[0].persons),
                                  personCell(view, facts[1].persons)}});
  row("hoftbyxa", &FallFacts::hoftbyxa);
  row("ganghjalpmedel", &FallFacts::ganghjalpmedel);
  row("fraktur", &FallFacts::fraktur);

  const int threshold = view.input().config.avvikelser.personThreshold;
  if (facts[0].persons < threshold || facts[1].persons < threshold)
    table.footnotes.push_back(view.text("fall.fotnot_personer"));
  for (std::size_t i = 0; i < spans.size(); ++i)
    if (facts[i].withoutPerson > 0)
      table.footnotes.push_back(view.text(
          "fall.fotnot_utan_person",
          {{"antal", view.number(facts[i].withoutPerson)}, {"kolumn", view.spanColumn(spans[i])}}));
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
  for (const OrgNode* unit : units) {
    const auto found = perUnit.find(unit->code);
    if (found == perUnit.end()) continue;
    const OrgNode* area = tree.ancestorAtLevel(unit->code, view.areaLevel());
    Row row{.cells = {area ? area->name : std::string(), unit == area ? "" : unit->name}};
    for (std::int64_t n : found->second) row.cells.push_back(n);
    table.rows.push_back(std::move(row));
  }
  if (unplaced != std::array<std::int64_t, 3>{}) {
    Row row{.cells = {view.text("lakemedel.ej_placerad"), std::string()}};
    for (std::int64_t n : unplaced) row.cells.push_back(n);
    table.rows.push_back(std::move(row));
  }
  Row totalRow{.kind = RowKind::Total, .cells = {view.text("lakemedel.totalt"), std::string()}};
  for (std::int64_t n : total) totalRow.cells.push_back(n);
  table.rows.push_back(std::move(totalRow));
  return table;
}

Table buildHslOvrigtTable(const AvvikelserView& view) {
  Table table = twoSpanTable(view, "hsl_ovrigt", view.text("hsl_ovrigt.rubrik"),
                             view.text("hsl_ovrigt.forsta_kolumn"));
  const AvvikelseTotals& now = view.figures().current;
  const AvvikelseTotals& then = view.figures().previous;
  auto row = [&](const std::string& key, std::int64_t AvvikelseTotals::*member) {
    table.rows.push_back({.cells = {view.text("hsl_ovrigt." + key), then.*member, now.*member}});
  };
  row("klagomal", &AvvikelseTotals::hslKlagomal);
  row("lex_maria", &AvvikelseTotals::lexMaria);
  row("extern_fran", &AvvikelseTotals::externFranKommunen);
  row("extern_till", &AvvikelseTotals::externTillKommunen);
  return table;
}

Section buildExternaSection(const AvvikelserView& view) {
  const std::vector<ExternCount> counts = countExterna(view.input().records, view.period());
  if (counts.empty()) {
    TextSection none{.id = "externa", .title = view.text("externa.rubrik")};
    none.paragraphs.push_back(view.text("externa.inga"));
    return none;
  }
  bool withoutDirection = false;
  for (const ExternCount& c : counts) withoutDirection |= c.utanRiktning > 0;
  Table table{.id = "externa", .title = view.text("externa.rubrik")};
  table.columns = {{view.text("externa.kolumn_vardgivare"), ColumnKind::Text},
                   {view.text("externa.kolumn_fran"), ColumnKind::Count},
                   {view.text("externa.kolumn_till"), ColumnKind::Count}};
  if (withoutDirection)
    table.columns.push_back({view.text("externa.kolumn_utan"), ColumnKind::Count});
  ExternCount sum;
  for (const ExternCount& c : counts) {
    Row row{.cells = {c.part.empty() ? view.text("externa.ej_angiven") : c.part, c.franKommunen,
                      c.tillKommunen}};
    if (withoutDirection) row.cells.push_back(c.utanRiktning);
    table.rows.push_back(std::move(row));
    sum.franKommunen += c.franKommunen;
    sum.tillKommunen += c.tillKommunen;
    sum.utanRiktning += c.utanRiktning;
  }
  Row total{.kind = RowKind::Total,
            .cells = {view.text("externa.totalt"), sum.franKommunen, sum.tillKommunen}};
  if (withoutDirection) total.cells.push_back(sum.utanRiktning);
  table.rows.push_back(std::move(total));
  return table;
}

}  // namespace namnd
