#pragma once
// Hours (and kronor) from the HR and scheduling exports, per ansvar, month and kind of time:
// the staffing figures of the månadsrapport and the nyckeltal are computed from these.

#include <compare>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/period.hpp"

namespace namnd {

// The `typ` column of the hr input (design: overtid, mertid, timavlonad, inhyrd, ej_tillsatt,
// arbetad, franvaro).
enum class HrKind : std::uint8_t {
  Overtid,     // övertid (full-time staff beyond their schedule)
  Mertid,      // mertid (part-time staff beyond their schedule, up to full time)
  Timavlonad,  // hours worked by hourly-paid staff
  Inhyrd,      // hired staff (bemanningsföretag)
  EjTillsatt,  // scheduled time left unfilled
  Arbetad,     // all hours worked
  Franvaro,    // absence
};

// "overtid" → Overtid …; the input's spelling after folding case and å/ä/ö (see the hr reader).
std::optional<HrKind> hrKindFromName(std::string_view name);
std::string_view hrKindName(HrKind kind);   // "overtid", "ej_tillsatt" …: the input's codes
std::string_view hrKindLabel(HrKind kind);  // "övertid", "ej tillsatt tid" …: for a reader

struct HrKey {
  std::string ansvar;
  Period period;
  HrKind kind = HrKind::Overtid;

  auto operator<=>(const HrKey&) const = default;
};

// Hours are kept in hundredths so that sums are exact ("12,25" h = 1225).
struct HrAmount {
  std::int64_t centihours = 0;
  std::int64_t ore = 0;  // the optional `belopp` column; 0 where the export has none

  HrAmount& operator+=(const HrAmount& other) {
    centihours += other.centihours;
    ore += other.ore;
    return *this;
  }
};

using HrTable = std::map<HrKey, HrAmount>;

}  // namespace namnd
