#pragma once
// The cube: exact sums in öre by (ansvar, konto, verksamhet, projekt, period, measure).
// Ingest streams rows into a cube per file; the store keeps cubes; aggregate rolls them up.

#include <cstdint>
#include <functional>
#include <string_view>
#include <unordered_map>

#include "core/dictionary.hpp"
#include "core/period.hpp"

namespace namnd {

enum class Measure : std::uint8_t { Utfall = 0, Budget = 1 };

std::string_view measureName(Measure measure);  // "utfall", "budget"

struct CubeKey {
  std::uint32_t ansvar = 0;
  std::uint32_t konto = 0;
  std::uint32_t verksamhet = 0;
  std::uint32_t projekt = 0;
  std::int32_t period = 0;  // YYYYMM
  Measure measure = Measure::Utfall;

  bool operator==(const CubeKey&) const = default;
};

struct CubeKeyHash {
  std::size_t operator()(const CubeKey& k) const noexcept;
};

// A cube cell with its codes spelled out, for iteration and storage.
struct CubeCell {
  std::string_view ansvar;
  std::string_view konto;
  std::string_view verksamhet;
  std::string_view projekt;
  Period period;
  Measure measure;
  std::int64_t ore;
};

class Cube {
 public:
  void add(std::string_view ansvar, std::string_view konto, std::string_view verksamhet,
           std::string_view projekt, Period period, Measure measure, std::int64_t ore);
  // Adds every cell of `other` (codes re-interned into this cube's dictionary).
  void merge(const Cube& other);

  // Cells in a stable order (by ansvar, konto, verksamhet, projekt, period, measure), so that
  // everything derived from a cube is deterministic.
  void forEachSorted(const std::function<void(const CubeCell&)>& visit) const;
  std::size_t cellCount() const { return cells_.size(); }
  std::int64_t total(Measure measure) const;
  bool empty() const { return cells_.empty(); }

 private:
  Dictionary dictionary_;
  std::unordered_map<CubeKey, std::int64_t, CubeKeyHash> cells_;
};

}  // namespace namnd
