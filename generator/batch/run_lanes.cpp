#include "batch/run_lanes.hpp"

#include <map>
#include <numeric>

namespace namnd {

std::vector<std::string> lanesByKeys(const std::vector<std::vector<std::string>>& keys) {
  // Union-find over the runs; a key remembers the first run that held it.
  std::vector<std::size_t> parent(keys.size());
  std::iota(parent.begin(), parent.end(), 0);
  const auto root = [&](std::size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  };
  std::map<std::string, std::size_t> holder;
  for (std::size_t run = 0; run < keys.size(); ++run)
    for (const std::string& key : keys[run]) {
      const auto [found, first] = holder.emplace(key, run);
      if (!first) parent[root(run)] = root(found->second);
    }
  std::vector<std::string> lanes;
  for (std::size_t run = 0; run < keys.size(); ++run) lanes.push_back(std::to_string(root(run)));
  return lanes;
}

}  // namespace namnd
