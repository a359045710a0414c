#include "reports/delarsrapport/delar_figures.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <vector>

#include "aggregate/cell_figures.hpp"
#include "aggregate/org_rollup.hpp"
#include "aggregate/prognos_rollup.hpp"
#include "core/errors.hpp"

namespace namnd {
namespace {

void addFigures(DelarLine& line, const Figures& now, const Figures& lastYear) {
  line.utfall += now.ackUtfall;
  line.budget += now.ackBudget;
  line.budgetAr += now.helarBudget;
  line.utfallForeg += lastYear.ackUtfall;
}

void addLine(DelarLine& into, const DelarLine& line) {
  into.utfallForeg += line.utfallForeg;
  into.utfall += line.utfall;
  into.budget += line.budget;
  into.budgetAr += line.budgetAr;
  if (line.prognosAvvikelse)
    into.prognosAvvikelse = into.prognosAvvikelse.value_or(0) + *line.prognosAvvikelse;
}

DelarLine difference(const DelarLine& whole, const DelarLine& parts) {
  DelarLine d = whole;
  d.utfallForeg -= parts.utfallForeg;
  d.utfall -= parts.utfall;
  d.budget -= parts.budget;
  d.budgetAr -= parts.budgetAr;
  if (whole.prognosAvvikelse)
    d.prognosAvvikelse = *whole.prognosAvvikelse - parts.prognosAvvikelse.value_or(0);
  return d;
}

bool isZero(const DelarLine& l) {
  return l.utfallForeg == 0 && l.utfall == 0 && l.budget == 0 && l.budgetAr == 0 &&
         l.prognosAvvikelse.value_or(0) == 0;
}

// Figures per RSUM row of the cells whose ansvar lies under an area of `tree`.
std::map<std::string, Figures> byRsumRow(const Cube& cube, const OrgTree& tree,
                                         const AccountMap& accounts, int level, Period through,
                                         const std::string& unmappedRow) {
  std::map<std::string, Figures> rows;
  const PeriodRange year = PeriodRange::wholeYear(through.year());
  // Per code id, looked up once: is the ansvar in the tree, which row does the konto go to.
  enum class Known : std::uint8_t { Unknown, Yes, No };
  std::vector<Known> inTree(cube.codeCount(), Known::Unknown);
  std::vector<Figures*> rowOf(cube.codeCount(), nullptr);
  cube.forEachUnordered([&](const CubeCell& cell) {
    if (!year.contains(cell.period)) return;
    Known& known = inTree[cell.ids.ansvar];
    if (known == Known::Unknown)
      known = tree.ancestorAtLevel(cell.ansvar, level) ? Known::Yes : Known::No;
    if (known == Known::No) return;
    Figures*& target = rowOf[cell.ids.konto];
    if (!target) {
      const auto row = accounts.rowFor(cell.konto);
      target = &rows[row ? std::string(*row) : unmappedRow];
    }
    *target += cellFigures(cell, through);
  });
  return rows;
}

std::optional<std::int64_t> prognosFor(const std::optional<PrognosRollup>& prognos,
                                       const std::string& code) {
  if (!prognos) return std::nullopt;
  const auto found = prognos->avvikelseByNode.find(code);
  return found == prognos->avvikelseByNode.end() ? 0 : found->second;
}

// Sets each RSUM row's prognosis from the controller's file (see DelarFiguresInput::rsumPrognos).
void applyRsumPrognos(DelarFigures& out, const std::vector<RsumPrognos>& fileRows,
                      std::optional<Period> snapshot, const std::string& file,
                      const std::vector<std::string>& kontoplanRows) {
  const std::set<std::string, std::less<>> known(kontoplanRows.begin(), kontoplanRows.end());
  std::string knownList;
  for (const std::string& name : kontoplanRows) knownList += (knownList.empty() ? "" : ", ") + name;
  std::vector<RsumPrognos> given;
  std::set<Period> otherPeriods;
  for (const RsumPrognos& p : fileRows) {
    if (snapshot && p.period == *snapshot)
      given.push_back(p);
    else
      otherPeriods.insert(p.period);
  }
  std::map<std::string, const RsumPrognos*, std::less<>> byRow;
  for (const RsumPrognos& p : fileRows) {
    if (!known.count(p.rad))
      throw InputError(
          p.where,
          "raden \"" + p.rad + "\" finns inte bland kontoplanens RSUM-rader (" + knownList + ")");
  }
  if (given.empty()) {
    // A prognosis set in another month than the report's snapshot does not belong in it.
    out.rsumPrognosUnused.assign(otherPeriods.begin(), otherPeriods.end());
    return;
  }
  for (const RsumPrognos& p : given) byRow[p.rad] = &p;
  std::string missing;
  for (const std::string& name : kontoplanRows)
    if (!byRow.count(name)) missing += (missing.empty() ? "" : ", ") + name;
  if (!missing.empty())
    throw InputError(SourceLocation{file, 0, ""},
                     "prognos per kostnadsslag saknas för " + missing + " för prognosperiod " +
                         snapshot->toString() +
                         " (ange prognosen för varje RSUM-rad, även när den är lika med budget)");
  std::int64_t sum = 0;
  for (DelarLine& line : out.rsum) {
    const auto found = byRow.find(line.name);
    if (found == byRow.end()) continue;
    const RsumPrognos& p = *found->second;
    line.prognosAvvikelse = p.avvikelseOre ? *p.avvikelseOre : line.budgetAr - *p.prognosOre;
    sum += *line.prognosAvvikelse;
  }
  out.rsumPrognosAvvikelse = sum;
}

std::string replaceArea(std::string pattern, const std::string& area) {
  const std::string key = "{omrade}";
  const auto at = pattern.find(key);
  if (at != std::string::npos) pattern.replace(at, key.size(), area);
  return pattern;
}

}  // namespace

std::optional<Period> chooseDelarSnapshot(const std::vector<Period>& submitted, Period period) {
  std::optional<Period> latest;
  for (const Period p : submitted)
    if (p.year() == period.year() && p <= period && (!latest || *latest < p)) latest = p;
  return latest;
}

DelarFigures computeDelarFigures(const DelarFiguresInput& in) {
  DelarFigures out;
  const Period lastYear = in.period.sameMonthLastYear();
  const OrgRollup areas = rollUpToLevel(in.yearCube, in.tree, in.level, in.period);
  const OrgRollup units = rollUpToLevel(in.yearCube, in.tree, in.level + 1, in.period);
  const OrgRollup areasBefore = rollUpToLevel(in.lastYearCube, in.tree, in.level, lastYear);
  const OrgRollup unitsBefore = rollUpToLevel(in.lastYearCube, in.tree, in.level + 1, lastYear);
  for (const auto& [code, figures] : areasBefore.unmappedCodes) {
    out.unplacedLastYear.push_back(code);
    out.unplacedLastYearUtfall += figures.ackUtfall;
  }

  std::optional<PrognosRollup> areaPrognos;
  std::optional<PrognosRollup> unitPrognos;
  if (in.snapshot) {
    out.snapshotPeriod = in.snapshot->period;
    areaPrognos = rollUpPrognos(*in.snapshot, in.tree, areas);
    unitPrognos = rollUpPrognos(*in.snapshot, in.tree, units);
    out.unplacedPrognos = areaPrognos->unmapped;
  }

  out.netto.name = "Nettokostnad";
  if (in.snapshot) out.netto.prognosAvvikelse = 0;
  for (std::size_t a = 0; a < areas.rows.size(); ++a) {
    const OrgNode* node = areas.rows[a].first;
    DelarArea area;
    area.line = {.name = node->name, .code = node->code, .level = 0};
    addFigures(area.line, areas.rows[a].second, areasBefore.rows[a].second);
    area.line.prognosAvvikelse = prognosFor(areaPrognos, node->code);

    DelarLine unitSum;
    for (std::size_t u = 0; u < units.rows.size(); ++u) {
      const OrgNode* unit = units.rows[u].first;
      if (in.tree.ancestorAtLevel(unit->code, in.level) != node) continue;
      DelarLine line{.name = unit->name, .code = unit->code, .level = 1};
      addFigures(line, units.rows[u].second, unitsBefore.rows[u].second);
      line.prognosAvvikelse = prognosFor(unitPrognos, unit->code);
      addLine(unitSum, line);
      area.units.push_back(std::move(line));
    }
    if (!area.units.empty()) {
      DelarLine direct = difference(area.line, unitSum);
      if (!isZero(direct)) {
        direct.name = replaceArea(in.directUnitName, node->name);
        direct.level = 1;
        area.units.push_back(std::move(direct));
      }
    }
    addLine(out.netto, area.line);
    out.areas.push_back(std::move(area));
  }

  const auto now =
      byRsumRow(in.yearCube, in.tree, in.accounts, in.level, in.period, in.unmappedRowName);
  const auto before =
      byRsumRow(in.lastYearCube, in.tree, in.accounts, in.level, lastYear, in.unmappedRowName);
  std::vector<std::string> names = in.accounts.rows();
  names.push_back(in.unmappedRowName);
  for (const std::string& name : names) {
    const auto n = now.find(name);
    const auto b = before.find(name);
    if (name == in.unmappedRowName && n == now.end() && b == before.end()) continue;
    DelarLine line{.name = name, .code = name};
    addFigures(line, n == now.end() ? Figures{} : n->second,
               b == before.end() ? Figures{} : b->second);
    out.rsum.push_back(std::move(line));
  }
  for (const auto& [name, f] : before) out.kommunbidragForeg += f.ackBudget;
  // The rows already sum last year's cube: an outcome on any of them means the ledger is there.
  out.hasLastYear = std::any_of(before.begin(), before.end(),
                                [](const auto& row) { return row.second.ackUtfall != 0; });
  if (in.rsumPrognos)
    applyRsumPrognos(out, *in.rsumPrognos, out.snapshotPeriod, in.rsumPrognosFile,
                     in.accounts.rows());
  return out;
}

}  // namespace namnd
