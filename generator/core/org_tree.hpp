#pragma once
// The organisation as the nämnd's reports show it: nämnd → verksamhetsområde → enhet → ansvar.
// Levels are numbered from 1 (the top); ledger rows name nodes by code (usually ansvar codes).
//
// A node may have versions valid over periods (an ansvar moving to another enhet from July).
// A report uses the tree of its period: asOf(period) gives a tree with one version per code.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <optional>

#include "core/errors.hpp"
#include "core/period.hpp"

namespace namnd {

struct OrgNode {
  std::string code;
  std::string name;
  std::string parent;  // empty for the root
  int level = 0;
  int order = 0;                    // display order among siblings; ties broken by code
  std::optional<Period> validFrom;  // first month of this version; none = always
  std::optional<Period> validTo;    // last month of this version; none = still valid
  SourceLocation source;

  bool validIn(Period p) const {
    return (!validFrom || *validFrom <= p) && (!validTo || p <= *validTo);
  }
};

// A node whose parent differs between two trees (an org change), with its report-level
// ancestor before and after.
struct OrgMove {
  std::string code;
  std::string name;
  std::string fromParent;
  std::string toParent;
  std::string fromArea;  // name of the ancestor at the report level, before ("" if none)
  std::string toArea;
  std::string fromAreaCode;  // its code ("" if none): names need not be unique
  std::string toAreaCode;
};

class OrgTree {
 public:
  // Throws InputError for a code whose versions overlap in time.
  void add(OrgNode node);
  // Throws InputError (naming the node's source row) for a level that is not one below its
  // parent's (which also rules out cycles), in every period where the tree changes. A missing
  // parent is not fatal — the node's amounts show as not placed — but is listed in problems().
  void validate();
  const std::vector<std::string>& problems() const { return problems_; }
  // The tree as it was in period p: the versions valid then.
  OrgTree asOf(Period p) const;
  bool hasVersions() const { return versioned_; }
  // Months where the tree changes (a version starts, or the month after one ends), ascending.
  std::vector<Period> changePoints() const;

  const OrgNode* find(std::string_view code) const;
  // The node itself or the ancestor at `level`; nullptr when the code is unknown or the node
  // sits above that level.
  const OrgNode* ancestorAtLevel(std::string_view code, int level) const;
  // Nodes at a level in report order: depth-first by (order, code) from the root(s).
  std::vector<const OrgNode*> nodesAtLevel(int level) const;
  std::vector<const OrgNode*> children(std::string_view code) const;
  // Every code (its latest version), in code order.
  std::vector<const OrgNode*> allNodes() const;
  std::size_t size() const { return nodes_.size(); }

 private:
  std::vector<const OrgNode*> sortedChildren(std::string_view parent) const;
  void validateSnapshot(std::vector<std::string>& problems) const;
  // One entry per code; a versioned tree keeps every version of a code, oldest first.
  std::map<std::string, std::vector<OrgNode>, std::less<>> nodes_;
  bool versioned_ = false;
  std::vector<std::string> problems_;
};

// The moves between two trees (same code, other parent), in code order; `level` is the report
// level whose names are shown.
std::vector<OrgMove> orgMoves(const OrgTree& before, const OrgTree& after, int level);

}  // namespace namnd
