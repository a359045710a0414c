#pragma once
// The cube: exact sums in öre by (ansvar, konto, verksamhet, projekt, period, measure).
// Ingest streams rows into a cube per file; the store keeps cubes; aggregate rolls them up.

#include <cstdint>
#include <functional>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/dictionary.hpp"
#include "core/period.hpp"

namespace namnd {

// Budget holds the budget per month (a revision's amount spread from its giltig_from on).
// BudgetBeslut marks when a revision was decided: the revision's whole amount once, at its
// giltig_from month, so that the helår budget as known at a month P leaves out the revisions
// valid after P (Σ Budget of the year − Σ BudgetBeslut after P). It is not an amount of its own:
// never add it to utfall or budget.
enum class Measure : std::uint8_t { Utfall = 0, Budget = 1, BudgetBeslut = 2 };

std::string_view measureName(Measure measure);  // "utfall", "budget", "budgetbeslut"

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

// The codes of a cell as the cube's own ids: within one cube, equal ids mean equal codes, so a
// writer can number the codes it has seen without hashing their texts.
struct CubeCodeIds {
  std::uint32_t ansvar = 0;
  std::uint32_t konto = 0;
  std::uint32_t verksamhet = 0;
  std::uint32_t projekt = 0;
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
  CubeCodeIds ids;  // the same codes, as ids of the cube visited
};

class Cube {
 public:
  Cube() = default;
  Cube(const Cube&) = default;
  Cube& operator=(const Cube&) = default;
  // A moved-from cube is empty (its counts go with the table).
  Cube(Cube&& other) noexcept;
  Cube& operator=(Cube&& other) noexcept;

  void add(std::string_view ansvar, std::string_view konto, std::string_view verksamhet,
           std::string_view projekt, Period period, Measure measure, std::int64_t ore);
  // Adds every cell of `other` (codes re-interned into this cube's dictionary).
  void merge(const Cube& other);

  // Cells in a stable order (by ansvar, konto, verksamhet, projekt, period, measure), so that
  // everything derived from a cube is deterministic.
  void forEachSorted(const std::function<void(const CubeCell&)>& visit) const;
  // Cells in storage order, for sums that do not depend on order (exact integer sums never do):
  // no sort, which is most of the cost of a sorted walk over a large cube.
  void forEachUnordered(const std::function<void(const CubeCell&)>& visit) const;
  // The number of distinct codes, so that a visitor can index per-code state by CubeCodeIds.
  std::size_t codeCount() const { return dictionary_.size(); }
  std::size_t cellCount() const { return cellCount_; }
  std::int64_t total(Measure measure) const;
  bool empty() const { return cellCount_ == 0; }

 private:
  // Open addressing (linear probing): ingest adds every row, and a probe into contiguous cells is
  // much cheaper than a node-based map. An empty slot has kNoMeasure. The slots live in blocks
  // of at most 2^kMaxBlockBits cells (64 KB): growing the table then frees only blocks below
  // glibc's mmap threshold, which later blocks reuse. (Freeing one large array raises that
  // threshold, and other large buffers then stay in the heap: 10 MB more peak RSS.)
  struct Cell {
    CubeKey key;
    std::int64_t ore = 0;
  };
  static constexpr int kMaxBlockBits = 11;
  Cell& slot(std::size_t i) { return blocks_[i >> blockBits_][i & blockMask_]; }
  std::int64_t& cell(const CubeKey& key);
  void grow();

  Dictionary dictionary_;
  std::vector<std::vector<Cell>> blocks_;
  std::size_t slotCount_ = 0;  // a power of two, at most 3/4 full
  std::size_t blockMask_ = 0;
  int blockBits_ = 0;
  std::size_t cellCount_ = 0;
};

}  // namespace namnd
