#pragma once
// Maps konto codes to report rows (RSUM rows: Intäkter, Personalkostnader …) by ranges of
// leading digits, as Kommun-Bas groups accounts by class and subclass.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/errors.hpp"

namespace namnd {

struct AccountRange {
  std::string from;  // leading digits, e.g. "60"
  std::string to;    // same number of digits, e.g. "62"
  std::string row;   // report row, e.g. "Lokalkostnader energi VA"
  SourceLocation source;
};

class AccountMap {
 public:
  // Throws InputError for ranges with non-digit codes, different lengths, from > to, or an
  // overlap with an existing range of the same length (longer prefixes may refine shorter ones).
  void add(AccountRange range);

  // The row of the most specific (longest-prefix) range containing konto; nullopt if none.
  std::optional<std::string_view> rowFor(std::string_view konto) const;
  // Report rows in the order their first range was added.
  const std::vector<std::string>& rows() const { return rows_; }
  bool empty() const { return ranges_.empty(); }

 private:
  std::vector<AccountRange> ranges_;
  std::vector<std::string> rows_;
};

}  // namespace namnd
