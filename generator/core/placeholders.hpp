#pragma once
// Header and sentence templates such as "Ack utfall {period}" or "Prognos lämnad {prognos}".
// Every placeholder must be known: an unfilled placeholder is an error, never output.

#include <map>
#include <string>
#include <string_view>

#include "core/period.hpp"

namespace namnd {

using PlaceholderValues = std::map<std::string, std::string, std::less<>>;

// Adds, for name "period" and 2025-10:
//   {period} 202510   {period.ar} 2025   {period.manad} oktober   {period.Manad} Oktober
//   {period.man} okt  {period.dag} 31    {period.datum} 2025-10-31  {period.yymmdd} 251031
//   {period.ackmanader} jan-okt (the ack range in words)
void addPeriodPlaceholders(PlaceholderValues& values, std::string_view name, Period period);

// Replaces every {name}. Throws ConfigError (Swedish) naming the template for an unknown name or
// an unclosed brace. "{{" and "}}" are literal braces.
std::string expandPlaceholders(std::string_view text, const PlaceholderValues& values);

}  // namespace namnd
