#pragma once
// Interns dimension codes (ansvar, konto …) as dense integer ids, so that cube keys are small
// integers and hashing never touches a string.

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>

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
  std::string_view text(std::uint32_t id) const { return texts_[id]; }
  std::size_t size() const { return texts_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::deque<std::string> texts_;  // deque: views into it stay valid as it grows
  std::unordered_map<std::string_view, std::uint32_t, Hash, std::equal_to<>> ids_;
};

}  // namespace namnd
