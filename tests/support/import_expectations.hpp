#pragma once
// What reader tests compare: a cube's cells and a summary's rejected rows, as plain values.

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "core/cube.hpp"
#include "core/import_summary.hpp"

namespace namnd::testing {

// Cells as "ansvar|konto|verksamhet|projekt|period=öre", sorted; every cell must be `measure`.
std::vector<std::string> cells(const Cube& cube, Measure measure = Measure::Utfall);

struct Rejection {
  std::string file;
  std::int64_t line;
  std::string column;
  bool operator==(const Rejection&) const = default;
};

void PrintTo(const Rejection& r, std::ostream* os);

// The places of the rejected rows (each must have a reason).
std::vector<Rejection> rejections(const ImportSummary& summary);

}  // namespace namnd::testing
