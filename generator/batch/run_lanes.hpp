#pragma once
// Which runs of a batch must go one after another: runs that share a store (two imports into one
// SQLite file at once would wait on each other or fail) or a nämnd's folder (they would write the
// same run record), directly or through a third run.

#include <string>
#include <vector>

namespace namnd {

// For each run the keys it holds (its store, its folder); returns a lane name per run such that
// runs sharing a key, transitively, share a lane, and no others do.
std::vector<std::string> lanesByKeys(const std::vector<std::vector<std::string>>& keys);

}  // namespace namnd
