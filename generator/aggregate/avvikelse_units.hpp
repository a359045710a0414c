#pragma once
// Avvikelser placed in the organisation: per verksamhet and enhet with the dominant händelsetyp,
// the report's enheter (for läkemedel per enhet and the under-reporting signal), and the
// under-reporting signal itself (an enhet with no or few reports is a risk, not a success).

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/avvikelse_record.hpp"
#include "core/calendar_date.hpp"
#include "core/category_name.hpp"  // swedishLess, used with the tallies
#include "core/hr_hours.hpp"
#include "core/org_tree.hpp"
#include "core/run_config.hpp"
#include "core/volym_table.hpp"

namespace namnd {

// How many records, and how many of each händelsetyp ("" = none given).
struct HandelsetypTally {
  std::int64_t total = 0;
  std::map<std::string, std::int64_t> byType;
  void add(const std::string& handelsetyp) {
    ++total;
    ++byType[handelsetyp];
  }
};

// The händelsetyp with the most records (records without one never dominate). On a tie no name
// is more dominant than another: `handelsetyp` is the first of them in Swedish alphabetical order
// and `tiedWith` the others in that order, so the report can say "flera lika" and list them.
struct DominantHandelsetyp {
  std::string handelsetyp;
  std::int64_t count = 0;
  std::vector<std::string> tiedWith;
  bool tie() const { return !tiedWith.empty(); }
};
std::optional<DominantHandelsetyp> dominantHandelsetyp(const HandelsetypTally& tally);

// Records tallied on their own node and on every ancestor down to `topLevel` (the areas). A
// record whose code the tree does not know, or whose node sits above `topLevel`, is not placed.
struct OrgTally {
  std::map<std::string, HandelsetypTally, std::less<>> byNode;
  std::map<std::string, std::int64_t> unplacedCodes;
  HandelsetypTally unplaced;
  HandelsetypTally all;
  const HandelsetypTally* find(std::string_view code) const;
  std::int64_t count(std::string_view code) const;
};
OrgTally tallyByOrg(std::span<const AvvikelseRecord* const> records, const OrgTree& tree,
                    int topLevel);

// The report's enheter: under every node at `areaLevel`, depth first in report order, the nodes
// at `unitLevel` and the leaves between the two levels (an enhet without ansvar under it).
// unitLevel == areaLevel: the areas themselves.
std::vector<const OrgNode*> reportUnits(const OrgTree& tree, int areaLevel, int unitLevel);

// The enhet of `units` a code belongs to (itself or its nearest ancestor among them); nullptr
// when none.
const OrgNode* unitOf(const OrgTree& tree, std::string_view code,
                      const std::set<std::string, std::less<>>& unitCodes);

// The months of a half or whole year.
PeriodRange monthsOf(const HalfYearPeriod& span);

// The under-reporting signal for one enhet.
struct UnitReporting {
  const OrgNode* area = nullptr;
  const OrgNode* unit = nullptr;
  std::int64_t reports = 0;
  // The enhet's basis over the span in hundredths: arbetade timmar or a summed volym (Σ of the
  // months), or a stock volym's average of the months with a value (rounded to hundredths);
  // none = no value (no basis in the period, or none for this enhet).
  std::optional<std::int64_t> basis;
  std::optional<double> rate;  // reports per `per` units of the basis, from the unrounded basis
  // The arbetade-timmar figures under their earlier names (set when the basis is arbetade
  // timmar, whatever its `per`): basis in hundredths of an hour, and reports per 10 000 h.
  std::optional<std::int64_t> centihours;
  std::optional<double> perTenThousandHours;
  bool noReports = false;
  bool fewReports = false;  // below the rule's rate
  // The basis has values in the span, but none (or 0) for this enhet: for arbetade timmar no
  // staff of its own (köpta platser, ekonomiskt bistånd), so nobody there to report; for a volym
  // no brukare, placeringar … of its own. Not judged on the rate.
  bool withoutBasis = false;
  // Without a volym basis but with arbetade timmar of its own: staff who could report, so an
  // enhet without any report is still flagged (IFO has no brukare but has staff).
  bool staffedWithoutBasis = false;
  bool flagged() const {
    return withoutBasis ? staffedWithoutBasis && noReports : noReports || fewReports;
  }
};

struct UnderReportingInput {
  std::span<const AvvikelseRecord> records;
  const OrgTree& tree;
  int areaLevel = 2;
  int unitLevel = 3;
  HalfYearPeriod span;
  // Arbetade timmar: the basis of an hours rule, and for a volym rule what tells an enhet
  // without a volym value that has staff (flagged without reports) from one without (not judged).
  const HrTable* hours = nullptr;
  // The rule in force (AvvikelserSettings::underReportingRule()); by default only enheter
  // without reports are flagged.
  UnderReportingRule rule;
  const VolymTable* volymer = nullptr;  // a volym rule's values; nullptr = none
};

// Whether the basis has any value in the span (then an enhet without one is not judged, and
// enheter with one are judged by the rate): hours of kind Arbetad, or rows of the volym's mått.
bool basisHasValues(const UnderReportingRule& rule, const HrTable* hours, const VolymTable* volymer,
                    const HalfYearPeriod& span);

// Every enhet of the areas where avvikelser are reported at all (an area with an avvikelse in any
// year of the records; a nämnd or förvaltningsledning without care is not flagged), with the
// avvikelser (typ Avvikelse, any lagrum) registered in the span. Flagged: no report at all, or —
// when the rule has a rate and the enhet a basis in the span — fewer than `minst` per `per` units
// of the basis. An enhet's basis is that of the ansvar under it (arbetade timmar as
// monthlyHoursUnder, a volym as monthlyVolymUnder attributes them).
std::vector<UnitReporting> underReporting(const UnderReportingInput& input);

}  // namespace namnd
