#pragma once
// How much a zip entry may inflate before it is refused as a zip bomb.

#include <cstdint>

namespace namnd {

struct ZipLimits {
  std::uint64_t maxEntryBytes = std::uint64_t{512} << 20;      // inflated bytes per entry
  std::uint64_t maxCompressionRatio = 1000;                    // inflated : compressed
  std::uint64_t ratioCheckFromBytes = std::uint64_t{1} << 20;  // small entries may compress well
};

}  // namespace namnd
