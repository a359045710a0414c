#include "core/account_map.hpp"

#include <algorithm>

namespace namnd {
namespace {
bool allDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}
}  // namespace

void AccountMap::add(AccountRange range) {
  if (!allDigits(range.from) || !allDigits(range.to))
    throw InputError(range.source, "kontointervallet måste bestå av siffror");
  if (range.from.size() != range.to.size())
    throw InputError(range.source, "konto_fran och konto_till måste ha lika många siffror");
  if (range.from > range.to)
    throw InputError(range.source,
                     "konto_fran " + range.from + " är större än konto_till " + range.to);
  for (const AccountRange& other : ranges_)
    if (other.from.size() == range.from.size() && !(range.to < other.from || other.to < range.from))
      throw InputError(range.source, "intervallet " + range.from + "–" + range.to + " överlappar " +
                                         other.from + "–" + other.to + " (" +
                                         other.source.describe() + ")");
  if (std::find(rows_.begin(), rows_.end(), range.row) == rows_.end()) rows_.push_back(range.row);
  ranges_.push_back(std::move(range));
}

std::optional<std::string_view> AccountMap::rowFor(std::string_view konto) const {
  const AccountRange* best = nullptr;
  for (const AccountRange& range : ranges_) {
    if (konto.size() < range.from.size()) continue;
    const std::string_view prefix = konto.substr(0, range.from.size());
    if (prefix < range.from || prefix > range.to) continue;
    if (!best || range.from.size() > best->from.size()) best = &range;
  }
  if (!best) return std::nullopt;
  return std::string_view(best->row);
}

}  // namespace namnd
