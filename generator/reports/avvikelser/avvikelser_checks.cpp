#include "reports/avvikelser/avvikelser_checks.hpp"

#include <algorithm>
#include <map>

#include "reports/avvikelser/hsl_tables.hpp"
#include "reports/avvikelser/underreporting_section.hpp"

namespace namnd {
namespace {

CheckStatus okIf(bool ok) { return ok ? CheckStatus::Ok : CheckStatus::Error; }

std::string joined(const AvvikelserView& view, const std::vector<std::int64_t>& parts) {
  std::string text;
  for (std::int64_t n : parts) text += (text.empty() ? "" : " + ") + view.number(n);
  return text.empty() ? "0" : text;
}

void checkOversikt(CheckSection& checks, const AvvikelserView& view) {
  const OversiktCounts& o = view.figures().oversikt;
  bool ok = true;
  std::string detail;
  for (std::size_t s = 0; s < o.spans.size(); ++s) {
    if (!view.reaches(o.spans[s], AvvikelseDel::SolLss)) continue;  // blank in the table
    ok = ok && o.rowSum(s) == o.solLssRecords[s];
    const auto& t = o.byTyp[s];
    detail += (detail.empty() ? "" : "; ") + view.spanColumn(o.spans[s]) + ": " +
              joined(view, {t[0], t[1], t[2]}) + " = " + view.number(o.solLssRecords[s]);
  }
  checks.items.push_back({view.text("kontroller.oversikt"), detail, okIf(ok)});
}

void checkPerEnhet(CheckSection& checks, const AvvikelserView& view, const Table& perEnhet) {
  std::int64_t items = 0;
  for (const Row& row : perEnhet.rows)
    if (row.kind == RowKind::Item)
      if (const auto* n = std::get_if<std::int64_t>(&row.cells.at(1))) items += *n;
  const std::int64_t expected = view.figures().oversikt.byTyp.back()[0];
  checks.items.push_back(
      {view.text("kontroller.per_enhet"),
       view.text("kontroller.detalj_per_enhet",
                 {{"summa", view.number(items)}, {"oversikt", view.number(expected)}}),
       okIf(items == expected)});
  const OrgTally& tally = view.figures().solLssPerUnit;
  if (tally.unplaced.total > 0) {
    std::string codes;
    for (const auto& [code, n] : tally.unplacedCodes)
      codes += (codes.empty() ? "" : ", ") +
               (code.empty() ? view.text("kontroller.detalj_tom_kod") : code) + " (" +
               view.number(n) + ")";
    checks.items.push_back({view.text("kontroller.ej_placerade"), codes, CheckStatus::Warning});
  }
}

void checkHsl(CheckSection& checks, const AvvikelserView& view) {
  const AvvikelserFigures& f = view.figures();
  std::vector<std::int64_t> now, then;
  std::int64_t sumNow = 0, sumThen = 0, withoutKategori = 0;
  for (const KategoriCount& k : f.hslKategorier) {
    now.push_back(k.current);
    then.push_back(k.previous);
    sumNow += k.current;
    sumThen += k.previous;
    if (k.kategori.empty()) withoutKategori = k.current;
  }
  // The year before is checked only when the registers reach it (the table shows it blank).
  const HalfYearPeriod before = sameSpanYearBefore(view.period());
  const bool beforeReached = view.reaches(before, AvvikelseDel::Hsl);
  checks.items.push_back(
      {view.text("kontroller.hsl_kategorier"),
       view.spanColumn(view.period()) + ": " + joined(view, now) + " = " +
           view.number(f.current.hslAvvikelser) +
           (beforeReached ? "; " + view.spanColumn(before) + ": " + joined(view, then) + " = " +
                                view.number(f.previous.hslAvvikelser)
                          : std::string()),
       okIf(sumNow == f.current.hslAvvikelser &&
            (!beforeReached || sumThen == f.previous.hslAvvikelser))});
  if (withoutKategori > 0)
    checks.items.push_back({view.text("kontroller.utan_kategori"), view.number(withoutKategori),
                            CheckStatus::Warning});

  for (const auto& [key, kategoriKey] :
       {std::pair{"kontroller.fall_kategori", "fall.kategori"},
        std::pair{"kontroller.lakemedel_kategori", "lakemedel.kategori"}}) {
    const std::string kategori = view.text(kategoriKey);
    bool found = false;
    for (const AvvikelseRecord& r : view.input().records)
      found = found || (isHslAvvikelse(r) && sameKategori(r.kategori, kategori));
    checks.items.push_back(
        {view.text(key),
         view.text(found ? "kontroller.detalj_kategori_finns" : "kontroller.detalj_kategori_saknas",
                   {{"kategori", kategori}, {"nyckel", kategoriKey}}),
         found ? CheckStatus::Ok : CheckStatus::Warning});
  }
}

void checkTotals(CheckSection& checks, const AvvikelserView& view) {
  const AvvikelserFigures& f = view.figures();
  for (const auto& [span, totals] : {std::pair{view.period(), f.current},
                                     std::pair{sameSpanYearBefore(view.period()), f.previous}}) {
    if (!view.reachesBoth(span)) continue;  // no total is shown for it
    checks.items.push_back({view.text("kontroller.totalt") + ", " + view.spanColumn(span),
                            view.number(totals.grand()) + " = " +
                                view.number(totals.hslAvvikelser) + " + " +
                                view.number(totals.solLss),
                            okIf(totals.grand() == totals.hslAvvikelser + totals.solLss)});
  }
  const std::int64_t oversiktTotal = f.oversikt.rowSum(f.oversikt.spans.size() - 1);
  checks.items.push_back(
      {view.text("kontroller.oversikt_totalt"),
       view.text("kontroller.detalj_oversikt_totalt", {{"oversikt", view.number(oversiktTotal)},
                                                       {"summa", view.number(f.current.solLss)}}),
       okIf(oversiktTotal == f.current.solLss)});
}

void checkShares(CheckSection& checks, const AvvikelserView& view) {
  const OrgTally& tally = view.figures().solLssPerUnit;
  std::string detail;
  for (const OrgNode* area : view.tree().nodesAtLevel(view.areaLevel())) {
    const HandelsetypTally* t = tally.find(area->code);
    if (!t || t->total == 0) continue;
    std::map<std::string, std::int64_t> counts;
    for (const auto& [type, n] : t->byType) counts[type] += n;
    const Shares shares = wholePercentShares(counts);
    std::vector<std::int64_t> percents;
    for (const Share& s : shares.items) percents.push_back(s.percent);
    detail += (detail.empty() ? "" : "; ") + area->name + ": " + joined(view, percents) + " = " +
              std::to_string(shares.percentSum) + " %";
  }
  checks.items.push_back({view.text("kontroller.andelar"), detail, CheckStatus::Ok});
}

// The optional columns a record's figures need (what a register without them cannot count).
std::uint16_t columnsNeeded(const AvvikelseRecord& r, std::string_view fallKategori) {
  std::uint16_t needed = kColumnHandelsedatum;  // the late-registration footnotes
  if (isHslAvvikelse(r)) {
    needed |= kColumnKategori;
    if (sameKategori(r.kategori, fallKategori))
      needed |= kColumnPerson | kColumnHoftbyxa | kColumnGanghjalpmedel | kColumnFraktur;
  }
  if (oversiktTyp(r) == OversiktTyp::Avvikelse) needed |= kColumnHandelsetyp;
  if (r.typ == AvvikelseTyp::LexSarah) needed |= kColumnHandelsetyp | kColumnStatus;
  if (r.typ == AvvikelseTyp::LexMaria) needed |= kColumnKategori | kColumnStatus;
  if (r.typ == AvvikelseTyp::Extern) needed |= kColumnExternPart | kColumnRiktning;
  return needed;
}

// Per register: which optional columns it had, and a warning naming every column it lacks that
// its reports' figures need.
void checkColumns(CheckSection& checks, const AvvikelserView& view) {
  const AvvikelserInput& input = view.input();
  std::vector<AvvikelseRegisterFile> files = input.registerFiles;
  std::map<std::string, std::uint16_t> needed;
  for (const AvvikelseRecord& r : input.records) {
    needed[r.source] |= columnsNeeded(r, view.text("fall.kategori"));
    if (input.registerFiles.empty() &&
        std::none_of(files.begin(), files.end(),
                     [&](const AvvikelseRegisterFile& f) { return f.name == r.source; }))
      files.push_back({.name = r.source, .columns = r.columns});
  }
  for (const AvvikelseRegisterFile& file : files) {
    checks.items.push_back({view.text("kontroller.kolumner", {{"fil", file.name}}),
                            file.rowsRead == 0 && !input.registerFiles.empty()
                                ? view.text("kontroller.detalj_inga_rader")
                            : file.columns == 0 ? view.text("kontroller.detalj_inga")
                                                : view.columnNames(file.columns, file.name),
                            file.rowsRead == 0 && !input.registerFiles.empty()
                                ? CheckStatus::Warning
                                : CheckStatus::Ok});
    const std::uint16_t missing = needed[file.name] & ~file.columns;
    if (missing != 0)
      checks.items.push_back(
          {view.text("kontroller.kolumner_saknas", {{"fil", file.name}}),
           view.text("kontroller.detalj_kolumner_saknas",
                     {{"fil", file.name}, {"kolumner", view.columnNames(missing, file.name)}}),
           CheckStatus::Warning});
  }
}

void checkSignals(CheckSection& checks, const AvvikelserView& view) {
  const AvvikelserInput& input = view.input();
  const AvvikelserFigures& f = view.figures();
  checks.items.push_back(
      {view.text("kontroller.sena"),
       f.registeredAfter == 0
           ? view.text("kontroller.detalj_inga")
           : view.text("kontroller.detalj_sena", {{"sol_lss", view.number(f.registeredAfterSolLss)},
                                                  {"hsl", view.number(f.registeredAfterHsl)}}),
       CheckStatus::Ok});
  for (const std::string& note : orgMoveNotes(view))
    checks.items.push_back({view.text("kontroller.org_flytt"), note, CheckStatus::Ok});
  checks.items.push_back(
      {view.text("kontroller.personer"), view.text("kontroller.detalj_personer"), CheckStatus::Ok});

  std::string flagged;
  std::int64_t flaggedCount = 0;
  for (const UnitReporting& u : view.figures().units) {
    if (!u.flagged()) continue;
    ++flaggedCount;
    flagged += (flagged.empty() ? "" : ", ") + u.unit->name;
  }
  checks.items.push_back(
      {view.text("kontroller.underrapportering"),
       flaggedCount == 0 ? view.text("kontroller.detalj_inga")
                         : view.text("kontroller.detalj_flaggade",
                                     {{"antal", view.number(flaggedCount)}, {"enheter", flagged}}),
       flaggedCount == 0 ? CheckStatus::Ok : CheckStatus::Warning});
  if (std::optional<CheckItem> basis = underReportingBasisCheck(view))
    checks.items.push_back(std::move(*basis));
  for (const std::string& note : input.readerNotes)
    checks.items.push_back({view.text("kontroller.inlasning"), note, CheckStatus::Warning});
}

}  // namespace

CheckSection buildAvvikelserChecks(const AvvikelserView& view, const Table& perEnhet) {
  CheckSection checks{.id = "kontroller", .title = view.text("kontroller.rubrik")};
  checkOversikt(checks, view);
  checkPerEnhet(checks, view, perEnhet);
  checkHsl(checks, view);
  checkTotals(checks, view);
  checkShares(checks, view);
  checkColumns(checks, view);
  checkSignals(checks, view);
  return checks;
}

}  // namespace namnd
