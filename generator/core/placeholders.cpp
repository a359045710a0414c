#include "core/placeholders.hpp"

#include <cstdio>

#include "core/errors.hpp"
#include "core/swedish_calendar.hpp"

namespace namnd {

void addPeriodPlaceholders(PlaceholderValues& values, std::string_view name, Period period) {
  const std::string prefix(name);
  char date[16];
  std::snprintf(date, sizeof date, "%04d-%02d-%02d", period.year(), period.month(),
                period.lastDay());
  char yymmdd[8];
  std::snprintf(yymmdd, sizeof yymmdd, "%02d%02d%02d", period.year() % 100, period.month(),
                period.lastDay());
  values[prefix] = period.toString();
  values[prefix + ".ar"] = std::to_string(period.year());
  values[prefix + ".manad"] = std::string(swedishMonthName(period.month()));
  values[prefix + ".Manad"] = capitalizeFirst(swedishMonthName(period.month()));
  values[prefix + ".man"] = std::string(swedishMonthAbbrev(period.month()));
  values[prefix + ".dag"] = std::to_string(period.lastDay());
  values[prefix + ".datum"] = date;
  values[prefix + ".yymmdd"] = yymmdd;
  values[prefix + ".ackmanader"] =
      period.month() == 1 ? std::string(swedishMonthAbbrev(1))
                          : std::string("jan-") + std::string(swedishMonthAbbrev(period.month()));
}

std::string expandPlaceholders(std::string_view text, const PlaceholderValues& values) {
  std::string out;
  out.reserve(text.size() + 16);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '}' && i + 1 < text.size() && text[i + 1] == '}') {
      out += '}';
      ++i;
      continue;
    }
    if (c != '{') {
      out += c;
      continue;
    }
    if (i + 1 < text.size() && text[i + 1] == '{') {
      out += '{';
      ++i;
      continue;
    }
    const std::size_t close = text.find('}', i + 1);
    if (close == std::string_view::npos)
      throw ConfigError("Mallen \"" + std::string(text) + "\" har en { utan avslutande }.");
    const std::string_view name = text.substr(i + 1, close - i - 1);
    const auto found = values.find(name);
    if (found == values.end())
      throw ConfigError("Okänd platshållare {" + std::string(name) + "} i mallen \"" +
                        std::string(text) + "\".");
    out += found->second;
    i = close;
  }
  return out;
}

}  // namespace namnd
