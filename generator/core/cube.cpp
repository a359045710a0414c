#include "core/cube.hpp"

#include <algorithm>
#include <tuple>
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

void Cube::add(std::string_view ansvar, std::string_view konto, std::string_view verksamhet,
               std::string_view projekt, Period period, Measure measure, std::int64_t ore) {
  const CubeKey key{dictionary_.intern(ansvar),
                    dictionary_.intern(konto),
                    dictionary_.intern(verksamhet),
                    dictionary_.intern(projekt),
                    period.code(),
                    measure};
  cells_[key] += ore;
}

void Cube::merge(const Cube& other) {
  for (const auto& [key, ore] : other.cells_) {
    const CubeKey mapped{dictionary_.intern(other.dictionary_.text(key.ansvar)),
                         dictionary_.intern(other.dictionary_.text(key.konto)),
                         dictionary_.intern(other.dictionary_.text(key.verksamhet)),
                         dictionary_.intern(other.dictionary_.text(key.projekt)),
                         key.period,
                         key.measure};
    cells_[mapped] += ore;
  }
}

void Cube::forEachSorted(const std::function<void(const CubeCell&)>& visit) const {
  std::vector<CubeCell> sorted;
  sorted.reserve(cells_.size());
  for (const auto& [key, ore] : cells_)
    sorted.push_back({dictionary_.text(key.ansvar), dictionary_.text(key.konto),
                      dictionary_.text(key.verksamhet), dictionary_.text(key.projekt),
                      Period(key.period / 100, key.period % 100), key.measure, ore});
  auto order = [](const CubeCell& c) {
    return std::tie(c.ansvar, c.konto, c.verksamhet, c.projekt, c.period, c.measure);
  };
  std::sort(sorted.begin(), sorted.end(),
            [&](const CubeCell& a, const CubeCell& b) { return order(a) < order(b); });
  for (const CubeCell& cell : sorted) visit(cell);
}

std::int64_t Cube::total(Measure measure) const {
  std::int64_t sum = 0;
  for (const auto& [key, ore] : cells_)
    if (key.measure == measure) sum += ore;
  return sum;
}

}  // namespace namnd
