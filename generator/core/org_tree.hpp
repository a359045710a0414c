#pragma once
// The organisation as the nämnd's reports show it: nämnd → verksamhetsområde → enhet → ansvar.
// Levels are numbered from 1 (the top); ledger rows name nodes by code (usually ansvar codes).

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/errors.hpp"

namespace namnd {

struct OrgNode {
  std::string code;
  std::string name;
  std::string parent;  // empty for the root
  int level = 0;
  int order = 0;  // display order among siblings; ties broken by code
  SourceLocation source;
};

class OrgTree {
 public:
  // Throws InputError for a duplicate code.
  void add(OrgNode node);
  // Throws InputError (naming the node's source row) for a missing parent, a cycle, or a level
  // that is not one below its parent's.
  void validate() const;

  const OrgNode* find(std::string_view code) const;
  // The node itself or the ancestor at `level`; nullptr when the code is unknown or the node
  // sits above that level.
  const OrgNode* ancestorAtLevel(std::string_view code, int level) const;
  // Nodes at a level in report order: depth-first by (order, code) from the root(s).
  std::vector<const OrgNode*> nodesAtLevel(int level) const;
  std::vector<const OrgNode*> children(std::string_view code) const;
  std::size_t size() const { return nodes_.size(); }

 private:
  std::vector<const OrgNode*> sortedChildren(std::string_view parent) const;
  std::map<std::string, OrgNode, std::less<>> nodes_;
};

}  // namespace namnd
