#include "reports/delarsrapport/delar_tables.hpp"

#include <algorithm>
#include <cstdlib>
#include <numeric>

#include "core/money.hpp"
#include "core/number_format.hpp"
#include "reports/delarsrapport/delar_check_tally.hpp"
#include "reports/manadsrapport/tkr_rounding.hpp"

namespace namnd {
namespace {

constexpr std::array<const char*, kDelarColumns> kColumnKeys = {
    "utfall_foreg", "utfall", "budget", "avvikelse", "budget_ar", "prognos", "avvikelse_prognos"};

// The exact base values of a line: foreg, utfall, budget, budget år, prognosavvikelse.
constexpr std::array<DelarColumn, 5> kBase = {kUtfallForeg, kUtfall, kBudget, kBudgetAr,
                                              kAvvikelsePrognos};

std::optional<std::int64_t> exactBase(const DelarLine& l, DelarColumn c) {
  switch (c) {
    case kUtfallForeg:
      return l.utfallForeg;
    case kUtfall:
      return l.utfall;
    case kBudget:
      return l.budget;
    case kBudgetAr:
      return l.budgetAr;
    case kAvvikelsePrognos:
      return l.prognosAvvikelse;
    default:
      return std::nullopt;
  }
}

DelarCells perCell(const DelarLine& l) {
  DelarCells c;
  c[kUtfallForeg] = roundToTkr(l.utfallForeg);
  c[kUtfall] = roundToTkr(l.utfall);
  c[kBudget] = roundToTkr(l.budget);
  c[kAvvikelse] = roundToTkr(l.budget - l.utfall);
  c[kBudgetAr] = roundToTkr(l.budgetAr);
  if (l.prognosAvvikelse) {
    c[kPrognos] = roundToTkr(l.budgetAr - *l.prognosAvvikelse);
    c[kAvvikelsePrognos] = roundToTkr(*l.prognosAvvikelse);
  }
  return c;
}

// Additive: the derived cells from the shown base cells.
void derive(DelarCells& c) {
  c[kAvvikelse] = *c[kBudget] - *c[kUtfall];
  if (c[kAvvikelsePrognos]) c[kPrognos] = *c[kBudgetAr] - *c[kAvvikelsePrognos];
}

// Additive: the base cells of `lines` rounded so that they add up to `target`'s.
std::vector<DelarCells> additive(const std::vector<const DelarLine*>& lines,
                                 const DelarCells& target) {
  std::vector<DelarCells> result(lines.size());
  for (const DelarColumn c : kBase) {
    if (!target[c]) continue;
    std::vector<std::int64_t> exact;
    for (const DelarLine* l : lines) exact.push_back(exactBase(*l, c).value_or(0));
    const auto rounded = roundToTargetTkr(exact, *target[c]);
    for (std::size_t i = 0; i < lines.size(); ++i)
      if (exactBase(*lines[i], c)) result[i][c] = rounded[i];
  }
  for (DelarCells& cells : result) derive(cells);
  return result;
}

CellValue cell(const std::optional<std::int64_t>& v) {
  if (!v) return std::monostate{};
  return *v;
}

Row row(RowKind kind, int level, const std::string& name, const DelarCells& cells,
        const std::vector<DelarColumn>& columns) {
  Row r{kind, level, {name}};
  for (const DelarColumn c : columns) r.cells.push_back(cell(cells[c]));
  return r;
}

const std::vector<DelarColumn> kAllColumns = {kUtfallForeg, kUtfall,  kBudget,          kAvvikelse,
                                              kBudgetAr,    kPrognos, kAvvikelsePrognos};
const std::vector<DelarColumn> kBilagaColumns = {kUtfallForeg, kUtfall,  kBudget,
                                                 kBudgetAr,    kPrognos, kAvvikelsePrognos};

std::string roundingNote(RoundingMode mode, const ReportTexts& texts,
                         const PlaceholderValues& values) {
  return texts.text(mode == RoundingMode::PerCell ? "fotnoter.avrundning_per_cell"
                                                  : "fotnoter.avrundning_additiv",
                    values);
}

void addColumns(Table& table, const std::string& prefix, const std::string& first,
                const std::vector<DelarColumn>& columns, const ReportTexts& texts,
                const PlaceholderValues& values) {
  table.columns.push_back({first, ColumnKind::Text});
  for (const DelarColumn c : columns) {
    // Only a deviation's minus means underskott; an amount's minus is the sign convention.
    const bool deviation = c == kAvvikelse || c == kAvvikelsePrognos;
    table.columns.push_back({texts.text(prefix + "kolumner." + kColumnKeys[c], values),
                             ColumnKind::Amount, 0, deviation});
  }
}

PlaceholderValues withPrognos(PlaceholderValues values, Period snapshot) {
  addPeriodPlaceholders(values, "prognos", snapshot);
  return values;
}

void addPrognosNote(Table& table, const DelarFigures& figures, const ReportTexts& texts,
                    PlaceholderValues values) {
  if (!figures.hasLastYear)
    table.footnotes.push_back(texts.text("fotnoter.ingen_foregaende", values));
  if (figures.snapshotPeriod) {
    addPeriodPlaceholders(values, "prognos", *figures.snapshotPeriod);
    table.footnotes.push_back(texts.text("fotnoter.prognos", values));
  } else {
    table.footnotes.push_back(texts.text("fotnoter.ingen_prognos", values));
  }
}

// ---- checks ----

const char* columnName(DelarColumn c) {
  static constexpr std::array<const char*, kDelarColumns> kNames = {
      "utfall föregående år", "utfall", "budget period", "avvikelse", "budget år", "prognos",
      "avvikelse prognos"};
  return kNames[c];
}

void checkRowIdentities(CheckTally& tally, const std::string& name, const DelarCells& c,
                        std::int64_t tolerance) {
  if (c[kAvvikelse] && c[kBudget] && c[kUtfall])
    tally.compare(name + " avvikelse", *c[kAvvikelse], *c[kBudget] - *c[kUtfall], tolerance);
  if (c[kAvvikelsePrognos] && c[kBudgetAr] && c[kPrognos])
    tally.compare(name + " avvikelse prognos", *c[kAvvikelsePrognos], *c[kBudgetAr] - *c[kPrognos],
                  tolerance);
}

void checkSum(CheckTally& tally, const std::string& name, const std::vector<DelarCells>& rows,
              const DelarCells& total, RoundingMode mode) {
  for (std::size_t c = 0; c < kDelarColumns; ++c) {
    if (!total[c]) continue;
    std::int64_t sum = 0;
    bool any = false;
    for (const DelarCells& r : rows)
      if (r[c]) sum += *r[c], any = true;
    if (!any) continue;
    tally.compare(name + " " + columnName(static_cast<DelarColumn>(c)), *total[c], sum,
                  sumToleranceTkr(rows.size(), mode));
  }
}

}  // namespace

std::vector<std::int64_t> roundToTargetTkr(const std::vector<std::int64_t>& ore,
                                           std::int64_t targetTkr) {
  const std::int64_t unit = Money::kOrePerTkr;
  std::vector<std::int64_t> result(ore.size());
  std::vector<std::int64_t> remainder(ore.size());
  std::int64_t sum = 0;
  for (std::size_t i = 0; i < ore.size(); ++i) {
    std::int64_t floor = ore[i] / unit;
    if (ore[i] % unit != 0 && ore[i] < 0) --floor;
    result[i] = floor;
    remainder[i] = ore[i] - floor * unit;
    sum += floor;
  }
  std::vector<std::size_t> order(ore.size());
  std::iota(order.begin(), order.end(), 0);
  std::int64_t missing = targetTkr - sum;
  if (missing >= 0) {
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return remainder[a] > remainder[b]; });
    for (std::size_t k = 0; missing > 0 && !order.empty(); ++k, --missing)
      ++result[order[k % order.size()]];
  } else {
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return remainder[a] < remainder[b]; });
    for (std::size_t k = 0; missing < 0 && !order.empty(); ++k, ++missing)
      --result[order[k % order.size()]];
  }
  return result;
}

DelarShown roundDelarFigures(const DelarFigures& f, RoundingMode mode) {
  DelarShown s;
  const DelarLine& n = f.netto;
  const bool prognos = n.prognosAvvikelse.has_value();
  s.netto = perCell(n);

  DelarCells& kb = s.kommunbidrag;
  kb[kUtfallForeg] = roundToTkr(f.kommunbidragForeg);
  kb[kUtfall] = roundToTkr(n.budget);
  kb[kBudgetAr] = roundToTkr(n.budgetAr);
  if (prognos) kb[kPrognos] = kb[kBudgetAr], kb[kAvvikelsePrognos] = 0;

  if (mode == RoundingMode::PerCell) {
    for (const DelarLine& l : f.rsum) s.rsum.push_back(perCell(l));
    for (const DelarArea& a : f.areas) {
      s.areas.push_back(perCell(a.line));
      s.units.emplace_back();
      for (const DelarLine& u : a.units) s.units.back().push_back(perCell(u));
    }
    DelarCells& r = s.resultat;
    r[kUtfallForeg] = roundToTkr(f.kommunbidragForeg - n.utfallForeg);
    r[kUtfall] = roundToTkr(n.budget - n.utfall);
    r[kBudgetAr] = 0;  // the kommunbidrag for the year is the year's budget nettokostnad
    if (prognos) r[kPrognos] = roundToTkr(*n.prognosAvvikelse);
  } else {
    std::vector<const DelarLine*> rsum;
    for (const DelarLine& l : f.rsum) rsum.push_back(&l);
    s.rsum = additive(rsum, s.netto);
    // Per-row prognoses that do not add up to the units' prognosis are shown as given (each
    // rounded for itself): spreading the difference would hide it. The checks name it.
    const bool rowsAddUp = f.rsumPrognosAvvikelse && n.prognosAvvikelse &&
                           roundToTkr(*f.rsumPrognosAvvikelse) == roundToTkr(*n.prognosAvvikelse);
    if (!rowsAddUp)
      for (std::size_t i = 0; i < f.rsum.size(); ++i) {
        const DelarCells own = perCell(f.rsum[i]);
        s.rsum[i][kPrognos] = own[kPrognos];
        s.rsum[i][kAvvikelsePrognos] = own[kAvvikelsePrognos];
      }
    std::vector<const DelarLine*> areas;
    for (const DelarArea& a : f.areas) areas.push_back(&a.line);
    s.areas = additive(areas, s.netto);
    for (std::size_t i = 0; i < f.areas.size(); ++i) {
      std::vector<const DelarLine*> units;
      for (const DelarLine& u : f.areas[i].units) units.push_back(&u);
      s.units.push_back(additive(units, s.areas[i]));
    }
    derive(s.netto);
    DelarCells& r = s.resultat;
    for (const DelarColumn c : {kUtfallForeg, kUtfall, kBudgetAr, kPrognos})
      if (kb[c] && s.netto[c]) r[c] = *kb[c] - *s.netto[c];
  }
  if (!f.hasLastYear) {
    // No outcome for last year in the store: a blank column, not a column of zeros.
    auto blank = [](DelarCells& c) { c[kUtfallForeg] = std::nullopt; };
    for (DelarCells& c : s.rsum) blank(c);
    for (DelarCells& c : s.areas) blank(c);
    for (auto& units : s.units)
      for (DelarCells& c : units) blank(c);
    blank(s.netto);
    blank(s.kommunbidrag);
    blank(s.resultat);
  }
  return s;
}

Table buildRsumTable(const DelarFigures& f, const DelarShown& s, RoundingMode mode,
                     const ReportTexts& texts, const PlaceholderValues& values) {
  Table t;
  t.id = "rsum";
  t.title = texts.text("rsum.rubrik", values);
  t.unitNote = texts.text("enhet", values);
  addColumns(t, "", texts.text("rsum.forsta_kolumn", values), kAllColumns, texts, values);
  for (std::size_t i = 0; i < f.rsum.size(); ++i)
    t.rows.push_back(row(RowKind::Item, 0, f.rsum[i].name, s.rsum[i], kAllColumns));
  t.rows.push_back(
      row(RowKind::Subtotal, 0, texts.text("rsum.nettokostnad", values), s.netto, kAllColumns));
  t.rows.push_back(
      row(RowKind::Item, 0, texts.text("rsum.kommunbidrag", values), s.kommunbidrag, kAllColumns));
  t.rows.push_back(
      row(RowKind::Total, 0, texts.text("rsum.resultat", values), s.resultat, kAllColumns));
  t.footnotes.push_back(texts.text("fotnoter.tecken", values));
  t.footnotes.push_back(texts.text("rsum.fotnot_kommunbidrag", values));
  addPrognosNote(t, f, texts, values);
  if (f.rsumPrognosAvvikelse)
    t.footnotes.push_back(texts.text("rsum.fotnot_prognos_per_kostnadsslag", values));
  else if (f.snapshotPeriod && !f.rsumPrognosUnused.empty())
    // The controller's file exists but has no rows for this prognosis: say that, not that
    // prognoses are never given per kostnadsslag.
    t.footnotes.push_back(texts.text("rsum.fotnot_prognos_per_kostnadsslag_saknas",
                                     withPrognos(values, *f.snapshotPeriod)));
  else if (f.snapshotPeriod)
    t.footnotes.push_back(texts.text("rsum.fotnot_prognos_per_rad", values));
  t.footnotes.push_back(roundingNote(mode, texts, values));
  return t;
}

Table buildAreaTable(const DelarFigures& f, const DelarShown& s, RoundingMode mode,
                     const ReportTexts& texts, const PlaceholderValues& values) {
  Table t;
  t.id = "omraden";
  t.title = texts.text("omraden.rubrik", values);
  t.unitNote = texts.text("enhet", values);
  addColumns(t, "", texts.text("omraden.forsta_kolumn", values), kAllColumns, texts, values);
  for (std::size_t i = 0; i < f.areas.size(); ++i)
    t.rows.push_back(row(RowKind::Item, 0, f.areas[i].line.name, s.areas[i], kAllColumns));
  t.rows.push_back(
      row(RowKind::Total, 0, texts.text("omraden.totalt", values), s.netto, kAllColumns));
  t.footnotes.push_back(texts.text("fotnoter.tecken", values));
  addPrognosNote(t, f, texts, values);
  t.footnotes.push_back(roundingNote(mode, texts, values));
  return t;
}

Table buildBilagaTable(const DelarFigures& f, const DelarShown& s, RoundingMode mode,
                       const ReportTexts& texts, const PlaceholderValues& values) {
  Table t;
  t.id = "bilaga";
  t.title = texts.text("bilaga.rubrik", values);
  t.unitNote = texts.text("enhet", values);
  addColumns(t, "bilaga.", texts.text("bilaga.forsta_kolumn", values), kBilagaColumns, texts,
             values);
  for (std::size_t i = 0; i < f.areas.size(); ++i) {
    const bool parent = !f.areas[i].units.empty();
    t.rows.push_back(row(parent ? RowKind::Subtotal : RowKind::Item, 0, f.areas[i].line.name,
                         s.areas[i], kBilagaColumns));
    for (std::size_t u = 0; u < f.areas[i].units.size(); ++u)
      t.rows.push_back(
          row(RowKind::Item, 1, f.areas[i].units[u].name, s.units[i][u], kBilagaColumns));
  }
  t.rows.push_back(
      row(RowKind::Total, 0, texts.text("bilaga.totalt", values), s.netto, kBilagaColumns));
  t.footnotes.push_back(texts.text("bilaga.fotnot_org", values));
  addPrognosNote(t, f, texts, values);
  t.footnotes.push_back(roundingNote(mode, texts, values));
  return t;
}

void addDelarTableChecks(CheckSection& checks, const DelarFigures& f, const DelarShown& s,
                         RoundingMode mode) {
  const std::int64_t cellTolerance = cellToleranceTkr(mode);
  checks.items.push_back({"Avrundningsläge",
                          mode == RoundingMode::PerCell
                              ? "per cell: varje tkr-belopp avrundas för sig från exakta belopp "
                                "(halva från noll); en avvikelse (skillnad mellan två celler) "
                                "får därför skilja högst 1 tkr och en summa av n rader högst "
                                "⌊n/2⌋ + 1 tkr från det som räknas fram ur de avrundade cellerna"
                              : "additivt: största-rest-metoden, rader summerar exakt till "
                                "delsummor och totaler och avvikelser är beräknade i tkr",
                          CheckStatus::Ok});

  CheckTally avvikelse;
  for (std::size_t i = 0; i < f.rsum.size(); ++i)
    checkRowIdentities(avvikelse, f.rsum[i].name, s.rsum[i], cellTolerance);
  checkRowIdentities(avvikelse, f.netto.name, s.netto, cellTolerance);
  for (std::size_t i = 0; i < f.areas.size(); ++i) {
    checkRowIdentities(avvikelse, f.areas[i].line.name, s.areas[i], cellTolerance);
    for (std::size_t u = 0; u < f.areas[i].units.size(); ++u)
      checkRowIdentities(avvikelse, f.areas[i].units[u].name, s.units[i][u], cellTolerance);
  }
  checks.items.push_back(avvikelse.item(
      "Avvikelse = Budget − Utfall och Avvikelse prognos = Budget år − Prognos, på varje rad"));

  CheckTally rsumSum;
  checkSum(rsumSum, "Nettokostnad", s.rsum, s.netto, mode);
  checks.items.push_back(rsumSum.item("RSUM: Σ rader = Nettokostnad"));

  CheckTally areaSum;
  checkSum(areaSum, "Totalt", s.areas, s.netto, mode);
  checks.items.push_back(areaSum.item("Ansvarsområden: Σ områden = totalen"));

  // Both totals are rounded from the same exact öre, so they agree exactly in either mode.
  CheckTally totals;
  DelarLine rsumExact;
  for (const DelarLine& l : f.rsum) {
    rsumExact.utfallForeg += l.utfallForeg;
    rsumExact.utfall += l.utfall;
    rsumExact.budget += l.budget;
    rsumExact.budgetAr += l.budgetAr;
  }
  totals.compare("utfall föregående år (öre)", rsumExact.utfallForeg, f.netto.utfallForeg, 0);
  totals.compare("utfall (öre)", rsumExact.utfall, f.netto.utfall, 0);
  totals.compare("budget period (öre)", rsumExact.budget, f.netto.budget, 0);
  totals.compare("budget år (öre)", rsumExact.budgetAr, f.netto.budgetAr, 0);
  checks.items.push_back(
      totals.item("RSUM Nettokostnad = ansvarsområdenas total (exakta belopp)", "stämmer på öret"));

  if (f.rsumPrognosAvvikelse && f.netto.prognosAvvikelse) {
    // Both are exact; the controller's rows are typically whole tkr, so they may differ by less.
    CheckTally rowPrognos;
    rowPrognos.compare("avvikelse prognos", roundToTkr(*f.rsumPrognosAvvikelse),
                       roundToTkr(*f.netto.prognosAvvikelse), sumToleranceTkr(f.rsum.size(), mode));
    checks.items.push_back(
        rowPrognos.item("Prognos per kostnadsslag: Σ rader = enheternas prognos"));
  }

  CheckTally resultat;
  for (const DelarColumn c : {kUtfallForeg, kUtfall, kBudgetAr, kPrognos})
    if (s.resultat[c] && s.kommunbidrag[c] && s.netto[c])
      resultat.compare(std::string("Resultat ") + columnName(c), *s.resultat[c],
                       *s.kommunbidrag[c] - *s.netto[c], cellTolerance);
  checks.items.push_back(resultat.item("Resultat = Kommunbidrag − Nettokostnad"));
}

}  // namespace namnd
