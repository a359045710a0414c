#include "core/cube.hpp"

#include <algorithm>
#include <bit>
#include <stdexcept>
#include <tuple>
#include <utility>
#include <vector>

namespace namnd {

std::string_view measureName(Measure measure) {
  switch (measure) {
    case Measure::Utfall:
      return "utfall";
    case Measure::Budget:
      return "budget";
    case Measure::BudgetBeslut:
      return "budgetbeslut";
  }
  return "okänt mått";
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

  // Each cell's sort key packed into one 128-bit integer (ranks of 25 bits, the month as
  // year × 12 + month, the measure), sorted together with the cell: a plain integer compare on
  // contiguous items, several times faster than comparing tuples through an index.
  constexpr int kRankBits = 25;
  if (rank.size() >= (std::size_t{1} << kRankBits))
    throw std::length_error("kuben har fler än 2^25 olika koder");
  __extension__ typedef unsigned __int128 Packed;  // GCC and Clang have it
  struct Item {
    Packed key;
    std::int64_t ore;
  };
  std::vector<Item> items;
  items.reserve(cellCount_);
  for (const std::vector<Cell>& block : blocks_) {
    for (const Cell& c : block) {
      if (c.key.measure == kNoMeasure) continue;
      Packed key = rank[c.key.ansvar];
      key = (key << kRankBits) | rank[c.key.konto];
      key = (key << kRankBits) | rank[c.key.verksamhet];
      key = (key << kRankBits) | rank[c.key.projekt];
      // Periods are YYYYMM with a year below 10 000, so year × 12 + month fits in 17 bits.
      const auto month = static_cast<std::uint32_t>((c.key.period / 100) * 12 + c.key.period % 100);
      key = (key << 17) | month;
      key = (key << 8) | static_cast<std::uint8_t>(c.key.measure);
      items.push_back({key, c.ore});
    }
  }
  std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.key < b.key; });
  // Everything is read back from the packed key: no second visit to the scattered cells.
  const auto id = [&](Packed key, int shift) {
    return byText[static_cast<std::uint32_t>(key >> shift) & ((1u << kRankBits) - 1)];
  };
  constexpr int kProjekt = 17 + 8;
  for (const Item& item : items) {
    const auto month =
        static_cast<int>(static_cast<std::uint32_t>(item.key >> 8) & ((1u << 17) - 1));
    const CubeCodeIds ids{id(item.key, kProjekt + 3 * kRankBits),
                          id(item.key, kProjekt + 2 * kRankBits),
                          id(item.key, kProjekt + kRankBits), id(item.key, kProjekt)};
    visit({dictionary_.text(ids.ansvar), dictionary_.text(ids.konto),
           dictionary_.text(ids.verksamhet), dictionary_.text(ids.projekt),
           Period((month - 1) / 12, (month - 1) % 12 + 1),
           static_cast<Measure>(static_cast<std::uint8_t>(item.key)), item.ore, ids});
  }
}

void Cube::forEachUnordered(const std::function<void(const CubeCell&)>& visit) const {
  for (const std::vector<Cell>& block : blocks_) {
    for (const Cell& c : block) {
      if (c.key.measure == kNoMeasure) continue;
      const CubeKey& k = c.key;
      visit({dictionary_.text(k.ansvar), dictionary_.text(k.konto), dictionary_.text(k.verksamhet),
             dictionary_.text(k.projekt), Period(k.period / 100, k.period % 100), k.measure, c.ore,
             CubeCodeIds{k.ansvar, k.konto, k.verksamhet, k.projekt}});
    }
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
