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

std::string_view hrKindLabel(HrKind kind) {
  switch (kind) {
    case HrKind::Overtid:
      return "övertid";
    case HrKind::Mertid:
      return "mertid";
    case HrKind::Timavlonad:
      return "timavlönade";
    case HrKind::Inhyrd:
      return "inhyrd personal";
    case HrKind::EjTillsatt:
      return "ej tillsatt tid";
    case HrKind::Arbetad:
      return "arbetad tid";
    case HrKind::Franvaro:
      return "frånvaro";
  }
  return "okänd";
}

}  // namespace namnd
