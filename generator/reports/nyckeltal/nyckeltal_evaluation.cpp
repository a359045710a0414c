#include "reports/nyckeltal/nyckeltal_evaluation.hpp"

#include <algorithm>
#include <cmath>

#include "core/swedish_calendar.hpp"
#include "core/volym_formula.hpp"

namespace namnd {
namespace {

ExactRational hundredths(WideInt value) { return *ExactRational::fraction(value, 100); }

// A config number such as 1700 or 38,5 as an exact value (the config holds at most two
// decimals that matter here).
ExactRational configNumber(double value) { return hundredths(std::llround(value * 100.0)); }

std::string rangeList(const std::vector<CodePrefixRange>& ranges) {
  std::string text;
  for (const CodePrefixRange& r : ranges) text += (text.empty() ? "" : ", ") + r.text();
  return text;
}

// "konto 75", "verksamhet 51", "konto 46 och verksamhet 57".
std::string filterText(const StorhetDefinition& s) {
  std::string text;
  if (!s.konto.empty()) text = "konto " + rangeList(s.konto);
  if (!s.verksamhet.empty())
    text += (text.empty() ? "" : " och ") + std::string("verksamhet ") + rangeList(s.verksamhet);
  return text;
}

std::string monthList(const std::vector<Period>& months) {
  std::string text;
  for (const Period p : months)
    text += (text.empty() ? "" : ", ") + std::string(swedishMonthAbbrev(p.month())) + " " +
            std::to_string(p.year());
  return text;
}

}  // namespace

PeriodRange nyckeltalWindow(NyckeltalPeriod period, Period p) {
  if (period == NyckeltalPeriod::Ack) return PeriodRange::ack(p);
  return PeriodRange::wholeYear(p.year());
}

std::string windowText(PeriodRange window) {
  if (window.first == window.last)
    return swedishMonthAndYear(window.last.year(), window.last.month());
  std::string text(swedishMonthName(window.first.month()));
  if (window.first.year() != window.last.year()) text += " " + std::to_string(window.first.year());
  return text + "–" + swedishMonthAndYear(window.last.year(), window.last.month());
}

NyckeltalEvaluator::NyckeltalEvaluator(const NyckeltalData& data) : data_(data) {
  for (const OrgNode* node : data_.tree->allNodes())
    deepestLevel_ = std::max(deepestLevel_, node->level);
}

bool NyckeltalEvaluator::inScope(std::string_view code, const OrgNode* scope,
                                 const OrgNode* subtree) const {
  const OrgTree& tree = *data_.tree;
  if (scope && tree.ancestorAtLevel(code, scope->level) != scope) return false;
  if (subtree && tree.ancestorAtLevel(code, subtree->level) != subtree) return false;
  return true;
}

const OrgRollup& NyckeltalEvaluator::rollupThrough(Period through) {
  const auto found = rollups_.find(through.code());
  if (found != rollups_.end()) return found->second;
  static const Cube kEmpty;
  const auto cube = data_.cubes.find(through.year());
  return rollups_
      .emplace(through.code(), rollUpToLevel(cube == data_.cubes.end() ? kEmpty : cube->second,
                                             *data_.tree, 1, through))
      .first->second;
}

NyckeltalEvaluator::StorhetValue NyckeltalEvaluator::ekonomi(const StorhetDefinition& s,
                                                             const OrgNode* scope,
                                                             const OrgNode* subtree,
                                                             PeriodRange window) {
  const auto cube = data_.cubes.find(window.last.year());
  const Measure measure = s.measure == "budget" ? Measure::Budget : Measure::Utfall;
  bool anyInWindow = false;
  bool anyMatching = false;  // a row of the konto/verksamhet asked for, anywhere in the kommun
  WideInt ore = 0;
  std::set<std::string> withVolym;
  if (!s.withVolym.empty()) {
    if (!data_.volymer)
      return {.problem = "volymer saknas (ange filen under \"" + data_.volymerKey +
                         "\" i konfigurationen)"};
    withVolym = codesWithVolym(s.withVolym, window);
  }
  if (cube != data_.cubes.end()) {
    cube->second.forEachUnordered([&](const CubeCell& cell) {
      if (cell.measure != measure || !window.contains(cell.period)) return;
      anyInWindow = true;
      if (!s.konto.empty() && std::none_of(s.konto.begin(), s.konto.end(),
                                           [&](const auto& r) { return r.contains(cell.konto); }))
        return;
      if (!s.verksamhet.empty() &&
          std::none_of(s.verksamhet.begin(), s.verksamhet.end(),
                       [&](const auto& r) { return r.contains(cell.verksamhet); }))
        return;
      anyMatching = true;
      const bool revenue = cell.konto.starts_with('3');
      if ((s.measure == "kostnad" && revenue) || (s.measure == "intakt" && !revenue)) return;
      if (!inScope(cell.ansvar, scope, subtree)) return;
      if (!s.withVolym.empty() && !withVolym.contains(std::string(cell.ansvar))) return;
      ore += s.measure == "intakt" ? -cell.ore : cell.ore;
    });
  }
  if (!anyInWindow)
    return {.problem = std::string("lagret har ingen ") +
                       (measure == Measure::Budget ? "budget" : "huvudbok") + " för " +
                       windowText(window)};
  // No such row anywhere (a ledger without the verksamhet column, a konto never booked) is no
  // data, not 0 kr; a node without rows while others have them keeps its 0.
  if (!anyMatching)
    return {.problem = std::string(measure == Measure::Budget ? "budgeten" : "huvudboken") +
                       " har inga rader med " + filterText(s) + " för " + windowText(window)};
  return {.value = hundredths(ore), .unit = "kr"};
}

std::set<std::string> NyckeltalEvaluator::codesWithVolym(const std::string& matt,
                                                         PeriodRange window) const {
  std::set<std::string> codes;
  const VolymTable& all = *data_.volymer;
  if (!all.hasMeasure(matt)) return codes;
  for (const OrgNode* node : data_.tree->allNodes())
    for (const Period p : all.periods(matt))
      if (window.contains(p) && all.value(matt, node->code, p)) codes.insert(node->code);
  return codes;
}

NyckeltalEvaluator::StorhetValue NyckeltalEvaluator::hr(const StorhetDefinition& s,
                                                        const OrgNode* scope,
                                                        const OrgNode* subtree,
                                                        PeriodRange window) {
  bool anyInWindow = false;
  std::set<HrKind> kindsInWindow;  // in the whole kommun
  WideInt sum = 0;
  for (const auto& [key, amount] : data_.hr) {
    if (!window.contains(key.period)) continue;
    anyInWindow = true;
    kindsInWindow.insert(key.kind);
    if (std::find(s.hrKinds.begin(), s.hrKinds.end(), key.kind) == s.hrKinds.end()) continue;
    if (!inScope(key.ansvar, scope, subtree)) continue;
    sum += s.hrKronor ? amount.ore : amount.centihours;
  }
  if (!anyInWindow) return {.problem = "hr-underlaget har inga timmar för " + windowText(window)};
  // A kind never reported (frånvaro without arbetad tid) is missing data, not 0 timmar.
  for (const HrKind kind : s.hrKinds)
    if (!kindsInWindow.contains(kind))
      return {.problem = "hr-underlaget har inga rader av typen " + std::string(hrKindName(kind)) +
                         " för " + windowText(window)};
  return {.value = hundredths(sum), .unit = s.hrKronor ? "kr" : "timmar"};
}

NyckeltalEvaluator::StorhetValue NyckeltalEvaluator::volym(const StorhetDefinition& s,
                                                           const OrgNode* scope,
                                                           const OrgNode* subtree,
                                                           PeriodRange window,
                                                           NyckeltalPeriod semantics) {
  if (!data_.volymer)
    return {.problem =
                "volymer saknas (ange filen under \"" + data_.volymerKey + "\" i konfigurationen)"};
  const VolymTable& all = *data_.volymer;
  const std::string& matt = s.volym.matt;
  if (!all.hasMeasure(matt)) return {.problem = "volymerna har inget värde för måttet " + matt};
  // A stock per 31/12 is December's value itself, not the latest month before it.
  if (semantics == NyckeltalPeriod::Per3112 && s.volym.aggregation == VolymAggregation::Senaste)
    window = {window.last, window.last};

  // Outside the whole kommun, the rows of the codes in scope (rows without ansvar belong to the
  // kommun as a whole and to no node).
  VolymTable filtered;
  const VolymTable* table = &all;
  if (scope || subtree) {
    for (const OrgNode* node : data_.tree->allNodes()) {
      if (!inScope(node->code, scope, subtree)) continue;
      for (const Period p : all.periods(matt))
        if (const auto v = all.value(matt, node->code, p)) filtered.add(matt, node->code, p, *v);
    }
    table = &filtered;
    if (!filtered.hasMeasure(matt))
      return {.problem = "volymerna har inget värde för måttet " + matt + " under " +
                         (scope ? scope->name : subtree->name)};
  }
  const VolymOutcome outcome = evaluateVolymFormula(VolymFormula{s.volym, {}}, *table, window);
  if (outcome.status != VolymOutcome::Status::Ok)
    return {.problem = "volymerna har inget värde för " + matt + " " + windowText(window)};
  StorhetValue value{.value = ExactRational::fraction(outcome.numerator, outcome.denominator)};
  if (!outcome.missingMonths.empty())
    value.note = matt + " saknar värden för " + monthList(outcome.missingMonths);
  else if (outcome.stockMonth && *outcome.stockMonth != window.last)
    value.note = matt + " per " +
                 swedishMonthAndYear(outcome.stockMonth->year(), outcome.stockMonth->month());
  return value;
}

NyckeltalEvaluator::StorhetValue NyckeltalEvaluator::parameter(const StorhetDefinition& s) const {
  const StaffingParameters& p = data_.staffing;
  const auto missing = [&] {
    return StorhetValue{.problem = "parametern " + s.parameter +
                                   " saknas i konfigurationens \"personal\""};
  };
  if (s.parameter == "arsarbetstid_timmar")
    return {.value = configNumber(p.hoursPerFullTimeYear), .unit = "timmar"};
  if (s.parameter == "timmar_per_heltid_manad")
    return {.value = configNumber(p.hoursPerFullTimeMonth), .unit = "timmar"};
  // 0 is what an absent po_procent reads as: no figure rather than a silent 0.
  if (s.parameter == "po_procent") {
    if (p.poPercent == 0) return missing();
    return {.value = configNumber(p.poPercent), .unit = "%"};
  }
  const std::int64_t ore =
      s.parameter == "kostnad_per_arsarbetare_kr" ? p.costPerFullTimeYearOre : p.hourlyCostOre;
  if (ore == 0) return missing();
  return {.value = hundredths(ore), .unit = "kr"};
}

NyckeltalEvaluator::StorhetValue NyckeltalEvaluator::prognos(const StorhetDefinition& s,
                                                             const OrgNode* scope,
                                                             const OrgNode* subtree,
                                                             PeriodRange window) {
  const Period submitted(window.last.year(), s.prognosMonth);
  const auto snapshot = data_.snapshots.find(submitted);
  if (snapshot == data_.snapshots.end())
    return {.problem = "ingen prognos lämnad " + submitted.toString() + " i lagret"};
  // An entry that gives the deviation is turned into a net cost with its node's helår budget as
  // known when the prognosis was submitted (as the reports do, aggregate/prognos_rollup).
  const OrgRollup& known = rollupThrough(submitted);
  WideInt ore = 0;
  bool any = false;
  int entryLevel = deepestLevel_;
  for (const PrognosEntry& entry : snapshot->second.entries) {
    const OrgNode* node = data_.tree->find(entry.node);
    if (!node || !inScope(entry.node, scope, subtree)) continue;
    any = true;
    entryLevel = std::min(entryLevel, node->level);
    const std::int64_t budget = known.under(*data_.tree, entry.node).helarBudget;
    if (s.prognosDeviation)
      ore += entry.avvikelseOre ? *entry.avvikelseOre : budget - *entry.prognosOre;
    else
      ore += entry.prognosOre ? *entry.prognosOre : budget - *entry.avvikelseOre;
  }
  const std::string where = scope ? scope->name : std::string("nämnden");
  if (!any)
    return {.problem =
                "prognosen lämnad " + submitted.toString() + " har ingen uppgift för " + where};
  // A partly returned prognosis compared with the whole utfall would mislead: the nodes (at
  // the level the entries are given) with budget or utfall but no entry, as the reports list
  // them (aggregate/prognos_rollup).
  const auto cube = data_.cubes.find(submitted.year());
  static const Cube kEmpty;
  const OrgRollup atLevel = rollUpToLevel(cube == data_.cubes.end() ? kEmpty : cube->second,
                                          *data_.tree, entryLevel, submitted);
  const PrognosRollup rolled = rollUpPrognos(snapshot->second, *data_.tree, atLevel);
  std::string missing;
  for (const std::string& code : rolled.missingCodes)
    if (inScope(code, scope, subtree))
      missing += (missing.empty() ? "" : ", ") + data_.tree->find(code)->name + " (" + code + ")";
  if (!missing.empty())
    return {.problem = "prognosen lämnad " + submitted.toString() + " saknar uppgift för " +
                       missing + " och jämförs inte med hela utfallet för " + where};
  return {.value = hundredths(ore), .unit = "kr"};
}

NyckeltalEvaluator::StorhetValue NyckeltalEvaluator::enheter(const StorhetDefinition& s,
                                                             const OrgNode* scope,
                                                             const OrgNode* subtree,
                                                             PeriodRange window) {
  if (!data_.cubes.contains(window.last.year()))
    return {.problem = "lagret har ingen huvudbok för " + windowText(window)};
  const int level = s.level == 0 ? deepestLevel_ : s.level;
  const OrgRollup& rollup = rollupThrough(window.last);
  // Without any budget every unit would count as out of balance: that is no figure.
  if (rollup.source.ackBudget == 0 && rollup.source.helarBudget == 0)
    return {.problem = "lagret har ingen budget för " + windowText(window)};
  std::int64_t count = 0;
  for (const OrgNode* node : data_.tree->nodesAtLevel(level)) {
    if (!inScope(node->code, scope, subtree)) continue;
    const Figures f = rollup.under(*data_.tree, node->code);
    if (f.ackBudget == 0 && f.ackUtfall == 0) continue;
    const std::int64_t tolerance = s.toleranceOre.value_or(data_.balanceToleranceOre);
    if (s.onlyInBalance && f.ackAvvikelse() < -tolerance) continue;
    ++count;
  }
  return {.value = ExactRational::integer(count), .unit = "st"};
}

NyckeltalEvaluator::StorhetValue NyckeltalEvaluator::storhetValue(const StorhetDefinition& s,
                                                                  const OrgNode& node,
                                                                  PeriodRange window,
                                                                  NyckeltalPeriod semantics) {
  const OrgNode* scope = s.wholeKommun ? nullptr : &node;
  const OrgNode* subtree = nullptr;
  if (!s.ansvar.empty()) {
    subtree = data_.tree->find(s.ansvar);
    if (!subtree)
      return {.problem = "storheten " + s.name + " gäller ansvar " + s.ansvar +
                         ", som inte finns i organisationen"};
  }
  switch (s.kind) {
    case StorhetDefinition::Kind::Ekonomi:
      return ekonomi(s, scope, subtree, window);
    case StorhetDefinition::Kind::Hr:
      return hr(s, scope, subtree, window);
    case StorhetDefinition::Kind::Volym:
      return volym(s, scope, subtree, window, semantics);
    case StorhetDefinition::Kind::Parameter:
      return parameter(s);
    case StorhetDefinition::Kind::Prognos:
      return prognos(s, scope, subtree, window);
    case StorhetDefinition::Kind::Enheter:
      return enheter(s, scope, subtree, window);
  }
  return {};
}

NyckeltalFigure NyckeltalEvaluator::evaluate(const NyckeltalDefinition& definition,
                                             const OrgNode& node, Period period) {
  NyckeltalFigure figure;
  std::map<std::string, StorhetValue> values;
  for (const StorhetDefinition& s : definition.storheter) {
    const NyckeltalPeriod semantics = s.period.value_or(definition.period);
    StorhetValue value;
    if (semantics != NyckeltalPeriod::Ack && period.month() != 12) {
      value.problem =
          "helåret " + std::to_string(period.year()) + " är inte avslutat per " + period.toString();
    } else {
      value = storhetValue(s, node, nyckeltalWindow(semantics, period), semantics);
    }
    figure.inputs.push_back(
        {s.name, value.value, value.unit, value.problem.empty() ? value.note : value.problem});
    if (!value.note.empty()) figure.notes.push_back(value.note);
    values.emplace(s.name, std::move(value));
  }
  const ExpressionOutcome outcome = definition.formel.evaluate([&](const std::string& name) {
    const StorhetValue& v = values.at(name);
    return ExpressionInput{v.value, v.problem};
  });
  if (!outcome.value) {
    figure.problem = outcome.problem;
    return figure;
  }
  const std::optional<ExactRational> shown =
      definition.isPercent() ? outcome.value->times(ExactRational::integer(100)) : outcome.value;
  if (shown) figure.scaled = shown->roundedScaled(definition.decimaler);
  if (!figure.scaled) {
    figure.problem = "värdet är för stort att visa";
    return figure;
  }
  figure.exact = shown;
  return figure;
}

}  // namespace namnd
