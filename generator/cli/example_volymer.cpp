#include "cli/example_volymer.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "cli/example_random.hpp"
#include "core/errors.hpp"
#include "core/period.hpp"
#include "render/atomic_output_file.hpp"

namespace namnd {
namespace {

namespace fs = std::filesystem;
using example::Rng;
using example::scale;
using example::streamFor;
using i64 = std::int64_t;

constexpr int kFirstYear = 2023;
constexpr int kLastYear = 2025;

// Månadsavlönade per ansvar in 2025 (about 1.2 persons per årsarbetare of cli/example_hr in
// the care units, where many work part time) and the permille of them on heltid. Äldreomsorg
// and personlig assistans have the lowest shares, as in most kommuner.
struct Staff {
  const char* code;
  i64 headcount;
  i64 fullTimePermille;
};
// clang-format off
const std::vector<Staff> kStaff = {
  {"1110", 10, 900}, {"1120", 10, 900}, {"1130",  5, 1000},
  {"2110", 84, 560}, {"2120", 76, 580}, {"2130", 58, 560}, {"2140", 54, 540},
  {"2210", 97, 500}, {"2220", 69, 520}, {"2230", 23, 610}, {"2240",  8, 750},
  {"2310", 31, 600}, {"2320", 10, 700}, {"2410", 11, 910}, {"2490",  3, 1000},
  {"3110", 36, 780}, {"3120", 14, 720}, {"3210", 19, 840}, {"3220",  3, 1000},
  {"4110", 17, 940}, {"4130",  7, 860}, {"4210",  9, 890}, {"4310", 17, 880},
  {"4410",  8, 1000},
  {"5110", 31, 640}, {"5120", 29, 620}, {"5130", 24, 600}, {"5140", 26, 640},
  {"5210", 27, 780}, {"5310", 23, 520}, {"5320", 75, 480}, {"5410", 22, 600},
  {"5420", 16, 750},
  {"6120", 10, 900}, {"6210", 15, 870}, {"6220",  9, 560},
};
// clang-format on

// Placed persons in an ordinary month of 2025, and how many more there were in 2023 (IFO has
// brought placements home to öppenvården). HVB placements are also counted on their own
// (placeringsdygn_hvb): a familjehem dygn costs a fraction of an HVB dygn.
struct Placements {
  const char* code;
  i64 lo;
  i64 hi;
  i64 moreIn2023;
  bool hvb;
};
const std::vector<Placements> kPlacements = {
    {"4120", 11, 15, 3, true}, {"4130", 18, 22, 1, false}, {"4220", 4, 7, 2, true}};

// Beviljad tid in hemtjänsten, hours in an ordinary month of 2025; utförd is 86–94 % of it, and
// the staff's arbetad tid (planning system: scheduled and worked hours, travel included) is about
// 1,8 times utförd: a produktivitet of 52–58 %, as Herrljunga's 54,3 % (notes 004).
struct HomeCare {
  const char* code;
  i64 grantedHours;
};
const std::vector<HomeCare> kHomeCare = {{"2210", 5'600}, {"2220", 3'900}};

// Brukare per ansvar in an ordinary month of 2025: persons with an insats of the unit during the
// month (a korttidsenhet of 20 beds has about twice as many through it), and how many more
// (positive) or fewer per hundred there were each year before. Myndighet, ledning and förråd have
// ärenden or none, not brukare; IFO counts placements in placeringsdygn. The avvikelse report
// sets its under-reporting signal against these (data/exempel/namnd.json).
struct Clients {
  const char* code;
  i64 count;
  i64 percentPerYearBefore;  // hemtjänst grows with an ageing population: fewer before
};
// clang-format off
const std::vector<Clients> kClients = {
  {"2110", 36, 0}, {"2120", 32, 0}, {"2130", 24, 0}, {"2140", 24, 0},
  {"2210", 110, -4}, {"2220", 70, -4}, {"2230", 50, -3}, {"2240", 300, -2},
  {"2310", 40, 0}, {"2320", 15, 0},
  {"3110", 80, -3}, {"3120", 60, -3}, {"3210", 70, -2},
  {"5110", 6, 0}, {"5120", 6, 0}, {"5130", 8, 0}, {"5140", 6, 0},
  {"5210", 40, 0}, {"5310", 12, 0}, {"5320", 10, 0}, {"5410", 15, 0}, {"5420", 30, 0},
};
// clang-format on

// Kolada's referenskostnad per verksamhet, kr per invånare: a few percent below what the example
// kommun's äldreomsorg (38 645 kr per invånare in 2024) and LSS (15 183) cost, and above its IFO
// (14 691), so that the nettokostnadsavvikelse shows both signs.
struct ReferenceCost {
  const char* matt;
  int year;
  i64 krPerResident;
};
const std::vector<ReferenceCost> kReferenceCosts = {
    {"referenskostnad_aldreomsorg", 2023, 35'300}, {"referenskostnad_aldreomsorg", 2024, 36'900},
    {"referenskostnad_lss", 2023, 14'100},         {"referenskostnad_lss", 2024, 14'600},
    {"referenskostnad_ifo", 2023, 14'700},         {"referenskostnad_ifo", 2024, 15'200}};

// "1234,50": hundredths with a decimal comma, as Swedish exports write them.
std::string hundredths(i64 value) {
  std::string cents = std::to_string(value % 100);
  if (cents.size() < 2) cents.insert(0, 1, '0');
  return std::to_string(value / 100) + "," + cents;
}

class VolymerWriter {
 public:
  std::string write() {
    text_ = "period;matt;ansvar;varde\n";
    i64 residents = 9'468;
    for (int year = kFirstYear; year <= kLastYear; ++year) {
      for (int month = 1; month <= 12; ++month) {
        const Period period(year, month);
        Rng rng = streamFor("volymer-invanare", "", year, month);
        residents += rng.between(-9, 4);  // a slowly shrinking kommun
        row(period, "invanare", "", std::to_string(residents));
        writeStaff(period);
        writePlacements(period);
        writeHomeCare(period);
        writeClients(period);
      }
      // The referenskostnad (from the kostnadsutjämning) is published for a closed year; the
      // nyckeltal nettokostnadsavvikelse compares with it.
      for (const ReferenceCost& reference : kReferenceCosts) {
        if (reference.year == year) {
          row(Period(year, 12), reference.matt, "", std::to_string(reference.krPerResident));
        }
      }
    }
    return std::move(text_);
  }

 private:
  void row(Period period, std::string_view matt, std::string_view ansvar,
           const std::string& value) {
    text_ += period.toString() + ";" + std::string(matt) + ";" + std::string(ansvar) + ";" + value +
             "\n";
  }

  void writeStaff(Period period) {
    const i64 yearsBefore = kLastYear - period.year();
    for (const Staff& s : kStaff) {
      Rng rng = streamFor("volymer-personal", s.code, period.year(), period.month());
      const i64 headcount = std::max<i64>(
          1, scale(s.headcount, 1000 - 15 * yearsBefore + rng.between(-25, 25), 1000));
      const i64 permille =
          std::min<i64>(1000, s.fullTimePermille - 30 * yearsBefore + rng.between(-15, 15));
      const i64 fullTime = std::min(headcount, scale(headcount, permille, 1000));
      row(period, "anstallda", s.code, std::to_string(headcount));
      row(period, "heltidsanstallda", s.code, std::to_string(fullTime));
    }
  }

  void writePlacements(Period period) {
    const i64 yearsBefore = kLastYear - period.year();
    for (const Placements& p : kPlacements) {
      Rng rng = streamFor("volymer-placeringar", p.code, period.year(), period.month());
      const i64 extra = scale(p.moreIn2023, yearsBefore, 2);
      const i64 placed = rng.between(p.lo + extra, p.hi + extra);
      // Placements begin and end within the month: not every placed person has every dygn.
      const i64 days = placed * period.lastDay() - rng.between(0, 3 * period.lastDay() / 2);
      row(period, "placeringsdygn", p.code, std::to_string(days));
      if (p.hvb) row(period, "placeringsdygn_hvb", p.code, std::to_string(days));
    }
  }

  void writeHomeCare(Period period) {
    const i64 yearsBefore = kLastYear - period.year();
    for (const HomeCare& h : kHomeCare) {
      Rng rng = streamFor("volymer-hemtjanst", h.code, period.year(), period.month());
      // More beviljad tid each year (an ageing population), summer a little higher.
      const i64 summer = period.month() >= 6 && period.month() <= 8 ? 30 : 0;
      const i64 granted = scale(h.grantedHours * 100,
                                1000 - 40 * yearsBefore + summer + rng.between(-30, 30), 1000);
      const i64 done = scale(granted, rng.between(860, 940), 1000);
      const i64 worked = scale(done, 1000, rng.between(520, 580));
      row(period, "beviljad_tid", h.code, hundredths(scale(granted, 1, 25) * 25));
      row(period, "utford_tid", h.code, hundredths(scale(done, 1, 25) * 25));
      row(period, "arbetad_tid", h.code, hundredths(scale(worked, 1, 25) * 25));
    }
  }

  void writeClients(Period period) {
    const i64 yearsBefore = kLastYear - period.year();
    for (const Clients& c : kClients) {
      Rng rng = streamFor("volymer-brukare", c.code, period.year(), period.month());
      const i64 base = scale(c.count, 100 + c.percentPerYearBefore * yearsBefore, 100);
      // A place or two stands empty some months; larger units vary by a few percent.
      const i64 spread = std::max<i64>(1, scale(base, 4, 100));
      const i64 count = std::max<i64>(1, base - rng.between(0, spread));
      row(period, "brukare", c.code, std::to_string(count));
    }
  }

  std::string text_;
};

}  // namespace

void writeExampleVolymer(const fs::path& outDir) {
  createOutputFolder(outDir);
  writeFileAtomically(outDir / "volymer-2025.csv", VolymerWriter().write());
}

}  // namespace namnd
