#include "aggregate/prognos_proposal.hpp"

namespace namnd {

// TODO(prognos helper): the real implementation.
std::string proposalMethodText(ProposalMethod method) {
  return method == ProposalMethod::StraightLine ? "linjär framskrivning"
                                                : "enligt budgetens periodisering";
}

std::vector<PrognosProposal> proposePrognoses(const Cube&, const OrgTree&, int, Period,
                                              ProposalChoice) {
  return {};
}

}  // namespace namnd
