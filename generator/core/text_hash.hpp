#pragma once
// A fast 64-bit hash of short texts (codes, fields), wyhash's scheme: words read so that every
// byte counts, mixed by a 64×64→128-bit multiply. Not cryptographic; for hash tables and
// fingerprints inside one run.

#include <cstdint>
#include <cstring>
#include <string_view>

namespace namnd::text_hash {

__extension__ using Wide = unsigned __int128;  // GCC and Clang; __extension__: no pedantic warning

inline constexpr std::uint64_t kSeed0 = 0xa0761d6478bd642fULL;
inline constexpr std::uint64_t kSeed1 = 0xe7037ed1a0b428dbULL;
inline constexpr std::uint64_t kSeed2 = 0x8ebc6af09c88c6e3ULL;

// 64×64 → 128-bit multiply, folded: the mixing step of wyhash.
inline std::uint64_t mix(std::uint64_t a, std::uint64_t b) {
  const Wide product = static_cast<Wide>(a) * b;
  return static_cast<std::uint64_t>(product) ^ static_cast<std::uint64_t>(product >> 64);
}

inline std::uint64_t load64(const char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, sizeof w);
  return w;
}

inline std::uint64_t load32(const char* p) {
  std::uint32_t w;
  std::memcpy(&w, p, sizeof w);
  return w;
}

// The hash of `text` continuing from `seed`: chaining calls hashes a sequence of texts, and the
// length is mixed in, so ("ab","c") ≠ ("a","bc") and "a" ≠ "a\0". Codes are a few bytes long:
// they are read as one or two overlapping words, each byte at least once.
inline std::uint64_t hash(std::string_view text, std::uint64_t seed = kSeed0) {
  const char* p = text.data();
  const std::size_t n = text.size();
  std::uint64_t a = 0;
  std::uint64_t b = 0;
  if (n <= 16) {
    if (n >= 4) {
      const std::size_t quarter = (n >> 3) << 2;
      a = (load32(p) << 32) | load32(p + quarter);
      b = (load32(p + n - 4) << 32) | load32(p + n - 4 - quarter);
    } else if (n > 0) {
      a = (std::uint64_t{static_cast<unsigned char>(p[0])} << 16) |
          (std::uint64_t{static_cast<unsigned char>(p[n >> 1])} << 8) |
          static_cast<unsigned char>(p[n - 1]);
    }
  } else {
    std::size_t left = n;
    for (; left > 16; left -= 16, p += 16) seed = mix(load64(p) ^ kSeed1, load64(p + 8) ^ seed);
    a = load64(p + left - 16);
    b = load64(p + left - 8);
  }
  return mix(kSeed1 ^ n, mix(a ^ kSeed1, b ^ seed ^ kSeed2));
}

}  // namespace namnd::text_hash
