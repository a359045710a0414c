#pragma once
// Computes one definition (nyckeltal_catalogue.hpp) for one org node and period from the
// imported data: each storhet is summed exactly (öre, hundredths of hours and of volymer), the
// formula is evaluated into an exact fraction, and the figure is rounded once, half away from
// zero, to the definition's decimals (a percentage after × 100). A figure that cannot be computed
// — an input missing for the period, a division by zero, a year not yet ended — has no value and
// a Swedish reason; it is never NaN.

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "aggregate/org_rollup.hpp"
#include "aggregate/prognos_rollup.hpp"
#include "core/cube.hpp"
#include "core/exact_rational.hpp"
#include "core/hr_hours.hpp"
#include "core/org_tree.hpp"
#include "core/prognos_snapshot.hpp"
#include "core/run_config.hpp"
#include "core/volym_table.hpp"
#include "reports/nyckeltal/nyckeltal_catalogue.hpp"

namespace namnd {

// Everything the figures are computed from. The evaluator refers to it: it must outlive it.
struct NyckeltalData {
  const OrgTree* tree = nullptr;        // the organisation the rows follow
  std::map<int, Cube> cubes;            // by year, each the whole year (a missing year: no ledger)
  HrTable hr;                           // every year asked for
  const VolymTable* volymer = nullptr;  // none: no volymer file configured
  std::string volymerKey = "nyckeltal.volymer";  // the config key to name when it is missing
  std::map<Period, PrognosSnapshot> snapshots;   // by the month they were submitted
  StaffingParameters staffing;
  // "i balans" for enheter storheter without their own tolerans_kr (delarsrapport.
  // budget_i_balans_tkr): a deviation down to −tolerance counts as in balance.
  std::int64_t balanceToleranceOre = 0;
};

// One storhet's value as used in a figure, for the Definitioner sheet.
struct NyckeltalInputValue {
  std::string name;
  std::optional<ExactRational> value;
  std::string unit;  // "kr", "timmar", "" …
  std::string note;  // the months or reason, when there is something to say
};

struct NyckeltalFigure {
  // The value as displayed × 10^decimaler (percentages in percent): 56 = 5,6 % at 1 decimal.
  std::optional<std::int64_t> scaled;
  std::optional<ExactRational> exact;  // in the unit shown (percent for "%")
  std::string problem;                 // why there is no value (Swedish)
  std::vector<std::string> notes;      // a value shown with a caveat (months missing …)
  std::vector<NyckeltalInputValue> inputs;
};

// The months a definition covers for period P (January–P for ack, the whole year otherwise).
PeriodRange nyckeltalWindow(NyckeltalPeriod period, Period p);
// "januari–augusti 2021"
std::string windowText(PeriodRange window);

class NyckeltalEvaluator {
 public:
  explicit NyckeltalEvaluator(const NyckeltalData& data);

  NyckeltalFigure evaluate(const NyckeltalDefinition& definition, const OrgNode& node,
                           Period period);

 private:
  struct StorhetValue {
    std::optional<ExactRational> value;
    std::string unit;
    std::string problem;
    std::string note;
  };
  StorhetValue storhetValue(const StorhetDefinition& s, const OrgNode& node, PeriodRange window,
                            NyckeltalPeriod semantics);
  StorhetValue ekonomi(const StorhetDefinition& s, const OrgNode* scope, const OrgNode* subtree,
                       PeriodRange window);
  StorhetValue hr(const StorhetDefinition& s, const OrgNode* scope, const OrgNode* subtree,
                  PeriodRange window);
  StorhetValue volym(const StorhetDefinition& s, const OrgNode* scope, const OrgNode* subtree,
                     PeriodRange window, NyckeltalPeriod semantics);
  StorhetValue parameter(const StorhetDefinition& s) const;
  StorhetValue prognos(const StorhetDefinition& s, const OrgNode* scope, const OrgNode* subtree,
                       PeriodRange window);
  StorhetValue enheter(const StorhetDefinition& s, const OrgNode* scope, const OrgNode* subtree,
                       PeriodRange window);
  // Whether a code lies under `scope` (nullptr = anywhere) and under `subtree` (nullptr = no
  // further restriction).
  bool inScope(std::string_view code, const OrgNode* scope, const OrgNode* subtree) const;
  const OrgRollup& rollupThrough(Period through);
  // The ansvar that have a value of the volym mått in the window.
  std::set<std::string> codesWithVolym(const std::string& matt, PeriodRange window) const;

  const NyckeltalData& data_;
  std::map<int, OrgRollup> rollups_;  // by through.code()
  int deepestLevel_ = 1;
};

}  // namespace namnd
