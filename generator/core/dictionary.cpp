#include "core/dictionary.hpp"

namespace namnd {

Dictionary::Dictionary() { intern(""); }

Dictionary::Dictionary(const Dictionary& other) {
  for (const std::string& text : other.texts_) intern(text);
}

Dictionary& Dictionary::operator=(const Dictionary& other) {
  if (this != &other) {
    Dictionary copy(other);
    *this = std::move(copy);
  }
  return *this;
}

std::uint32_t Dictionary::intern(std::string_view text) {
  if (const auto found = ids_.find(text); found != ids_.end()) return found->second;
  const auto id = static_cast<std::uint32_t>(texts_.size());
  texts_.emplace_back(text);
  ids_.emplace(texts_.back(), id);
  return id;
}

}  // namespace namnd
