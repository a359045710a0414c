#include "aggregate/prognos_proposal.hpp"

#include <limits>
#include <optional>
#include <set>

#include "aggregate/org_rollup.hpp"
#include "core/errors.hpp"
#include "core/rounding.hpp"

namespace namnd {
namespace {

using Wide = WideInt;

Wide magnitude(Wide v) { return v < 0 ? -v : v; }

std::int64_t straightLine(const Figures& f, Period through) {
  return roundHalfAwayFromZero(f.ackAvvikelse() * 12, through.month());
}

std::optional<std::int64_t> budgetProfile(const Figures& f) {
  if (f.ackBudget == 0) return std::nullopt;
  if ((f.ackBudget < 0) != (f.helarBudget < 0) && f.helarBudget != 0) return std::nullopt;
  return divideRoundedWide(Wide(f.ackAvvikelse()) * f.helarBudget, f.ackBudget);
}

}  // namespace

std::string proposalMethodText(ProposalMethod method) {
  return method == ProposalMethod::StraightLine ? "linjär framskrivning"
                                                : "enligt budgetens periodisering";
}

ProposalChoice proposalChoiceFromConfig(std::string_view text) {
  if (text == "auto") return ProposalChoice::Auto;
  if (text == "linjar") return ProposalChoice::StraightLine;
  if (text == "budgetprofil") return ProposalChoice::BudgetProfile;
  throw ConfigError(
      "prognosunderlag.forslag måste vara \"auto\", \"linjar\" eller "
      "\"budgetprofil\", inte \"" +
      std::string(text) + "\"");
}

bool budgetIsUneven(const Figures& f, Period through) {
  // |ack budget − helår × m/12| > 1 % × |helår|, multiplied through by 1200.
  const Wide gap = magnitude(Wide(f.ackBudget) * 12 - Wide(f.helarBudget) * through.month());
  return gap * 100 > magnitude(Wide(f.helarBudget)) * 12;
}

PrognosProposal proposePrognosis(std::string code, const Figures& figures, Period through,
                                 ProposalChoice choice) {
  PrognosProposal proposal{.ansvar = std::move(code), .figures = figures};
  const bool wantProfile = choice == ProposalChoice::BudgetProfile ||
                           (choice == ProposalChoice::Auto && budgetIsUneven(figures, through));
  const auto profile = wantProfile ? budgetProfile(figures) : std::nullopt;
  if (profile) {
    proposal.method = ProposalMethod::BudgetProfile;
    proposal.avvikelseOre = *profile;
  } else {
    proposal.method = ProposalMethod::StraightLine;
    proposal.avvikelseOre = straightLine(figures, through);
  }
  proposal.prognosOre = figures.helarBudget - proposal.avvikelseOre;
  return proposal;
}

std::vector<PrognosProposal> proposePrognoses(const Cube& yearCube, const OrgTree& tree, int level,
                                              Period through, ProposalChoice choice) {
  const OrgRollup rollup = rollUpToLevel(yearCube, tree, level, through);
  // Nodes with a code in the year's cube (even when its amounts sum to zero).
  std::set<const OrgNode*> withData;
  for (const auto& [code, figures] : rollup.byCode)
    if (const OrgNode* node = tree.ancestorAtLevel(code, level)) withData.insert(node);

  std::vector<PrognosProposal> proposals;
  for (const auto& [node, figures] : rollup.rows)
    if (withData.count(node))
      proposals.push_back(proposePrognosis(node->code, figures, through, choice));
  return proposals;
}

}  // namespace namnd
