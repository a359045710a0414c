#include "core/hr_hours.hpp"

#include <array>
#include <utility>

namespace namnd {
namespace {

constexpr std::array<std::pair<HrKind, std::string_view>, 7> kNames{{
    {HrKind::Overtid, "overtid"},
    {HrKind::Mertid, "mertid"},
    {HrKind::Timavlonad, "timavlonad"},
    {HrKind::Inhyrd, "inhyrd"},
    {HrKind::EjTillsatt, "ej_tillsatt"},
    {HrKind::Arbetad, "arbetad"},
    {HrKind::Franvaro, "franvaro"},
}};

}  // namespace

std::optional<HrKind> hrKindFromName(std::string_view name) {
  for (const auto& [kind, spelled] : kNames)
    if (spelled == name) return kind;
  return std::nullopt;
}

std::string_view hrKindName(HrKind kind) {
  for (const auto& [k, spelled] : kNames)
    if (k == kind) return spelled;
  return "okand";
}

}  // namespace namnd
