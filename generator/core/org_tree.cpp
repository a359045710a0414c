#include "core/org_tree.hpp"

#include <algorithm>
#include <tuple>

namespace namnd {

void OrgTree::add(OrgNode node) {
  if (nodes_.count(node.code))
    throw InputError(node.source, "organisationskoden " + node.code + " förekommer två gånger");
  std::string code = node.code;
  nodes_.emplace(std::move(code), std::move(node));
}

void OrgTree::validate() const {
  for (const auto& [code, node] : nodes_) {
    if (node.parent.empty()) continue;
    const OrgNode* parent = find(node.parent);
    if (!parent)
      throw InputError(node.source, "föräldern " + node.parent + " till " + code + " finns inte");
    if (node.level != parent->level + 1)
      throw InputError(node.source, "nivå " + std::to_string(node.level) + " för " + code +
                                        " ska vara ett under förälderns nivå " +
                                        std::to_string(parent->level));
  }
  // Every child is exactly one level below its parent, so walking up strictly decreases the
  // level: the check above already rules out cycles.
}

const OrgNode* OrgTree::find(std::string_view code) const {
  const auto found = nodes_.find(code);
  return found == nodes_.end() ? nullptr : &found->second;
}

const OrgNode* OrgTree::ancestorAtLevel(std::string_view code, int level) const {
  const OrgNode* node = find(code);
  for (std::size_t steps = 0; node && node->level > level && steps <= nodes_.size(); ++steps)
    node = node->parent.empty() ? nullptr : find(node->parent);
  return node && node->level == level ? node : nullptr;
}

std::vector<const OrgNode*> OrgTree::sortedChildren(std::string_view parent) const {
  std::vector<const OrgNode*> result;
  for (const auto& [code, node] : nodes_)
    if (node.parent == parent) result.push_back(&node);
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

}  // namespace namnd
