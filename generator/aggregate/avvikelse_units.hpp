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
#include "core/hr_hours.hpp"
#include "core/org_tree.hpp"

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

// Swedish alphabetical order, as a reader expects a list: case and spacing folded
// (core/category_name.hpp), é as e, ü as y, and å, ä, ö after z in that order (æ as ä, ø as ö);
// names equal so far are ordered by their bytes, so the order is total.
bool swedishLess(std::string_view a, std::string_view b);

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
  std::optional<std::int64_t> centihours;  // arbetade timmar of its ansvar; none = no hours
  std::optional<double> perTenThousandHours;
  bool noReports = false;
  bool fewReports = false;  // below the configured rate per 10 000 arbetade timmar
  // The hr input has hours, but none for this enhet: no staff of its own (köpta platser,
  // ekonomiskt bistånd), so nobody there to report; not judged.
  bool withoutStaff = false;
  bool flagged() const { return !withoutStaff && (noReports || fewReports); }
};

struct UnderReportingInput {
  std::span<const AvvikelseRecord> records;
  const OrgTree& tree;
  int areaLevel = 2;
  int unitLevel = 3;
  HalfYearPeriod span;
  const HrTable* hours = nullptr;  // nullptr or empty: only enheter without reports are flagged
  double minPerTenThousandHours = 0;
};

// Every enhet of the areas where avvikelser are reported at all (an area with an avvikelse in any
// year of the records; a nämnd or förvaltningsledning without care is not flagged), with the
// avvikelser (typ Avvikelse, any lagrum) registered in the span. Flagged: no report at all, or —
// when the rate is configured and the enhet has arbetade timmar in the span — fewer than
// minPerTenThousandHours per 10 000 timmar.
std::vector<UnitReporting> underReporting(const UnderReportingInput& input);

}  // namespace namnd
