#pragma once
// Finds ledger rows that occur twice in one file with every field equal (voucher number, period,
// konto, ansvar, amount, text …): the sign of a period exported twice, or two exports pasted
// together. Rows are compared by a 64-bit fingerprint (16 bytes per row with its line), and the
// check covers at most kMaxRows rows (16 MB; it says so when a file has more), so that memory
// stays bounded however large the file.

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace namnd {

class DuplicateRows {
 public:
  static constexpr std::size_t kMaxRows = 1'000'000;

  // `fields`: the row's values in a fixed order. Rows without a voucher number are not checked
  // (without it, two equal rows may well be two real bookings).
  void add(std::string_view vernr, const std::vector<std::string_view>& fields, std::int64_t line);
  // Swedish lines: one per duplicated row (the first `maxListed`), then a count.
  // Takes over what a reader of another stretch of the same file has seen.
  void absorb(DuplicateRows&& other) {
    const std::size_t room = kMaxRows > seen_.size() ? kMaxRows - seen_.size() : 0;
    const std::size_t taken = std::min(room, other.seen_.size());
    seen_.insert(seen_.end(), other.seen_.begin(),
                 other.seen_.begin() + static_cast<std::ptrdiff_t>(taken));
    unchecked_ += other.unchecked_ + static_cast<std::int64_t>(other.seen_.size() - taken);
  }
  // Sorts what it has seen in place: call once, at the end.
  std::vector<std::string> report(const std::string& file, std::size_t maxListed = 20);

 private:
  struct Seen {
    std::uint64_t fingerprint;
    std::int64_t line;
  };
  std::vector<Seen> seen_;
  std::int64_t unchecked_ = 0;
};

}  // namespace namnd
