#include "ingest/csv/column_matcher.hpp"

#include <algorithm>
#include <cstring>

#include "core/errors.hpp"

namespace namnd {
namespace {

// More columns than this are looked up by a plain search (the table stays at most half full).
constexpr std::size_t kMaxHashed = 32;
constexpr std::size_t kMaxHashedLength = 16;

// The slot of the 64-slot table where a probe for a name starts: the canonical names of one
// input differ in length or first byte, and probing sorts out the rest.
std::size_t slotOf(const char* name, std::size_t size) {
  return (static_cast<unsigned char>(name[0]) + size * 8) % 64;
}

template <typename Word>
std::uint64_t load(const char* p) {
  Word w;
  std::memcpy(&w, p, sizeof w);
  return w;
}

// A name of 1 to 16 bytes as two words that, with its length, determine it: the first and last
// eight bytes (overlapping when shorter than 16), or four, or single bytes for 1 to 3.
std::pair<std::uint64_t, std::uint64_t> nameWords(const char* p, std::size_t n) {
  if (n >= 8) return {load<std::uint64_t>(p), load<std::uint64_t>(p + n - 8)};
  if (n >= 4) return {load<std::uint32_t>(p), load<std::uint32_t>(p + n - 4)};
  return {static_cast<unsigned char>(p[0]) |
              std::uint64_t{static_cast<unsigned char>(p[n / 2])} << 8 |
              std::uint64_t{static_cast<unsigned char>(p[n - 1])} << 16,
          0};
}

// A plain search: for names longer than 16 bytes and for more than kMaxHashed columns.
[[gnu::noinline]] std::size_t findByName(
    const std::vector<std::pair<std::string, std::size_t>>& found, std::string_view canonical) {
  for (const auto& [name, index] : found)
    if (name == canonical) return index;
  return static_cast<std::size_t>(-1);
}

}  // namespace

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
    fieldOfSpec_.push_back(match.value_or(kAbsent));
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

  static_assert(kSlots == 64 && kMaxHashed * 2 <= kSlots);
  hashed_ = found_.size() <= kMaxHashed &&
            std::all_of(found_.begin(), found_.end(), [](const auto& entry) {
              return !entry.first.empty() && entry.first.size() <= kMaxHashedLength;
            });
  if (!hashed_) return;
  for (const auto& [name, index] : found_) {
    // Linear probing in found_ order: a name listed twice is found at its first entry, as a
    // plain search would find it.
    std::size_t slot = slotOf(name.data(), name.size());
    while (slots_[slot].size != 0) slot = (slot + 1) % kSlots;
    const auto [head, tail] = nameWords(name.data(), name.size());
    slots_[slot] = {head, tail, index, static_cast<std::uint8_t>(name.size())};
  }
}

std::size_t ColumnMatcher::find(std::string_view canonical) const {
  const std::size_t n = canonical.size();
  // Out of line (a plain search) for what the table does not cover, so that the common case
  // needs no call and no stack frame.
  if (!hashed_ || n == 0 || n > kMaxHashedLength) return findByName(found_, canonical);
  const auto [head, tail] = nameWords(canonical.data(), n);
  for (std::size_t slot = slotOf(canonical.data(), n); slots_[slot].size != 0;
       slot = (slot + 1) % kSlots) {
    const Slot& s = slots_[slot];
    if (s.size == n && s.head == head && s.tail == tail) return s.index;
  }
  return kAbsent;
}

}  // namespace namnd
