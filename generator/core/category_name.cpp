#include "core/category_name.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace namnd {

std::string foldCategoryName(std::string_view name) {
  std::string folded;
  folded.reserve(name.size());
  bool pendingSpace = false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const auto c = static_cast<unsigned char>(name[i]);
    const bool nbsp =
        c == 0xC2 && i + 1 < name.size() && static_cast<unsigned char>(name[i + 1]) == 0xA0;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' || nbsp) {
      if (nbsp) ++i;
      pendingSpace = !folded.empty();  // leading white space is dropped, trailing never written
      continue;
    }
    if (pendingSpace) folded.push_back(' ');
    pendingSpace = false;
    if (c >= 'A' && c <= 'Z') {
      folded.push_back(static_cast<char>(c - 'A' + 'a'));
    } else if (c == 0xC3 && i + 1 < name.size()) {
      // UTF-8 À–Þ (C3 80–9E, but not × at C3 97) lower-case to C3 A0–BE.
      auto next = static_cast<unsigned char>(name[i + 1]);
      if (next >= 0x80 && next <= 0x9E && next != 0x97)
        next = static_cast<unsigned char>(next + 0x20);
      folded.push_back(static_cast<char>(c));
      folded.push_back(static_cast<char>(next));
      ++i;
    } else {
      folded.push_back(static_cast<char>(c));
    }
  }
  return folded;
}

std::optional<std::string> foldToAsciiCode(std::string_view text, bool lettersAndDigitsOnly) {
  std::string code;
  code.reserve(text.size());
  bool pendingSeparator = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    char plain = 0;
    if (c == ' ' || c == '-' || c == '_' || c == '\t') {
      pendingSeparator = !code.empty();  // a run of them is one '_'; leading ones are dropped
      continue;
    }
    if (c >= 'A' && c <= 'Z') {
      plain = static_cast<char>(c - 'A' + 'a');
    } else if (lettersAndDigitsOnly ? (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') : c < 0x80) {
      plain = static_cast<char>(c);
    } else if (c == 0xC3 && i + 1 < text.size()) {
      // UTF-8 Å Ä Ö å ä ö É é: C3 85/84/96, A5/A4/B6, 89/A9
      switch (static_cast<unsigned char>(text[i + 1])) {
        case 0x85:
        case 0x84:
        case 0xA5:
        case 0xA4:
          plain = 'a';
          break;
        case 0x96:
        case 0xB6:
          plain = 'o';
          break;
        case 0x89:
        case 0xA9:
          plain = 'e';
          break;
        default:
          return std::nullopt;
      }
      ++i;
    } else {
      return std::nullopt;
    }
    if (pendingSeparator) code.push_back('_');
    pendingSeparator = false;
    code.push_back(plain);
  }
  return code;
}

namespace {

// The code points of a folded UTF-8 name (a byte that is not valid UTF-8 stands for itself).
std::vector<std::uint32_t> codePoints(std::string_view text) {
  std::vector<std::uint32_t> points;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const std::size_t length = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
    if (length == 1 || i + length > text.size()) {
      points.push_back(c);
      ++i;
      continue;
    }
    std::uint32_t point = c & (0xFF >> (length + 1));
    for (std::size_t k = 1; k < length; ++k)
      point = (point << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    points.push_back(point);
    i += length;
  }
  return points;
}

// A letter's place in the Swedish alphabet: four slots per code point, so that å, ä and ö fit
// between z and the next character.
std::uint32_t swedishWeight(std::uint32_t point) {
  switch (point) {
    case 0xE5:  // å
      return 'z' * 4 + 1;
    case 0xE4:  // ä
    case 0xE6:  // æ
      return 'z' * 4 + 2;
    case 0xF6:  // ö
    case 0xF8:  // ø
      return 'z' * 4 + 3;
    case 0xE9:  // é
    case 0xE8:  // è
      return 'e' * 4;
    case 0xE1:  // á
    case 0xE0:  // à
      return 'a' * 4;
    case 0xFC:  // ü
      return 'y' * 4;
    default:
      return point * 4;
  }
}

}  // namespace

bool swedishLess(std::string_view a, std::string_view b) {
  const std::vector<std::uint32_t> x = codePoints(foldCategoryName(a));
  const std::vector<std::uint32_t> y = codePoints(foldCategoryName(b));
  const auto weightLess = [](std::uint32_t p, std::uint32_t q) {
    return swedishWeight(p) < swedishWeight(q);
  };
  if (std::lexicographical_compare(x.begin(), x.end(), y.begin(), y.end(), weightLess)) return true;
  if (std::lexicographical_compare(y.begin(), y.end(), x.begin(), x.end(), weightLess))
    return false;
  return a < b;
}

}  // namespace namnd
