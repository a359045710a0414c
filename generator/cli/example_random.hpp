#pragma once
// Deterministic randomness for the bundled example kommun: splitmix64 with integer arithmetic
// only, so every machine and compiler draws the same numbers (std::*_distribution is
// implementation-defined), and one stream per (purpose, code, year, month), so that adding a
// kind of row never shifts the others.

#include <cstdint>
#include <string_view>

namespace namnd::example {

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}

  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // Uniform in [lo, hi]; the modulo bias is far below anything visible in the data.
  std::int64_t between(std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(hi - lo + 1));
  }

 private:
  std::uint64_t state_;
};

inline Rng streamFor(std::string_view purpose, std::string_view code, int year, int month) {
  std::uint64_t hash = 1469598103934665603ULL;  // FNV-1a
  const auto mix = [&hash](unsigned value) {
    hash ^= value & 0xFFU;
    hash *= 1099511628211ULL;
  };
  for (const char c : purpose) mix(static_cast<unsigned char>(c));
  mix('|');
  for (const char c : code) mix(static_cast<unsigned char>(c));
  mix('|');
  mix(static_cast<unsigned>(year));
  mix(static_cast<unsigned>(year) >> 8);
  mix(static_cast<unsigned>(month));
  return Rng(hash);
}

// value × num / den, rounded half away from zero.
inline std::int64_t scale(std::int64_t value, std::int64_t num, std::int64_t den) {
  const std::int64_t product = value * num;
  const std::int64_t half = den / 2;
  return product >= 0 ? (product + half) / den : -((-product + half) / den);
}

}  // namespace namnd::example
