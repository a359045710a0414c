#pragma once
// How chart series i looks, the same in the Excel chart and the SVG: a colour, and, so that
// series differ without colour too, a fill pattern for bars and a dash and a marker for lines.
// 7 colours, 8 patterns, 5 dashes and 6 markers: 7 has no factor in common with the others, so
// (colour, dash) and (colour, marker) repeat only after 35 and 42 series.

#include <array>
#include <cstddef>
#include <cstdint>

namespace namnd::series_look {

// Dark enough for white hatching on top.
inline constexpr std::array<std::uint32_t, 7> kColours{0x1F4E79, 0xC55A11, 0x548235, 0x7F6000,
                                                       0x7030A0, 0x404040, 0x843C0C};
inline constexpr std::size_t kPatterns = 8;  // look 0 is a solid fill
inline constexpr std::size_t kDashes = 5;    // look 0 is a solid line
inline constexpr std::size_t kMarkers = 6;

inline std::uint32_t colour(std::size_t series) { return kColours[series % kColours.size()]; }
inline std::size_t pattern(std::size_t series) { return series % kPatterns; }
inline std::size_t dash(std::size_t series) { return series % kDashes; }
inline std::size_t marker(std::size_t series) { return series % kMarkers; }

}  // namespace namnd::series_look
