#include "ingest/csv/column_matcher.hpp"

#include <algorithm>

#include "core/errors.hpp"

namespace namnd {

std::string foldColumnName(std::string_view name) {
  std::string folded;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const auto c = static_cast<unsigned char>(name[i]);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      folded += static_cast<char>(c);
    } else if (c >= 'A' && c <= 'Z') {
      folded += static_cast<char>(c + 32);
    } else if (c == 0xC3 && i + 1 < name.size()) {
      // Two-byte UTF-8 Latin letters that matter in Swedish headers.
      const auto next = static_cast<unsigned char>(name[++i]);
      switch (next) {
        case 0xA5:
        case 0x85:
        case 0xA4:
        case 0x84:
          folded += 'a';
          break;  // å Å ä Ä
        case 0xB6:
        case 0x96:
          folded += 'o';
          break;  // ö Ö
        case 0xA9:
        case 0x89:
          folded += 'e';
          break;  // é É
        default:
          break;
      }
    }
  }
  return folded;
}

ColumnMatcher::ColumnMatcher(const std::vector<std::string_view>& header,
                             const std::vector<ColumnSpec>& specs, const std::string& displayName,
                             std::int64_t headerLine) {
  for (std::string_view h : header) header_.emplace_back(h);
  std::vector<std::string> folded;
  for (std::string_view h : header) folded.push_back(foldColumnName(h));

  for (const ColumnSpec& spec : specs) {
    std::vector<std::string> names;
    if (!spec.exportHeader.empty()) {
      names.push_back(foldColumnName(spec.exportHeader));
    } else {
      names.push_back(foldColumnName(spec.name));
      for (const std::string& alias : spec.aliases) names.push_back(foldColumnName(alias));
    }
    std::optional<std::size_t> match;
    for (std::size_t i = 0; i < folded.size(); ++i) {
      if (std::find(names.begin(), names.end(), folded[i]) == names.end()) continue;
      if (match)
        throw InputError(
            {displayName, headerLine, header_[i]},
            "kolumnen " + spec.name + " förekommer två gånger (även \"" + header_[*match] + "\")");
      match = i;
    }
    if (match) {
      found_.emplace_back(spec.name, *match);
    } else if (spec.required) {
      std::string present;
      for (const std::string& h : header_) present += (present.empty() ? "" : ", ") + h;
      const std::string wanted =
          spec.exportHeader.empty() ? spec.name : spec.name + " (\"" + spec.exportHeader + "\")";
      throw InputError({displayName, headerLine, ""},
                       "kolumnen " + wanted + " saknas i rubrikraden (filen har: " + present + ")");
    }
  }
}

std::optional<std::size_t> ColumnMatcher::index(std::string_view canonical) const {
  for (const auto& [name, index] : found_)
    if (name == canonical) return index;
  return std::nullopt;
}

}  // namespace namnd
