#pragma once
// A prognosis snapshot rolled up to the rows of a report: the helår deviation (Budget −
// Prognos, öre) per node at the report level.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "aggregate/org_rollup.hpp"
#include "core/prognos_snapshot.hpp"

namespace namnd {

struct PrognosRollup {
  Period snapshotPeriod;
  std::map<std::string, std::int64_t, std::less<>> avvikelseByNode;  // code at the level → öre
  std::int64_t total = 0;                                            // Σ of every mapped entry
  // Entries that could not be placed under a node at the level (unknown code, or a node above
  // the level), with their deviation.
  std::vector<std::pair<std::string, std::int64_t>> unmapped;
  // Nodes at the level that have budget or utfall in the year but no entry in the snapshot: a
  // partly returned prognosis. Their names, in report order.
  std::vector<std::string> missing;
  std::vector<std::string> missingCodes;  // the same nodes' codes
};

// Entries that give the helår outcome (prognos) are turned into a deviation with the helår
// budget of their node from `figures` (the same year's rollup).
PrognosRollup rollUpPrognos(const PrognosSnapshot& snapshot, const OrgTree& tree,
                            const OrgRollup& figures);

}  // namespace namnd
