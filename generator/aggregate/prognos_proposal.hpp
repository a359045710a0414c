#pragma once
// A proposed helårsprognos per ansvar, for the enhetschef to accept or change in the
// prognosunderlag: what the year comes to if the deviation so far continues.
//
// Straight line: helår avvikelse = ack avvikelse × 12 / months elapsed.
// Budget profile: the remaining months deviate in proportion to their budget, so
//   helår avvikelse = ack avvikelse × budget helår / ack budget
// It falls back to the straight line when ack budget is zero, when ack budget and budget helår
// have opposite signs (the ratio would turn an underskott into an överskott), or when the
// result does not fit in an amount (a tiny ack budget against a large year).
// Both round half away from zero to the öre, with exact integer arithmetic.

#include <cstdint>
#include <string>
#include <string_view>
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
  Auto,  // budget profile where the ansvar's budget is not spread evenly, else straight line
  StraightLine,
  BudgetProfile,
};

// "auto", "linjar", "budgetprofil" (the config's "forslag") → the choice; ConfigError otherwise.
ProposalChoice proposalChoiceFromConfig(std::string_view text);

struct PrognosProposal {
  std::string ansvar;  // org code at the ansvar level
  Figures figures;     // ack utfall, ack budget, budget helår through the period
  ProposalMethod method = ProposalMethod::StraightLine;
  std::int64_t avvikelseOre = 0;  // proposed helår deviation (Budget − Prognos; + = överskott)
  std::int64_t prognosOre = 0;    // proposed helår outcome = budget helår − avvikelse
};

// True when the ack budget differs from budget helår × months / 12 by more than 1 % of budget
// helår: the budget is periodised unevenly, so "auto" uses the budget profile.
bool budgetIsUneven(const Figures& figures, Period through);

// The proposal for one node's figures through `through` (January = 1 month elapsed).
PrognosProposal proposePrognosis(std::string code, const Figures& figures, Period through,
                                 ProposalChoice choice);

// One proposal per node at `level` of `tree` that has utfall or budget in the year of
// `through` (in tree order). `yearCube` holds at least that year.
std::vector<PrognosProposal> proposePrognoses(const Cube& yearCube, const OrgTree& tree, int level,
                                              Period through, ProposalChoice choice);

}  // namespace namnd
