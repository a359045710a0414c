#include "cli/example_hr.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "cli/example_random.hpp"
#include "core/errors.hpp"
#include "render/atomic_output_file.hpp"

namespace namnd {
namespace {

namespace fs = std::filesystem;
using example::Rng;
using example::scale;
using example::streamFor;
using i64 = std::int64_t;

constexpr int kYear = 2025;
constexpr i64 kScheduledHoursPerFte = 165;  // a full-time month, in hours

// Schedules and time reports count in quarter hours.
i64 quarterHours(i64 centihours) { return scale(centihours, 1, 25) * 25; }

// Monthly factors in permille of an ordinary month.
using Profile12 = std::array<i64, 12>;
// Vikarier cover the summer holidays.
constexpr Profile12 kHourlySeason = {900,  850,  900, 900, 1000, 1300,
                                     1700, 1400, 950, 900, 900,  1000};
// Permanent staff take their semester in the summer.
constexpr Profile12 kWorkedSeason = {1000, 1000, 1000, 1000, 1000, 950,
                                     800,  900,  1000, 1000, 1000, 980};
constexpr Profile12 kOvertimeSeason = {900,  900,  950, 950, 1000, 1200,
                                       1400, 1250, 950, 900, 900,  1100};
// Flu season in winter, least sickness in July.
constexpr Profile12 kSickSeason = {1200, 1250, 1100, 1000, 900,  800,
                                   600,  700,  950,  1050, 1150, 1250};
// Agency nurses cover the summer holidays (weights of the year's hours).
constexpr Profile12 kAgencySummer = {60, 60, 70, 70, 80, 130, 170, 140, 60, 60, 50, 50};

i64 season(const Profile12& profile, int month) {
  return profile[static_cast<std::size_t>(month - 1)];
}

// Staffing of one ansvar. Hours are per ordinary month; the seasons shape them.
struct Staffing {
  const char* code;        // level 4 of data/exempel/org.csv
  i64 fte;                 // månadsanställda, in årsarbetare
  i64 overtimePermille;    // övertid, permille of scheduled time
  i64 mertidPermille;      // mertid of part-time staff, permille of scheduled time
  i64 hourlyHours;         // timavlönade, hours in an ordinary month
  i64 unfilledHours;       // schemalagd tid som inte tillsattes, hours in an ordinary month
  i64 agencyHoursPerYear;  // inhyrd bemanning
  i64 sickPermille;        // frånvaro (sjukfrånvaro), permille of scheduled time
};

// Säbo (AO1) carries 47 % of the timavlönade hours and hemtjänst (AO2) a third, as in
// Färgelanda; the rest are spread over korttid, LSS, assistans and hemsjukvården. Hemsjukvården
// (HS1) has the övertid and the inhyrda sjuksköterskor.
// clang-format off
const std::vector<Staffing> kStaffing = {
  {"1110",  9,  3,  0,   0,   0,    0, 35},
  {"1120",  9,  3,  0,   0,   0,    0, 40},
  {"1130",  5,  2,  0,   0,   0,    0, 30},
  {"2110", 70,  6, 12, 780,  60,    0, 95},
  {"2120", 63,  5, 12, 700,   0,    0, 85},
  {"2130", 48,  5, 10, 530,   0,    0, 80},
  {"2140", 45,  8, 12, 588,  45,    0, 100},
  {"2210", 80, 12, 10, 900, 120,    0, 105},
  {"2220", 57, 11, 10, 650,  80,    0, 95},
  {"2230", 19,  9,  6, 200,   0,    0, 80},
  {"2240",  7,  4,  4,  74,   0,    0, 60},
  {"2310", 26,  6, 10, 250,   0,    0, 85},
  {"2320",  8,  2,  6,   0,   0,    0, 60},
  {"2410", 10,  3,  0,   0,   0,    0, 45},
  {"2490",  3,  2,  0,   0,   0,    0, 30},
  {"3110", 32, 22,  3,  40,  30, 1250, 60},
  {"3120", 12, 27,  3,  36,  25,  330, 65},
  {"3210", 17,  3,  2,   0,   0,    0, 45},
  {"3220",  3,  2,  0,   0,   0,    0, 40},
  {"4110", 16,  8,  0,   0,   0,    0, 55},
  {"4130",  7,  4,  0,   0,   0,    0, 45},
  {"4210",  9,  5,  0,   0,   0,    0, 50},
  {"4310", 16,  3,  4,   0,   0,    0, 50},
  {"4410",  8,  4,  0,   0,   0,    0, 45},
  {"5110", 26,  5, 10, 120,  30,    0, 80},
  {"5120", 24,  5, 10, 110,   0,    0, 75},
  {"5130", 20,  4,  8,  80,   0,    0, 70},
  {"5140", 22,  5, 10, 100,   0,    0, 80},
  {"5210", 24,  2,  6,   0,   0,    0, 60},
  {"5310", 19,  6, 15,  90,   0,    0, 75},
  {"5320", 62,  5, 15, 240,   0,    0, 80},
  {"5410", 18,  5, 10,  40,   0,    0, 75},
  {"5420", 14,  3,  6,   0,   0,    0, 55},
  {"6120", 10,  2,  0,   0,   0,    0, 45},
  {"6210", 14,  2,  4,   0,   0,    0, 55},
  {"6220",  8,  0,  0,   0,   0,    0, 40},
};
// clang-format on

// "1234,50": hundredths (hours or öre) with a decimal comma, as Swedish exports write them.
std::string hundredths(i64 value) {
  const bool negative = value < 0;
  const i64 magnitude = negative ? -value : value;
  std::string cents = std::to_string(magnitude % 100);
  if (cents.size() < 2) cents.insert(0, 1, '0');
  return (negative ? "-" : "") + std::to_string(magnitude / 100) + "," + cents;
}

std::string periodCode(int month) {
  return std::to_string(kYear) + (month < 10 ? "0" : "") + std::to_string(month);
}

class HrWriter {
 public:
  std::string write() {
    text_ = "period;ansvar;typ;timmar;belopp\n";
    for (int month = 1; month <= 12; ++month)
      for (const Staffing& s : kStaffing) writeMonth(s, month);
    return std::move(text_);
  }

 private:
  void row(int month, const Staffing& s, std::string_view typ, i64 centihours,
           std::optional<i64> ore = std::nullopt) {
    if (centihours == 0) return;
    text_ += periodCode(month) + ";" + s.code + ";" + std::string(typ) + ";" +
             hundredths(centihours) + ";" + (ore ? hundredths(*ore) : "") + "\n";
  }

  // Hours × a kr/h drawn in [lo, hi]: the belopp in öre (centihours × kr/h = öre).
  static i64 paid(Rng& rng, i64 centihours, i64 lo, i64 hi) {
    return centihours * rng.between(lo, hi);
  }

  void writeMonth(const Staffing& s, int month) {
    const i64 scheduled = s.fte * kScheduledHoursPerFte * 100;  // centihours
    Rng rng = streamFor("hr", s.code, kYear, month);
    const auto vary = [&rng](i64 value, i64 permille) {
      return scale(value, 1000 + rng.between(-permille, permille), 1000);
    };

    const i64 overtime = quarterHours(vary(
        scale(scale(scheduled, s.overtimePermille, 1000), season(kOvertimeSeason, month), 1000),
        150));
    const i64 mertid = quarterHours(vary(scale(scheduled, s.mertidPermille, 1000), 150));
    const i64 hourly =
        quarterHours(vary(scale(s.hourlyHours * 100, season(kHourlySeason, month), 1000), 40));
    const i64 unfilled = quarterHours(vary(s.unfilledHours * 100, 300));
    const i64 sick = quarterHours(
        vary(scale(scale(scheduled, s.sickPermille, 1000), season(kSickSeason, month), 1000), 100));
    // Scheduled time less absence, plus what was worked on top of it.
    const i64 ownWorked =
        quarterHours(vary(scale(scheduled, season(kWorkedSeason, month), 1000), 20)) - sick;
    const i64 worked = ownWorked + overtime + mertid + hourly;

    i64 agency = 0;
    if (s.agencyHoursPerYear > 0) {
      i64 weights = 0;
      for (const i64 w : kAgencySummer) weights += w;
      agency = quarterHours(
          vary(scale(s.agencyHoursPerYear * 100, season(kAgencySummer, month), weights), 80));
    }

    // Övertid costs 330–400 kr/h with OB; mertid is paid as ordinary time; timlön includes
    // semesterersättning; a bemanningsföretag invoices 1 100–1 300 kr/h.
    row(month, s, "Arbetad", worked);
    row(month, s, "Övertid", overtime, paid(rng, overtime, 330, 400));
    row(month, s, "Mertid", mertid, paid(rng, mertid, 230, 270));
    row(month, s, "Timavlönad", hourly, paid(rng, hourly, 190, 230));
    row(month, s, "Inhyrd", agency, paid(rng, agency, 1100, 1300));
    row(month, s, "Ej tillsatt", unfilled);
    row(month, s, "Frånvaro", sick);
  }

  std::string text_;
};

}  // namespace

void writeExampleHr(const fs::path& outDir) {
  createOutputFolder(outDir);
  writeFileAtomically(outDir / "hr-2025.csv", HrWriter().write());
}

}  // namespace namnd
