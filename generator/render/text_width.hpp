#pragma once
// How wide a text is in characters, for the renderers' layout estimates (a landscape page for a
// wide table, an Excel column that fits its content): characters are UTF-8 code points, and a
// header that wraps needs only its longest word on one line.

#include <algorithm>
#include <cstddef>
#include <string_view>

namespace namnd {

inline std::size_t codePoints(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

inline std::size_t longestWord(std::string_view text) {
  std::size_t longest = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.size(), text.find_first_of(" \n", start));
    longest = std::max(longest, codePoints(text.substr(start, end - start)));
    start = end + 1;
  }
  return longest;
}

}  // namespace namnd
