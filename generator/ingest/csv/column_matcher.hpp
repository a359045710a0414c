#pragma once
// Finds the canonical columns of an input in an export's header row. Names are compared after
// folding: case, å/ä/ö/é and everything that is not a letter or digit are ignored, so
// "Konto från", "konto_fran" and "KONTOFRÅN" are the same column. Each column has aliases
// for what real exports call it.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace namnd {

struct ColumnSpec {
  std::string name;                  // canonical, as the design's input contract spells it
  std::vector<std::string> aliases;  // other names in real exports
  bool required = true;
  // Set from config for one export ("Belopp SEK"): then only this header matches the column.
  std::string exportHeader;
};

// A column of an input by its position in the list of ColumnSpecs the source was given, with
// its canonical name for messages. A reader resolves its columns' names to ids once (see
// TableSpec::id); the source maps ids to the file's fields once per file, so finding a cell of
// a record is an array index, not a lookup by name on every field of every row.
struct ColumnId {
  std::uint32_t position = 0;
  std::string_view name;  // views the spec's canonical name, which outlives every record
};

// "Konto från" → "kontofran".
std::string foldColumnName(std::string_view name);

class ColumnMatcher {
 public:
  // Throws InputError (on the header's line) for a required column that is missing — listing
  // the columns the file has — or for two header cells that both match one column.
  ColumnMatcher(const std::vector<std::string_view>& header, const std::vector<ColumnSpec>& specs,
                const std::string& displayName, std::int64_t headerLine);

  // Index of the column in each record, or nullopt for an absent optional column.
  std::optional<std::size_t> index(std::string_view canonical) const {
    // Inline around find(), which returns a plain integer: readers ask for every field of every
    // row, and an optional returned from an out-of-line call costs a store-forwarding stall.
    const std::size_t found = find(canonical);
    if (found == kAbsent) return std::nullopt;
    return found;
  }
  bool has(std::string_view canonical) const { return find(canonical) != kAbsent; }
  // Index of the column in each record, or kAbsent for an absent optional column (an index no
  // record reaches, so a caller that bounds-checks needs no second test).
  static constexpr std::size_t kAbsent = static_cast<std::size_t>(-1);
  std::size_t fieldOf(ColumnId column) const {
    return column.position < fieldOfSpec_.size() ? fieldOfSpec_[column.position] : kAbsent;
  }
  bool has(ColumnId column) const { return fieldOf(column) != kAbsent; }
  // The header text as the file wrote it, for messages.
  const std::string& headerText(std::size_t index) const { return header_[index]; }

 private:
  std::size_t find(std::string_view canonical) const;  // kAbsent when not found

  std::vector<std::string> header_;
  std::vector<std::pair<std::string, std::size_t>> found_;
  std::vector<std::size_t> fieldOfSpec_;  // per ColumnSpec given, in order: its field or kAbsent
  // index() runs for every field of every row: an open-addressing table of the names found
  // (of 1 to 16 bytes), keyed by length and first byte, each slot holding its name as the two
  // overlapping words a lookup reads. A lookup then reads one slot and compares two words.
  struct Slot {
    std::uint64_t head = 0;
    std::uint64_t tail = 0;
    std::size_t index = 0;
    std::uint8_t size = 0;  // 0: empty
  };
  static constexpr std::size_t kSlots = 64;
  std::array<Slot, kSlots> slots_{};
  bool hashed_ = false;  // false: too many or too long names, find() searches found_
};

}  // namespace namnd
