#include "core/cube.hpp"

#include <algorithm>
#include <bit>
#include <tuple>
#include <utility>
#include <vector>

namespace namnd {

std::string_view measureName(Measure measure) {
  return measure == Measure::Utfall ? "utfall" : "budget";
}

std::size_t CubeKeyHash::operator()(const CubeKey& k) const noexcept {
  // Mix the fields with a 64-bit multiplicative hash (splitmix-style finaliser).
  std::uint64_t h = (std::uint64_t{k.ansvar} << 32) ^ k.konto;
  h ^= (std::uint64_t{k.verksamhet} << 40) ^ (std::uint64_t{k.projekt} << 20);
  h ^= (static_cast<std::uint64_t>(k.period) << 8) ^ static_cast<std::uint64_t>(k.measure);
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return static_cast<std::size_t>(h);
}

namespace {

// Marks an empty slot of the cell table; no cell has this measure.
constexpr auto kNoMeasure = static_cast<Measure>(0xFF);

}  // namespace

Cube::Cube(Cube&& other) noexcept
    : dictionary_(std::move(other.dictionary_)),
      blocks_(std::move(other.blocks_)),
      slotCount_(std::exchange(other.slotCount_, 0)),
      blockMask_(std::exchange(other.blockMask_, 0)),
      blockBits_(std::exchange(other.blockBits_, 0)),
      cellCount_(std::exchange(other.cellCount_, 0)) {
  other.blocks_.clear();
}

Cube& Cube::operator=(Cube&& other) noexcept {
  if (this != &other) {
    dictionary_ = std::move(other.dictionary_);
    blocks_ = std::move(other.blocks_);
    other.blocks_.clear();
    slotCount_ = std::exchange(other.slotCount_, 0);
    blockMask_ = std::exchange(other.blockMask_, 0);
    blockBits_ = std::exchange(other.blockBits_, 0);
    cellCount_ = std::exchange(other.cellCount_, 0);
  }
  return *this;
}

std::int64_t& Cube::cell(const CubeKey& key) {
  if ((cellCount_ + 1) * 4 > slotCount_ * 3) grow();
  const std::size_t mask = slotCount_ - 1;
  const std::size_t home = CubeKeyHash{}(key)&mask;
  for (std::size_t at = home;; at = (at + 1) & mask) {
    Cell& c = slot(at);
    if (c.key.measure == kNoMeasure) {
      c.key = key;
      ++cellCount_;
      return c.ore;
    }
    if (c.key == key) return c.ore;
  }
}

void Cube::grow() {
  // Doubling sends a cell at index i to i or i + old size (give or take its probe run), so
  // rehashing block by block touches the new blocks in order. New blocks are therefore made
  // when first touched and each old block is freed as soon as it is drained: the memory of the
  // old table is reused for the new one instead of being left free in the heap.
  Cell empty;
  empty.key.measure = kNoMeasure;
  const std::size_t count = slotCount_ == 0 ? 64 : slotCount_ * 2;
  const int bits = std::min(kMaxBlockBits, std::countr_zero(count));
  std::vector<std::vector<Cell>> old(count >> bits);
  old.swap(blocks_);
  slotCount_ = count;
  blockBits_ = bits;
  blockMask_ = (std::size_t{1} << bits) - 1;
  const std::size_t mask = count - 1;
  const auto blockOf = [&](std::size_t at) -> std::vector<Cell>& {
    std::vector<Cell>& block = blocks_[at >> bits];
    if (block.empty()) block.assign(std::size_t{1} << bits, empty);
    return block;
  };
  for (std::vector<Cell>& drained : old) {
    for (const Cell& c : drained) {
      if (c.key.measure == kNoMeasure) continue;
      std::size_t at = CubeKeyHash{}(c.key) & mask;
      while (blockOf(at)[at & blockMask_].key.measure != kNoMeasure) at = (at + 1) & mask;
      blockOf(at)[at & blockMask_] = c;
    }
    std::vector<Cell>().swap(drained);
  }
  for (std::size_t b = 0; b < blocks_.size(); ++b) blockOf(b << bits);
}

void Cube::add(std::string_view ansvar, std::string_view konto, std::string_view verksamhet,
               std::string_view projekt, Period period, Measure measure, std::int64_t ore) {
  const CubeKey key{dictionary_.intern(ansvar),
                    dictionary_.intern(konto),
                    dictionary_.intern(verksamhet),
                    dictionary_.intern(projekt),
                    period.code(),
                    measure};
  cell(key) += ore;
}

void Cube::merge(const Cube& other) {
  // Translate the other dictionary's ids once, not four codes per cell.
  std::vector<std::uint32_t> ids(other.dictionary_.size());
  for (std::uint32_t id = 0; id < ids.size(); ++id)
    ids[id] = dictionary_.intern(other.dictionary_.text(id));
  for (const std::vector<Cell>& block : other.blocks_) {
    for (const Cell& c : block) {
      if (c.key.measure == kNoMeasure) continue;
      const CubeKey& key = c.key;
      const CubeKey mapped{ids[key.ansvar],  ids[key.konto], ids[key.verksamhet],
                           ids[key.projekt], key.period,     key.measure};
      cell(mapped) += c.ore;
    }
  }
}

void Cube::forEachSorted(const std::function<void(const CubeCell&)>& visit) const {
  // Sort by each code's rank among the dictionary's texts rather than by the texts: the same
  // order (codes are distinct), with integer compares instead of string compares.
  std::vector<std::uint32_t> byText(dictionary_.size());
  for (std::uint32_t id = 0; id < byText.size(); ++id) byText[id] = id;
  std::sort(byText.begin(), byText.end(), [&](std::uint32_t a, std::uint32_t b) {
    return dictionary_.text(a) < dictionary_.text(b);
  });
  std::vector<std::uint32_t> rank(byText.size());
  for (std::uint32_t r = 0; r < byText.size(); ++r) rank[byText[r]] = r;

  std::vector<CubeKey> ranked;  // the key with ranks in place of ids
  std::vector<const Cell*> cells;
  ranked.reserve(cellCount_);
  cells.reserve(cellCount_);
  for (const std::vector<Cell>& block : blocks_) {
    for (const Cell& c : block) {
      if (c.key.measure == kNoMeasure) continue;
      ranked.push_back({rank[c.key.ansvar], rank[c.key.konto], rank[c.key.verksamhet],
                        rank[c.key.projekt], c.key.period, c.key.measure});
      cells.push_back(&c);
    }
  }
  std::vector<std::uint32_t> order(ranked.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  const auto tied = [](const CubeKey& k) {
    return std::tie(k.ansvar, k.konto, k.verksamhet, k.projekt, k.period, k.measure);
  };
  std::sort(order.begin(), order.end(),
            [&](std::uint32_t a, std::uint32_t b) { return tied(ranked[a]) < tied(ranked[b]); });
  for (const std::uint32_t i : order) {
    const CubeKey& key = cells[i]->key;
    visit({dictionary_.text(key.ansvar), dictionary_.text(key.konto),
           dictionary_.text(key.verksamhet), dictionary_.text(key.projekt),
           Period(key.period / 100, key.period % 100), key.measure, cells[i]->ore});
  }
}

std::int64_t Cube::total(Measure measure) const {
  std::int64_t sum = 0;
  for (const std::vector<Cell>& block : blocks_)
    for (const Cell& c : block)
      if (c.key.measure == measure) sum += c.ore;
  return sum;
}

}  // namespace namnd
