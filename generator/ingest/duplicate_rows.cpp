#include "ingest/duplicate_rows.hpp"

#include <algorithm>

namespace namnd {
namespace {

// FNV-1a over the fields, with a separator so that ("ab","c") ≠ ("a","bc").
std::uint64_t fingerprint(const std::vector<std::string_view>& fields) {
  std::uint64_t h = 1469598103934665603ULL;
  for (std::string_view field : fields) {
    for (const char c : field) {
      h ^= static_cast<unsigned char>(c);
      h *= 1099511628211ULL;
    }
    h ^= 0x1F;
    h *= 1099511628211ULL;
  }
  return h;
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
  std::vector<Seen>& sorted = seen_;
  std::sort(sorted.begin(), sorted.end(), [](const Seen& a, const Seen& b) {
    return a.fingerprint != b.fingerprint ? a.fingerprint < b.fingerprint : a.line < b.line;
  });
  std::vector<std::string> lines;
  std::size_t found = 0;
  for (std::size_t i = 1; i < sorted.size(); ++i) {
    if (sorted[i].fingerprint != sorted[i - 1].fingerprint) continue;
    if (++found <= maxListed)
      lines.push_back("Rad " + std::to_string(sorted[i].line) + " i " + file +
                      " är identisk med rad " + std::to_string(sorted[i - 1].line) +
                      " (samma verifikation, konto, ansvar, belopp och text): inläst två gånger?");
  }
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
