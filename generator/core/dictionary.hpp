#pragma once
// Interns dimension codes (ansvar, konto …) as dense integer ids, so that cube keys are small
// integers and hashing never touches a string.

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace namnd {

class Dictionary {
 public:
  static constexpr std::uint32_t kEmpty = 0;  // id 0 is always the empty string

  Dictionary();
  Dictionary(const Dictionary& other);
  Dictionary& operator=(const Dictionary& other);
  Dictionary(Dictionary&&) noexcept = default;
  Dictionary& operator=(Dictionary&&) noexcept = default;

  std::uint32_t intern(std::string_view text);
  std::string_view text(std::uint32_t id) const { return views_[id]; }
  std::size_t size() const { return texts_.size(); }

 private:
  // Open addressing (linear probing) over ids: ingest interns four codes per row, and a probe
  // that compares a stored hash before any text is much cheaper than a node-based map.
  struct Slot {
    std::uint32_t idPlusOne = 0;  // 0: empty
    std::uint32_t hashTag = 0;    // high half of the text's hash
  };
  std::uint32_t insert(std::string_view text, std::uint64_t hash);
  void grow();

  std::deque<std::string> texts_;        // deque: views into it stay valid as it grows
  std::vector<std::string_view> views_;  // views_[id] = texts_[id], without deque indexing
  std::vector<std::uint64_t> hashes_;    // hashes_[id], for growing the table
  std::vector<Slot> slots_;              // a power of two, at most half full
};

}  // namespace namnd
