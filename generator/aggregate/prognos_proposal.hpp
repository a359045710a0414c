#pragma once
// A proposed helårsprognos per ansvar, for the enhetschef to accept or change in the
// prognosunderlag: what the year comes to if the deviation so far continues.
//
// Straight line: helår avvikelse = ack avvikelse × 12 / months elapsed.
// Budget profile: the remaining months deviate in proportion to their budget, so
//   helår avvikelse = ack avvikelse × budget helår / ack budget
// (falls back to the straight line when ack budget is zero).

#include <cstdint>
#include <string>
#include <vector>

#include "aggregate/figures.hpp"
#include "core/cube.hpp"
#include "core/org_tree.hpp"
#include "core/period.hpp"

namespace namnd {

enum class ProposalMethod { StraightLine, BudgetProfile };

// "linjär framskrivning" / "enligt budgetens periodisering" (for the reader of the underlag).
std::string proposalMethodText(ProposalMethod method);

enum class ProposalChoice {
  Auto,           // budget profile where the ansvar's budget is not spread evenly, else straight line
  StraightLine,
  BudgetProfile,
};

struct PrognosProposal {
  std::string ansvar;  // org code at the ansvar level
  Figures figures;     // ack utfall, ack budget, budget helår through the period
  ProposalMethod method = ProposalMethod::StraightLine;
  std::int64_t avvikelseOre = 0;  // proposed helår deviation (Budget − Prognos; + = överskott)
  std::int64_t prognosOre = 0;    // proposed helår outcome = budget helår − avvikelse
};

// One proposal per node at `level` of `tree` that has utfall or budget in the year of
// `through` (in tree order). `yearCube` holds at least that year.
std::vector<PrognosProposal> proposePrognoses(const Cube& yearCube, const OrgTree& tree, int level,
                                              Period through, ProposalChoice choice);

}  // namespace namnd
