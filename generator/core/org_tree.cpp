#include "core/org_tree.hpp"

#include <algorithm>
#include <set>
#include <tuple>

namespace namnd {
namespace {

bool overlaps(const OrgNode& a, const OrgNode& b) {
  const bool aEndsBeforeB = a.validTo && b.validFrom && *a.validTo < *b.validFrom;
  const bool bEndsBeforeA = b.validTo && a.validFrom && *b.validTo < *a.validFrom;
  return !aEndsBeforeB && !bEndsBeforeA;
}

}  // namespace

void OrgTree::add(OrgNode node) {
  if (node.validFrom && node.validTo && *node.validTo < *node.validFrom)
    throw InputError(node.source, "giltig_tom ligger före giltig_from för " + node.code);
  auto& versions = nodes_[node.code];
  for (const OrgNode& other : versions)
    if (overlaps(other, node))
      throw InputError(node.source, "organisationskoden " + node.code +
                                        " förekommer två gånger för samma period (även " +
                                        other.source.describe() + ")");
  versioned_ |= node.validFrom.has_value() || node.validTo.has_value();
  versions.push_back(std::move(node));
  std::sort(versions.begin(), versions.end(), [](const OrgNode& a, const OrgNode& b) {
    return a.validFrom.value_or(Period(1900, 1)) < b.validFrom.value_or(Period(1900, 1));
  });
}

std::vector<Period> OrgTree::changePoints() const {
  std::set<Period> points;
  for (const auto& [code, versions] : nodes_)
    for (const OrgNode& node : versions) {
      if (node.validFrom) points.insert(*node.validFrom);
      if (node.validTo) points.insert(node.validTo->next());
    }
  return {points.begin(), points.end()};
}

OrgTree OrgTree::asOf(Period p) const {
  OrgTree tree;
  for (const auto& [code, versions] : nodes_)
    for (const OrgNode& node : versions)
      if (node.validIn(p)) tree.nodes_[code].push_back(node);
  tree.problems_ = problems_;
  return tree;
}

void OrgTree::validateSnapshot(std::vector<std::string>& problems) const {
  for (const auto& [code, versions] : nodes_) {
    const OrgNode& node = versions.front();
    if (node.parent.empty()) continue;
    const OrgNode* parent = find(node.parent);
    if (!parent) {
      const std::string problem = node.source.describe() + ": föräldern " + node.parent + " till " +
                                  code + " (" + node.name + ") finns inte";
      if (std::find(problems.begin(), problems.end(), problem) == problems.end())
        problems.push_back(problem);
      continue;
    }
    // Every child exactly one level below its parent: walking up strictly decreases the level,
    // so this also rules out cycles.
    if (node.level != parent->level + 1)
      throw InputError(node.source, "nivå " + std::to_string(node.level) + " för " + code +
                                        " ska vara ett under förälderns nivå " +
                                        std::to_string(parent->level));
  }
}

void OrgTree::validate() {
  problems_.clear();
  if (!versioned_) return validateSnapshot(problems_);
  // The versions before the first change, then the tree after each change.
  std::vector<Period> points = changePoints();
  points.insert(points.begin(), points.front().previous());
  for (const Period p : points) asOf(p).validateSnapshot(problems_);
}

const OrgNode* OrgTree::find(std::string_view code) const {
  const auto found = nodes_.find(code);
  return found == nodes_.end() ? nullptr : &found->second.back();
}

const OrgNode* OrgTree::ancestorAtLevel(std::string_view code, int level) const {
  const OrgNode* node = find(code);
  for (std::size_t steps = 0; node && node->level > level && steps <= nodes_.size(); ++steps)
    node = node->parent.empty() ? nullptr : find(node->parent);
  return node && node->level == level ? node : nullptr;
}

std::vector<const OrgNode*> OrgTree::sortedChildren(std::string_view parent) const {
  std::vector<const OrgNode*> result;
  for (const auto& [code, versions] : nodes_)
    if (versions.back().parent == parent) result.push_back(&versions.back());
  std::sort(result.begin(), result.end(), [](const OrgNode* a, const OrgNode* b) {
    return std::tie(a->order, a->code) < std::tie(b->order, b->code);
  });
  return result;
}

std::vector<const OrgNode*> OrgTree::children(std::string_view code) const {
  return sortedChildren(code);
}

std::vector<const OrgNode*> OrgTree::nodesAtLevel(int level) const {
  std::vector<const OrgNode*> result;
  std::vector<const OrgNode*> stack = sortedChildren("");
  std::reverse(stack.begin(), stack.end());
  while (!stack.empty()) {
    const OrgNode* node = stack.back();
    stack.pop_back();
    if (node->level == level) {
      result.push_back(node);
      continue;
    }
    if (node->level > level) continue;
    auto kids = sortedChildren(node->code);
    stack.insert(stack.end(), kids.rbegin(), kids.rend());
  }
  return result;
}

std::vector<const OrgNode*> OrgTree::allNodes() const {
  std::vector<const OrgNode*> result;
  for (const auto& [code, versions] : nodes_) result.push_back(&versions.back());
  return result;
}

std::vector<OrgMove> orgMoves(const OrgTree& before, const OrgTree& after, int level) {
  std::vector<OrgMove> moves;
  for (const OrgNode* node : after.allNodes()) {
    const OrgNode* old = before.find(node->code);
    if (!old || old->parent == node->parent) continue;
    const OrgNode* fromArea = before.ancestorAtLevel(node->code, level);
    const OrgNode* toArea = after.ancestorAtLevel(node->code, level);
    moves.push_back({node->code, node->name, old->parent, node->parent,
                     fromArea ? fromArea->name : "", toArea ? toArea->name : "",
                     fromArea ? fromArea->code : "", toArea ? toArea->code : ""});
  }
  return moves;
}

}  // namespace namnd
