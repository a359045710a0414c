#include "core/dictionary.hpp"

#include <cstring>

#include "core/text_hash.hpp"

namespace namnd {
namespace {

using text_hash::load32;
using text_hash::load64;

std::uint64_t hashText(std::string_view text) { return text_hash::hash(text); }

[[gnu::noinline]] bool sameLongBytes(const char* a, const char* b, std::size_t n) {
  return std::memcmp(a, b, n) == 0;
}

// Equality of two texts of length n; codes are short, so words rather than a call to memcmp.
inline bool sameBytes(const char* a, const char* b, std::size_t n) {
  if (n > 16) return sameLongBytes(a, b, n);
  if (n >= 8) return load64(a) == load64(b) && load64(a + n - 8) == load64(b + n - 8);
  if (n >= 4) return load32(a) == load32(b) && load32(a + n - 4) == load32(b + n - 4);
  for (std::size_t i = 0; i < n; ++i)
    if (a[i] != b[i]) return false;
  return true;
}

}  // namespace

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
  if (text.empty() && !views_.empty()) return kEmpty;  // most projekt cells
  const std::uint64_t hash = hashText(text);
  if (slots_.empty()) return insert(text, hash);
  const auto tag = static_cast<std::uint32_t>(hash >> 32);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t at = hash & mask; slots_[at].idPlusOne != 0; at = (at + 1) & mask) {
    const Slot slot = slots_[at];
    if (slot.hashTag != tag) continue;
    const std::string_view stored = views_[slot.idPlusOne - 1];
    if (stored.size() == text.size() && sameBytes(stored.data(), text.data(), text.size()))
      return slot.idPlusOne - 1;
  }
  return insert(text, hash);
}

// Out of line: a new code is rare, and keeping this apart keeps the lookup above small.
[[gnu::noinline]] std::uint32_t Dictionary::insert(std::string_view text, std::uint64_t hash) {
  const auto id = static_cast<std::uint32_t>(texts_.size());
  texts_.emplace_back(text);
  views_.push_back(texts_.back());
  hashes_.push_back(hash);
  if (views_.size() * 2 > slots_.size()) {
    grow();  // places the new id too
  } else {
    const std::size_t mask = slots_.size() - 1;
    std::size_t at = hash & mask;
    while (slots_[at].idPlusOne != 0) at = (at + 1) & mask;
    slots_[at] = {id + 1, static_cast<std::uint32_t>(hash >> 32)};
  }
  return id;
}

void Dictionary::grow() {
  std::vector<Slot> bigger(slots_.empty() ? 16 : slots_.size() * 2);
  const std::size_t mask = bigger.size() - 1;
  for (std::uint32_t id = 0; id < views_.size(); ++id) {
    std::size_t at = hashes_[id] & mask;
    while (bigger[at].idPlusOne != 0) at = (at + 1) & mask;
    bigger[at] = {id + 1, static_cast<std::uint32_t>(hashes_[id] >> 32)};
  }
  slots_.swap(bigger);
}

}  // namespace namnd
