#include "ingest/duplicate_rows.hpp"

#include <algorithm>
#include <bit>
#include <cstring>

#include "core/text_hash.hpp"

namespace namnd {
namespace {

// A 64-bit fingerprint of the fields, 16 bytes per multiply (wyhash's scheme) instead of one
// byte: this runs for every row. Each field is read as overlapping words that cover every byte,
// and its length is mixed in, so ("ab","c") ≠ ("a","bc") and "a" ≠ "a\0".
std::uint64_t fingerprint(const std::vector<std::string_view>& fields) {
  using namespace text_hash;
  std::uint64_t h = kSeed0;
  for (std::string_view field : fields) h = hash(field, h);
  return mix(h ^ kSeed1, fields.size() ^ kSeed0);
}

// Keeps only the rows whose fingerprint may occur more than once, sorted by (fingerprint, line).
// The check covers up to a million rows and runs after the parallel read, so this matters: one
// pass marks each fingerprint's bucket (16 buckets per row) in a bitset, and buckets hit twice
// in a second one (2 MB each for a million rows); only rows in those (about 6 %) are kept and
// sorted. A row dropped has a fingerprint no other row has, so no duplicate is lost. Several
// times faster than sorting every row, and no copy of them.
template <typename Seen>
void keepSortedCandidates(std::vector<Seen>& seen) {
  const auto less = [](const Seen& a, const Seen& b) {
    return a.fingerprint != b.fingerprint ? a.fingerprint < b.fingerprint : a.line < b.line;
  };
  if (seen.size() >= 65536) {
    const int bucketBits = std::bit_width(std::bit_ceil(seen.size())) - 1 + 4;  // 16 per row
    const int shift = 64 - bucketBits;
    std::vector<std::uint64_t> once(std::size_t{1} << (bucketBits - 6));
    std::vector<std::uint64_t> twice(once.size());
    for (const Seen& s : seen) {
      const std::uint64_t bucket = s.fingerprint >> shift;
      const std::uint64_t bit = std::uint64_t{1} << (bucket & 63);
      twice[bucket >> 6] |= once[bucket >> 6] & bit;
      once[bucket >> 6] |= bit;
    }
    std::size_t kept = 0;
    for (const Seen& s : seen) {
      const std::uint64_t bucket = s.fingerprint >> shift;
      if (twice[bucket >> 6] & (std::uint64_t{1} << (bucket & 63))) seen[kept++] = s;
    }
    seen.resize(kept);
  }
  std::sort(seen.begin(), seen.end(), less);
}

}  // namespace

void DuplicateRows::add(std::string_view vernr, const std::vector<std::string_view>& fields,
                        std::int64_t line) {
  if (vernr.empty()) return;
  if (seen_.size() >= kMaxRows) {
    ++unchecked_;
    return;
  }
  seen_.push_back({fingerprint(fields), line});
}

std::vector<std::string> DuplicateRows::report(const std::string& file, std::size_t maxListed) {
  keepSortedCandidates(seen_);
  // Each row equal to the one before it, listed in file order: the first maxListed by line
  // (a bounded max-heap, so memory does not grow with the number found).
  using Pair = std::pair<std::int64_t, std::int64_t>;  // (line, line of the equal row before)
  std::vector<Pair> listed;
  std::size_t found = 0;
  for (std::size_t i = 1; i < seen_.size(); ++i) {
    if (seen_[i].fingerprint != seen_[i - 1].fingerprint) continue;
    ++found;
    const Pair pair{seen_[i].line, seen_[i - 1].line};
    if (listed.size() < maxListed) {
      listed.push_back(pair);
      std::push_heap(listed.begin(), listed.end());
    } else if (!listed.empty() && pair < listed.front()) {
      std::pop_heap(listed.begin(), listed.end());
      listed.back() = pair;
      std::push_heap(listed.begin(), listed.end());
    }
  }
  std::sort_heap(listed.begin(), listed.end());
  std::vector<std::string> lines;
  for (const auto& [line, earlier] : listed)
    lines.push_back("Rad " + std::to_string(line) + " i " + file + " är identisk med rad " +
                    std::to_string(earlier) +
                    " (samma verifikation, konto, ansvar, belopp och text): inläst två gånger?");
  if (found > maxListed)
    lines.push_back("… och " + std::to_string(found - maxListed) + " identiska rader till i " +
                    file);
  if (unchecked_ > 0)
    lines.push_back("Dubblettkontrollen omfattade de första " + std::to_string(kMaxRows) +
                    " raderna med verifikationsnummer; " + std::to_string(unchecked_) +
                    " rader till kontrollerades inte");
  return lines;
}

}  // namespace namnd
