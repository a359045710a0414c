#include "ingest/sie/sie_fields.hpp"
#include "core/errors.hpp"

#include <algorithm>

namespace namnd {
namespace {

std::optional<int> digits(std::string_view text) {
  if (text.empty() || text.size() > 9) return std::nullopt;
  int value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace

std::string SieDate::toString() const { return std::to_string(number()); }

std::optional<SieDate> parseSieDate(std::string_view text) {
  if (text.size() != 8) return std::nullopt;
  const auto year = digits(text.substr(0, 4));
  const auto month = digits(text.substr(4, 2));
  const auto day = digits(text.substr(6, 2));
  if (!year || !month || !day || *year < 1900 || *year > 2999 || *month < 1 || *month > 12 ||
      *day < 1)
    return std::nullopt;
  if (*day > Period(*year, *month).lastDay()) return std::nullopt;
  return SieDate{*year, *month, *day};
}

std::optional<int> parseDimension(std::string_view text) {
  const auto value = digits(text);
  if (!value || *value < 1 || text.size() > 4) return std::nullopt;
  return value;
}

std::optional<std::string> pickObjects(std::span<const std::string_view> items,
                                       const SieDimensionMap& dims, SieObjectCodes& out,
                                       std::vector<int>& unmapped) {
  out = SieObjectCodes{};
  if (items.size() % 2 != 0)
    return "objektlistan har ett udda antal fält (par av dimension och objekt väntades)";
  out.empty = items.empty();
  for (std::size_t i = 0; i < items.size(); i += 2) {
    const auto dim = parseDimension(items[i]);
    if (!dim) return "dimensionen " + quotedValue(items[i]) + " i objektlistan är inte ett heltal";
    bool used = false;
    // Not else-if: one SIE dimension may feed two of ours.
    if (*dim == dims.ansvar) {
      out.ansvar = items[i + 1];
      out.hasAnsvar = true;
      used = true;
    }
    if (*dim == dims.verksamhet) {
      out.verksamhet = items[i + 1];
      used = true;
    }
    if (*dim == dims.projekt) {
      out.projekt = items[i + 1];
      used = true;
    }
    if (!used && std::find(unmapped.begin(), unmapped.end(), *dim) == unmapped.end())
      unmapped.push_back(*dim);
  }
  return std::nullopt;
}

}  // namespace namnd
