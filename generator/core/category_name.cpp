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

}  // namespace namnd
