#include "core/category_name.hpp"

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

}  // namespace namnd
