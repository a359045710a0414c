#include "cli/example_kommun.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "core/errors.hpp"
#include "core/swedish_calendar.hpp"
#include "render/atomic_output_file.hpp"

namespace namnd {
namespace {

namespace fs = std::filesystem;
using i64 = std::int64_t;

constexpr i64 kOrePerKr = 100;
constexpr i64 kOrePerTkr = 1000 * kOrePerKr;

// ---------------------------------------------------------------------------------------------
// Deterministic randomness: splitmix64 with integer arithmetic only, so every machine and
// compiler draws the same numbers (std::*_distribution is implementation-defined).

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}

  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // Uniform in [lo, hi]; the modulo bias is far below anything visible in the data.
  i64 between(i64 lo, i64 hi) {
    return lo + static_cast<i64>(next() % static_cast<std::uint64_t>(hi - lo + 1));
  }

 private:
  std::uint64_t state_;
};

// One stream per (purpose, ansvar, year, month): adding a kind of row never shifts the others.
Rng streamFor(std::string_view purpose, std::string_view code, int year, int month) {
  std::uint64_t hash = 1469598103934665603ULL;  // FNV-1a
  const auto mix = [&hash](unsigned value) {
    hash ^= value & 0xFFU;
    hash *= 1099511628211ULL;
  };
  for (const char c : purpose) mix(static_cast<unsigned char>(c));
  mix('|');
  for (const char c : code) mix(static_cast<unsigned char>(c));
  mix('|');
  mix(static_cast<unsigned>(year));
  mix(static_cast<unsigned>(year) >> 8);
  mix(static_cast<unsigned>(month));
  return Rng(hash);
}

// value × num / den, rounded half away from zero.
i64 scale(i64 value, i64 num, i64 den) {
  const i64 product = value * num;
  const i64 half = den / 2;
  return product >= 0 ? (product + half) / den : -((-product + half) / den);
}

i64 withPermille(i64 value, i64 permille) { return scale(value, 1000 + permille, 1000); }

// ---------------------------------------------------------------------------------------------
// Monthly profiles (weights per month). Shares are cut by cumulative rounding, so the twelve
// months always add up to the year exactly.

using Profile12 = std::array<int, 12>;
// Personnel costs peak in the summer: semesterlön, semestertillägg and vikarier.
constexpr Profile12 kHolidayPay = {80, 76, 80, 81, 82, 92, 100, 92, 80, 80, 78, 79};
constexpr Profile12 kSummerJobs = {20, 20, 20, 25, 25, 300, 330, 150, 30, 30, 25, 25};
constexpr Profile12 kLinear = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
// Agency nurses cover the summer holidays.
constexpr Profile12 kAgencySummer = {60, 60, 70, 70, 80, 130, 170, 140, 60, 60, 50, 50};
// How many supplier invoices arrive, permille of an average month.
constexpr Profile12 kInvoiceSeason = {950, 1000, 1050, 1000, 1000, 1000,
                                      600, 850,  1050, 1050, 1050, 1300};

i64 monthShare(i64 total, const Profile12& weights, int month) {
  i64 sum = 0;
  i64 before = 0;
  for (int m = 0; m < 12; ++m) {
    sum += weights[static_cast<std::size_t>(m)];
    if (m < month - 1) before += weights[static_cast<std::size_t>(m)];
  }
  const i64 through = before + weights[static_cast<std::size_t>(month - 1)];
  return scale(total, through, sum) - scale(total, before, sum);
}

// ---------------------------------------------------------------------------------------------
// Cost profiles: who is paid, how the wage sum splits, and what goods and services are bought.

enum class Kind {
  Board,         // arvoden to förtroendevalda (5010)
  Office,        // ledning, administration, myndighetsutövning utan socialt arbete
  CareHome,      // särskilt boende
  HomeCare,      // hemtjänst
  Nursing,       // sjuksköterskor
  Rehab,         // rehab och hjälpmedel
  SocialWork,    // socialsekreterare, behandlare
  Commissioned,  // uppdragstagare: familjehem (5060)
  Lss,           // bostad med särskild service, korttidsvistelse, boendestöd
  Assistance,    // personlig assistans
  DayActivity,   // daglig verksamhet
  Labour,        // arbetsmarknadsenheten, feriearbete
  PurchaseOnly,  // only köp av huvudverksamhet (placements, köpta platser)
  Transfers,     // ekonomiskt bistånd (4560)
};

struct Goods {
  const char* konto;
  int weight;
  std::array<const char*, 3> texts;  // short invoice texts; nullptr ends the list
};

struct CostProfile {
  Kind kind;
  const char* wageKonto;             // 5110 for employees, 5010/5060 for arvoden
  std::array<const char*, 4> staff;  // whom the månadslön rows are for
  int hourlyPermille;                // timlön, övertid/mertid and OB as shares of the wage sum
  int overtimePermille;
  int unsocialPermille;
  std::array<Goods, 6> goods;
};

// clang-format off
const std::array<CostProfile, 14> kProfiles = {{
  {Kind::Board, "5010", {"Arvoden ledamöter och ersättare"}, 0, 0, 0,
   {{{"5710", 35, {"Konferens och utbildning nämnd"}},
     {"7390", 30, {"Tjänster övrigt", "Förtäring sammanträden"}},
     {"6420", 15, {"Kontorsmaterial"}},
     {"7020", 20, {"Telefoni", "Mobilabonnemang"}}}}},
  {Kind::Office, "5110", {"handläggare", "administratörer", "chefer"}, 10, 5, 0,
   {{{"6540", 30, {"IT-tjänster", "Licenser", "Datorer och mobiler"}},
     {"6420", 20, {"Kontorsmaterial", "Förbrukningsmaterial", "Trycksaker"}},
     {"7390", 25, {"Konsulttjänster", "Tjänster övrigt", "Tolktjänster"}},
     {"7020", 10, {"Telefoni", "Mobilabonnemang"}},
     {"5710", 10, {"Utbildning", "Kurs- och konferensavgifter"}},
     {"6410", 5, {"Möbler och inventarier", "Små inventarier"}}}}},
  {Kind::CareHome, "5110", {"undersköterskor", "vårdbiträden", "enhetschefer"}, 90, 15, 110,
   {{{"7340", 40, {"Köp av måltider, kostenheten"}},
     {"6420", 22, {"Inkontinensartiklar", "Hygienartiklar", "Förbrukningsmaterial"}},
     {"6440", 10, {"Livsmedel", "Frukt och grönt", "Mejeriprodukter"}},
     {"6410", 8, {"Arbetskläder", "Möbler och inventarier", "Små inventarier"}},
     {"6220", 8, {"Elenergi"}},
     {"7390", 12, {"Tvätt av textilier", "Städtjänster", "Tjänster övrigt"}}}}},
  {Kind::HomeCare, "5110", {"undersköterskor", "vårdbiträden", "planerare", "enhetschefer"},
   110, 30, 60,
   {{{"6710", 35, {"Leasing bilar"}},
     {"6720", 15, {"Drivmedel"}},
     {"6420", 20, {"Skyddsutrustning", "Förbrukningsmaterial", "Hygienartiklar"}},
     {"6540", 15, {"Planeringssystem", "Mobiler och surfplattor", "IT-tjänster"}},
     {"7020", 10, {"Telefoni", "Mobilabonnemang"}},
     {"6410", 5, {"Arbetskläder", "Små inventarier"}}}}},
  {Kind::Nursing, "5110", {"sjuksköterskor", "enhetschefer"}, 30, 35, 60,
   {{{"6470", 55, {"Sjukvårdsmaterial", "Förbandsmaterial", "Medicintekniska produkter"}},
     {"6710", 15, {"Leasing bilar"}},
     {"6420", 12, {"Förbrukningsmaterial", "Skyddsutrustning"}},
     {"7020", 8, {"Telefoni", "Mobilabonnemang"}},
     {"6540", 10, {"Journalsystem", "IT-tjänster"}}}}},
  {Kind::Rehab, "5110", {"fysioterapeuter", "arbetsterapeuter", "hjälpmedelstekniker"}, 15, 5, 0,
   {{{"6480", 60, {"Hjälpmedel", "Rullatorer och rullstolar", "Sängar och lyftar"}},
     {"6420", 12, {"Förbrukningsmaterial"}},
     {"6710", 13, {"Leasing bilar"}},
     {"7390", 10, {"Reparation av hjälpmedel", "Tjänster övrigt"}},
     {"7020", 5, {"Telefoni"}}}}},
  {Kind::SocialWork, "5110", {"socialsekreterare", "behandlare", "enhetschefer"}, 20, 15, 5,
   {{{"7390", 45, {"Tolktjänster", "Konsulttjänster", "Tjänster övrigt"}},
     {"6540", 20, {"Verksamhetssystem", "IT-tjänster"}},
     {"6420", 15, {"Kontorsmaterial", "Förbrukningsmaterial"}},
     {"7020", 12, {"Telefoni", "Mobilabonnemang"}},
     {"5710", 8, {"Utbildning", "Handledning"}}}}},
  {Kind::Commissioned, "5060", {"Arvode familjehemsuppdrag"}, 0, 0, 0,
   {{{"7390", 70, {"Familjehemsutredning", "Handledning familjehem", "Tjänster övrigt"}},
     {"5710", 20, {"Utbildning familjehem"}},
     {"6420", 10, {"Förbrukningsmaterial"}}}}},
  {Kind::Lss, "5110", {"stödassistenter", "boendestödjare", "enhetschefer"}, 80, 15, 120,
   {{{"6440", 30, {"Livsmedel", "Frukt och grönt"}},
     {"6420", 25, {"Förbrukningsmaterial", "Hygienartiklar"}},
     {"6410", 12, {"Möbler och inventarier", "Små inventarier"}},
     {"6220", 8, {"Elenergi"}},
     {"7390", 15, {"Aktiviteter och utflykter", "Tjänster övrigt"}},
     {"7020", 10, {"Telefoni"}}}}},
  {Kind::Assistance, "5110", {"personliga assistenter", "enhetschefer"}, 180, 10, 110,
   {{{"6420", 40, {"Förbrukningsmaterial", "Skyddsutrustning"}},
     {"7390", 30, {"Omkostnader assistans", "Tjänster övrigt"}},
     {"7020", 15, {"Telefoni", "Mobilabonnemang"}},
     {"5710", 15, {"Utbildning"}}}}},
  {Kind::DayActivity, "5110", {"handledare", "enhetschefer"}, 30, 5, 0,
   {{{"6420", 35, {"Material till verksamheten", "Förbrukningsmaterial"}},
     {"6440", 15, {"Livsmedel"}},
     {"6410", 15, {"Små inventarier", "Verktyg"}},
     {"7390", 15, {"Aktiviteter och utflykter", "Tjänster övrigt"}},
     {"6710", 20, {"Leasing bilar"}}}}},
  {Kind::Labour, "5110", {"handledare", "arbetsmarknadsanställda", "enhetschefer"}, 150, 0, 0,
   {{{"6420", 40, {"Material till verksamheten", "Förbrukningsmaterial"}},
     {"6410", 20, {"Verktyg", "Arbetskläder"}},
     {"7390", 30, {"Tjänster övrigt", "Utbildningsinsatser"}},
     {"7020", 10, {"Telefoni"}}}}},
  {Kind::PurchaseOnly, "5110", {}, 0, 0, 0, {}},
  {Kind::Transfers, "5110", {}, 0, 0, 0, {}},
}};
// clang-format on

const CostProfile& profileOf(Kind kind) {
  for (const CostProfile& profile : kProfiles)
    if (profile.kind == kind) return profile;
  return kProfiles.front();  // unreachable: every Kind has a profile
}

bool paysArvoden(Kind kind) { return kind == Kind::Board || kind == Kind::Commissioned; }

// ---------------------------------------------------------------------------------------------
// The kommun: one row per ansvar (level 4 of data/exempel/org.csv). Amounts are the 2025 budget
// in tkr per year, costs and revenue both written as positive numbers; the *Dev fields say how
// 2025 turns out against it (permille, + = more cost or more revenue than budgeted).

enum class GrantTiming {
  Monthly,    // lönebidrag, booked every month
  Quarterly,  // Migrationsverket, booked at the end of each quarter
  April,      // a statsbidrag paid in one go
  June,
  Insurance,  // Försäkringskassan: monthly, but July is paid late, together with August
};

struct Ansvar {
  const char* code;
  const char* name;
  const char* unit;        // level 3 code in org.csv
  const char* verksamhet;  // RS verksamhet code, empty for förvaltningsgemensamt
  Kind kind;
  i64 wages = 0;       // wage sum (månadslön, timlön, övertid, OB, sjuklön) or arvoden
  i64 purchases = 0;   // 4610 köp av huvudverksamhet, or 4560 ekonomiskt bistånd
  i64 termFees = 0;    // 4610 terminsavgifter elevhem, invoiced in February and August
  i64 goods = 0;       // goods and services, spread over the profile's accounts
  i64 licence = 0;     // 6540 yearly licence invoice, booked in February
  i64 rent = 0;        // 6110 internhyra
  i64 capital = 0;     // 7990 avskrivningar and 8410 internränta
  i64 fees = 0;        // 3160 avgifter
  i64 rentIncome = 0;  // 3600 hyresintäkter
  i64 sales = 0;       // 3510 försäljning av verksamhet, invoiced quarterly
  i64 grants = 0;      // 3700 bidrag, or 3740 Försäkringskassan for GrantTiming::Insurance
  i64 reserve = 0;     // 7690 budgetreserv: budget only
  i64 agency = 0;      // 7520 inhyrd personal: utfall only, never budgeted
  GrantTiming grantTiming = GrantTiming::Monthly;
  int personnelDev = 0;
  int purchaseDev = 0;
  int goodsDev = 0;
  int revenueDev = 0;
  int invoices = 0;  // supplier invoices per month for goods and services
  int purchaseItems = 0;
  const char* purchaseText = "";
  const char* grantText = "";
  const char* salesText = "";
  const char* feeText = "";
  const char* projekt = "";  // on the grant rows and the training bought with it
  bool summerWork = false;   // wages follow the feriearbete season
};

// clang-format off
const std::vector<Ansvar> kAnsvar = {
  // Nämnd och förvaltningsledning: a small överskott, the budgetreserv is not used.
  {.code = "1010", .name = "Nämndverksamhet", .unit = "NF1", .verksamhet = "110",
   .kind = Kind::Board, .wages = 1150, .goods = 350, .invoices = 6},
  {.code = "1110", .name = "Socialchef och stab", .unit = "NF2", .verksamhet = "",
   .kind = Kind::Office, .wages = 5400, .goods = 900, .rent = 700, .capital = 150,
   .personnelDev = -20, .invoices = 24},
  {.code = "1120", .name = "Administration och ekonomi", .unit = "NF2", .verksamhet = "",
   .kind = Kind::Office, .wages = 4900, .goods = 700, .licence = 1800, .personnelDev = -10,
   .invoices = 20},
  {.code = "1130", .name = "Kvalitet och utveckling", .unit = "NF2", .verksamhet = "",
   .kind = Kind::Office, .wages = 3100, .goods = 500, .personnelDev = -40, .invoices = 16},
  {.code = "1190", .name = "Förvaltningsgemensamma kostnader", .unit = "NF3", .verksamhet = "",
   .kind = Kind::Office, .goods = 2600, .capital = 900, .reserve = 1000, .goodsDev = 30,
   .invoices = 30},

  // Äldreomsorg: the area in clear deficit (hemtjänst personnel, köpta platser).
  {.code = "2110", .name = "Björkgården", .unit = "AO1", .verksamhet = "511",
   .kind = Kind::CareHome, .wages = 30000, .goods = 6500, .rent = 9000, .capital = 400,
   .fees = 4600, .rentIncome = 5100, .personnelDev = 35, .invoices = 140,
   .feeText = "särskilt boende"},
  {.code = "2120", .name = "Lindgården", .unit = "AO1", .verksamhet = "511",
   .kind = Kind::CareHome, .wages = 27000, .goods = 5900, .rent = 8100, .capital = 350,
   .fees = 4100, .rentIncome = 4600, .personnelDev = 10, .invoices = 130,
   .feeText = "särskilt boende"},
  {.code = "2130", .name = "Ekbacken", .unit = "AO1", .verksamhet = "511",
   .kind = Kind::CareHome, .wages = 20500, .goods = 4500, .rent = 6100, .capital = 250,
   .fees = 3100, .rentIncome = 3400, .personnelDev = -15, .invoices = 110,
   .feeText = "särskilt boende"},
  {.code = "2140", .name = "Sjöhaga demensboende", .unit = "AO1", .verksamhet = "511",
   .kind = Kind::CareHome, .wages = 19500, .goods = 3900, .rent = 5600, .capital = 250,
   .fees = 2400, .rentIncome = 2800, .personnelDev = 45, .invoices = 100,
   .feeText = "särskilt boende"},
  {.code = "2210", .name = "Hemtjänst Tätort", .unit = "AO2", .verksamhet = "512",
   .kind = Kind::HomeCare, .wages = 34500, .goods = 4800, .rent = 1900, .capital = 300,
   .fees = 4100, .personnelDev = 160, .goodsDev = 60, .revenueDev = -40, .invoices = 120,
   .feeText = "hemtjänst"},
  {.code = "2220", .name = "Hemtjänst Landsbygd", .unit = "AO2", .verksamhet = "512",
   .kind = Kind::HomeCare, .wages = 24500, .goods = 4300, .rent = 1100, .capital = 250,
   .fees = 2600, .personnelDev = 140, .goodsDev = 80, .revenueDev = -30, .invoices = 110,
   .feeText = "hemtjänst"},
  {.code = "2230", .name = "Nattpatrull", .unit = "AO2", .verksamhet = "512",
   .kind = Kind::HomeCare, .wages = 8200, .goods = 900, .rent = 300, .personnelDev = 40,
   .invoices = 40},
  {.code = "2240", .name = "Trygghetslarm", .unit = "AO2", .verksamhet = "512",
   .kind = Kind::HomeCare, .wages = 3100, .goods = 1800, .fees = 1900, .invoices = 50,
   .feeText = "trygghetslarm"},
  {.code = "2310", .name = "Korttidsenheten Solbacken", .unit = "AO3", .verksamhet = "513",
   .kind = Kind::CareHome, .wages = 11200, .goods = 1500, .rent = 2600, .capital = 150, .fees = 700,
   .sales = 900, .personnelDev = 20, .revenueDev = -150, .invoices = 80,
   .salesText = "Försäljning korttidsplatser till annan kommun", .feeText = "korttidsvistelse"},
  {.code = "2320", .name = "Dagverksamhet demens", .unit = "AO3", .verksamhet = "513",
   .kind = Kind::DayActivity, .wages = 3600, .goods = 400, .rent = 650, .fees = 250,
   .personnelDev = -30, .invoices = 30, .feeText = "dagverksamhet"},
  {.code = "2410", .name = "Biståndsenheten äldre", .unit = "AO4", .verksamhet = "510",
   .kind = Kind::Office, .wages = 5700, .goods = 500, .personnelDev = -20, .invoices = 20},
  {.code = "2490", .name = "Äldreomsorg gemensamt", .unit = "AO4", .verksamhet = "510",
   .kind = Kind::Office, .wages = 1600, .purchases = 13000, .goods = 1800, .grants = 6000,
   .grantTiming = GrantTiming::April, .purchaseDev = 150, .invoices = 30, .purchaseItems = 14,
   .purchaseText = "Köpt plats särskilt boende", .grantText = "Statsbidrag äldreomsorgslyftet",
   .projekt = "P2501"},

  // Hälso- och sjukvård: vacancies covered by agency nurses.
  {.code = "3110", .name = "Sjuksköterskor dag", .unit = "HS1", .verksamhet = "515",
   .kind = Kind::Nursing, .wages = 17500, .goods = 3100, .rent = 900, .capital = 200,
   .agency = 1500, .personnelDev = -40, .invoices = 90},
  {.code = "3120", .name = "Sjuksköterskor kväll och natt", .unit = "HS1", .verksamhet = "515",
   .kind = Kind::Nursing, .wages = 6800, .goods = 700, .agency = 400, .personnelDev = 30,
   .invoices = 30},
  {.code = "3210", .name = "Rehabenheten", .unit = "HS2", .verksamhet = "515",
   .kind = Kind::Rehab, .wages = 9300, .goods = 800, .rent = 700, .personnelDev = -10,
   .invoices = 40},
  {.code = "3220", .name = "Hjälpmedelsförråd", .unit = "HS2", .verksamhet = "515",
   .kind = Kind::Rehab, .wages = 1300, .goods = 4600, .capital = 700, .sales = 400, .goodsDev = 60,
   .invoices = 80, .salesText = "Försäljning hjälpmedel till grannkommun"},

  // Individ- och familjeomsorg: more HVB placements than budgeted, partly offset by vacancies.
  {.code = "4110", .name = "Myndighet barn och unga", .unit = "IFO1", .verksamhet = "573",
   .kind = Kind::SocialWork, .wages = 9800, .goods = 1200, .personnelDev = -30, .goodsDev = 150,
   .invoices = 50},
  {.code = "4120", .name = "Placeringar barn och unga", .unit = "IFO1", .verksamhet = "573",
   .kind = Kind::PurchaseOnly, .purchases = 36000, .grants = 1400,
   .grantTiming = GrantTiming::Quarterly, .purchaseDev = 70, .purchaseItems = 30,
   .purchaseText = "HVB-placering barn och unga", .grantText = "Ersättning Migrationsverket"},
  {.code = "4130", .name = "Familjehemsvård", .unit = "IFO1", .verksamhet = "573",
   .kind = Kind::Commissioned, .wages = 4200, .purchases = 6500, .goods = 1100, .personnelDev = 20,
   .purchaseDev = 40, .invoices = 30, .purchaseItems = 12,
   .purchaseText = "Konsulentstött familjehem"},
  {.code = "4210", .name = "Myndighet vuxna", .unit = "IFO2", .verksamhet = "571",
   .kind = Kind::SocialWork, .wages = 5200, .goods = 500, .personnelDev = -50, .invoices = 24},
  {.code = "4220", .name = "Placeringar vuxna", .unit = "IFO2", .verksamhet = "571",
   .kind = Kind::PurchaseOnly, .purchases = 12000, .purchaseDev = 60, .purchaseItems = 10,
   .purchaseText = "HVB-placering vuxna, missbruk"},
  {.code = "4310", .name = "Öppenvården", .unit = "IFO3", .verksamhet = "570",
   .kind = Kind::SocialWork, .wages = 9200, .goods = 900, .rent = 1200, .grants = 1300,
   .grantTiming = GrantTiming::June, .personnelDev = -20, .invoices = 40,
   .grantText = "Statsbidrag psykisk hälsa"},
  {.code = "4410", .name = "Mottagning och IFO-ledning", .unit = "IFO4", .verksamhet = "570",
   .kind = Kind::SocialWork, .wages = 4700, .goods = 1700, .rent = 1500, .capital = 100,
   .invoices = 30},

  // Funktionsstöd (LSS): close to budget.
  {.code = "5110", .name = "Gruppbostad Solrosen", .unit = "FS1", .verksamhet = "521",
   .kind = Kind::Lss, .wages = 11200, .goods = 1000, .rent = 1800, .capital = 100,
   .rentIncome = 950, .personnelDev = 25, .invoices = 60},
  {.code = "5120", .name = "Gruppbostad Vallmon", .unit = "FS1", .verksamhet = "521",
   .kind = Kind::Lss, .wages = 10600, .goods = 950, .rent = 1700, .rentIncome = 900,
   .personnelDev = 10, .invoices = 60},
  {.code = "5130", .name = "Servicebostad Kastanjen", .unit = "FS1", .verksamhet = "521",
   .kind = Kind::Lss, .wages = 8600, .goods = 700, .rent = 1500, .rentIncome = 1000,
   .personnelDev = -20, .invoices = 50},
  {.code = "5140", .name = "Gruppbostad Lärkan", .unit = "FS1", .verksamhet = "521",
   .kind = Kind::Lss, .wages = 9600, .goods = 850, .rent = 1600, .rentIncome = 850,
   .personnelDev = 15, .invoices = 56},
  {.code = "5210", .name = "Daglig verksamhet", .unit = "FS2", .verksamhet = "522",
   .kind = Kind::DayActivity, .wages = 12200, .goods = 1600, .rent = 1400, .capital = 150,
   .sales = 600, .personnelDev = -35, .invoices = 80,
   .salesText = "Försäljning daglig verksamhet, externa uppdrag"},
  {.code = "5310", .name = "Personlig assistans LSS", .unit = "FS3", .verksamhet = "523",
   .kind = Kind::Assistance, .wages = 8100, .goods = 300, .personnelDev = 20, .invoices = 16},
  {.code = "5320", .name = "Personlig assistans SFB", .unit = "FS3", .verksamhet = "523",
   .kind = Kind::Assistance, .wages = 26500, .goods = 700, .grants = 35000,
   .grantTiming = GrantTiming::Insurance, .personnelDev = 15, .revenueDev = -10, .invoices = 30,
   .grantText = "Assistansersättning Försäkringskassan"},
  {.code = "5410", .name = "Korttidsvistelse LSS", .unit = "FS4", .verksamhet = "520",
   .kind = Kind::Lss, .wages = 7700, .goods = 800, .rent = 1200, .personnelDev = -40,
   .invoices = 44},
  {.code = "5420", .name = "Boendestöd", .unit = "FS4", .verksamhet = "520",
   .kind = Kind::Lss, .wages = 6100, .goods = 400, .rent = 300, .invoices = 24},
  {.code = "5430", .name = "Köpta platser LSS", .unit = "FS4", .verksamhet = "520",
   .kind = Kind::PurchaseOnly, .purchases = 26000, .termFees = 3000, .purchaseDev = 30,
   .purchaseItems = 12, .purchaseText = "Köpt plats bostad med särskild service LSS"},

  // Arbetsmarknad och försörjningsstöd: fewer households on ekonomiskt bistånd than budgeted.
  {.code = "6110", .name = "Ekonomiskt bistånd", .unit = "AF1", .verksamhet = "575",
   .kind = Kind::Transfers, .purchases = 27500, .purchaseDev = -40},
  {.code = "6120", .name = "Handläggning försörjningsstöd", .unit = "AF1", .verksamhet = "575",
   .kind = Kind::SocialWork, .wages = 5600, .goods = 400, .rent = 600, .personnelDev = -10,
   .invoices = 20},
  {.code = "6210", .name = "Arbetsmarknadsenheten", .unit = "AF2", .verksamhet = "580",
   .kind = Kind::Labour, .wages = 6200, .goods = 900, .rent = 800, .capital = 100, .sales = 500,
   .grants = 2600, .revenueDev = 30, .invoices = 40, .grantText = "Lönebidrag Arbetsförmedlingen",
   .salesText = "Försäljning arbetsmarknadsenheten, tjänster"},
  {.code = "6220", .name = "Feriearbete och extratjänster", .unit = "AF2", .verksamhet = "580",
   .kind = Kind::Labour, .wages = 3100, .goods = 200, .grants = 1300, .personnelDev = 20,
   .invoices = 10, .grantText = "Bidrag extratjänster Arbetsförmedlingen", .summerWork = true},
};
// clang-format on

// Level 3 units in display order, with the wording a controller would give their prognosis.
struct Unit {
  const char* code;
  const char* deficitComment;
  const char* deficitAction;
  const char* surplusComment;
};

// clang-format off
const std::vector<Unit> kUnits = {
  {"NF1", "Fler sammanträden än planerat.", "", "Lägre kostnader för arvoden än budgeterat."},
  {"NF2", "Kostnader för konsultstöd.", "", "Vakant tjänst i staben under delar av året."},
  {"NF3", "Högre IT-kostnader än budgeterat.", "", "Budgetreserven har inte tagits i anspråk."},
  {"AO1", "Ökade vårdbehov på demensavdelning och extra bemanning nattetid.",
   "Översyn av bemanning natt och minskad användning av timavlönade.",
   "Lägre personalkostnader än budgeterat."},
  {"AO2", "Fler beviljade timmar än budgeterat samt hög andel övertid och timavlönade.",
   "Genomlysning av planering och bemanning, översyn av schema och resursfördelning.",
   "Lägre personalkostnader än budgeterat."},
  {"AO3", "Färre sålda korttidsplatser än budgeterat.", "", "Vakanser under delar av året."},
  {"AO4", "Fler köpta platser i särskilt boende än budgeterat.",
   "Egna boenden prioriteras före köpta platser.", "Statsbidrag täcker kostnader i verksamheten."},
  {"HS1", "Inhyrda sjuksköterskor och övertid under sommaren.",
   "Rekrytering av sjuksköterskor för att minska inhyrningen.",
   "Vakanta tjänster som inte har ersatts fullt ut."},
  {"HS2", "Ökade kostnader för hjälpmedel.", "", "Lägre personalkostnader än budgeterat."},
  {"IFO1", "Fler placeringar av barn och unga på HVB än budgeterat.",
   "Utökad öppenvård på hemmaplan och översyn av pågående placeringar.",
   "Färre placeringar än budgeterat."},
  {"IFO2", "Högre kostnad för placeringar av vuxna inom missbruksvården.",
   "Öppenvårdsinsatser i egen regi prövas före placering.", "Vakans som socialsekreterare."},
  {"IFO3", "Högre kostnader än budgeterat.", "", "Vakans och statsbidrag som täcker kostnader."},
  {"IFO4", "Högre kostnader för avtal än budgeterat.", "", "Lägre kostnader än budgeterat."},
  {"FS1", "Högre personalkostnader än budgeterat i gruppbostäderna.",
   "Översyn av scheman i gruppbostäderna.", "Lägre personalkostnader än budgeterat."},
  {"FS2", "Högre kostnader än budgeterat.", "", "Vakanser inom daglig verksamhet."},
  {"FS3", "Fler timmar än Försäkringskassan ersätter.",
   "Uppföljning av beviljade timmar mot utförd tid.", "Lägre personalkostnader än budgeterat."},
  {"FS4", "Fler köpta platser och terminsavgifter för elevhem än budgeterat.",
   "Översyn av möjligheten att verkställa beslut på hemmaplan.",
   "Lägre kostnader för korttidsvistelse än budgeterat."},
  {"AF1", "Fler hushåll med ekonomiskt bistånd än budgeterat.",
   "Samverkan med arbetsmarknadsenheten för fler i egen försörjning.",
   "Färre hushåll med ekonomiskt bistånd än budgeterat."},
  {"AF2", "Färre anvisade deltagare än budgeterat.", "",
   "Högre bidrag från Arbetsförmedlingen än budgeterat."},
};
// clang-format on

// ---------------------------------------------------------------------------------------------
// Years. 2024 sits a few per cent below 2025 in price and wage level, with smaller deviations.

struct Year {
  int year;
  int levelPermille;      // amounts of the table × this / 1000
  int devPermille;        // the table's *Dev × this / 1000
  int wageRaisePermille;  // löneöversyn from April, paid retroactively in June
};

constexpr Year kYears[] = {{2024, 965, 500, 35}, {2025, 1000, 1000, 30}};

// The year before the first one (whose December is invoiced in January) borrows its levels.
Year yearSpec(int year) {
  for (const Year& known : kYears)
    if (known.year == year) return known;
  Year borrowed = kYears[0];
  borrowed.year = year;
  return borrowed;
}

// A year's budget for one table amount (tkr), in öre, whole tkr.
i64 budgetOre(i64 tkr, const Year& year) {
  return scale(tkr, year.levelPermille, 1000) * kOrePerTkr;
}

int deviation(int permille, const Year& year) {
  return static_cast<int>(scale(permille, year.devPermille, 1000));
}

constexpr i64 kSocialFeesPer10000 = 3142;    // arbetsgivaravgifter enligt lag
constexpr i64 kAgreementFeesPer10000 = 870;  // avtalsförsäkringar och avtalspension
constexpr int kSickPayPermille = 15;
constexpr i64 kLicenceIndexRaiseOre = 41'250'00;  // the supplier's index raise, not in the budget

// ---------------------------------------------------------------------------------------------
// Text helpers.

std::string formatOre(i64 ore) {
  const bool negative = ore < 0;
  const i64 magnitude = negative ? -ore : ore;
  std::string cents = std::to_string(magnitude % kOrePerKr);
  if (cents.size() < 2) cents.insert(0, 1, '0');
  return (negative ? "-" : "") + std::to_string(magnitude / kOrePerKr) + "," + cents;
}

std::string formatWholeKr(i64 ore) { return std::to_string(ore / kOrePerKr); }

std::string twoDigits(int value) { return (value < 10 ? "0" : "") + std::to_string(value); }

std::string periodCode(int year, int month) { return std::to_string(year) + twoDigits(month); }

std::string monthText(int year, int month) {
  return std::string(swedishMonthName(month)) + " " + std::to_string(year);
}

// ---------------------------------------------------------------------------------------------
// The ledger of one year.

class LedgerWriter {
 public:
  explicit LedgerWriter(const Year& year) : year_(year), yy_(twoDigits(year.year % 100)) {
    text_.reserve(4 << 20);
    text_ += "period;ansvar;konto;verksamhet;projekt;belopp;vernr;text\n";
    netByAnsvar_.assign(kAnsvar.size(), 0);
  }

  void writeYear() {
    for (int month = 1; month <= 12; ++month)
      for (std::size_t i = 0; i < kAnsvar.size(); ++i) writeMonth(i, month);
  }

  const std::string& text() const { return text_; }
  // Net utfall for the whole year per ansvar (index as kAnsvar), öre.
  const std::vector<i64>& netByAnsvar() const { return netByAnsvar_; }

 private:
  void row(std::size_t index, int month, std::string_view konto, std::string_view projekt, i64 ore,
           std::string_view vernr, std::string_view description) {
    if (ore == 0) return;
    const Ansvar& a = kAnsvar[index];
    text_ += periodCode(year_.year, month);
    text_ += ';';
    text_ += a.code;
    text_ += ';';
    text_ += konto;
    text_ += ';';
    text_ += a.verksamhet;
    text_ += ';';
    text_ += projekt;
    text_ += ';';
    text_ += formatOre(ore);
    text_ += ';';
    text_ += vernr;
    text_ += ';';
    text_ += description;
    text_ += '\n';
    netByAnsvar_[index] += ore;
  }

  std::string payrollVoucher(int month) const { return "L" + yy_ + twoDigits(month); }
  std::string internalVoucher(int month) const { return "IF" + yy_ + twoDigits(month) + "01"; }
  std::string nextSupplierInvoice() { return "LF" + yy_ + number(++supplierCount_, 6); }
  std::string nextCustomerInvoice() { return "KF" + yy_ + number(++customerCount_, 5); }
  std::string nextJournal() { return "MV" + yy_ + number(++journalCount_, 4); }
  std::string nextPayment() { return "UB" + yy_ + number(++paymentCount_, 5); }

  static std::string number(int value, std::size_t width) {
    std::string digits = std::to_string(value);
    if (digits.size() < width) digits.insert(0, width - digits.size(), '0');
    return digits;
  }

  void writeMonth(std::size_t index, int month) {
    const Ansvar& a = kAnsvar[index];
    if (a.wages > 0) writePayroll(index, month);
    if (a.agency > 0) writeAgency(index, month);
    if (a.kind == Kind::Transfers)
      writeTransfers(index, month);
    else if (a.purchases > 0)
      writePurchases(index, month);
    if (a.goods > 0) writeGoods(index, month);
    if (a.licence > 0 && month == 2)
      row(index, month, "6540", "", budgetOre(a.licence, year_) + kLicenceIndexRaiseOre,
          nextSupplierInvoice(), "Årslicens verksamhetssystem " + std::to_string(year_.year));
    writeInternal(index, month);
    writeRevenue(index, month);
  }

  // Salaries, with the löneöversyn paid retroactively in June and PO on every wage row.
  void writePayroll(std::size_t index, int month) {
    const Ansvar& a = kAnsvar[index];
    const CostProfile& profile = profileOf(a.kind);
    const Profile12& season = a.summerWork ? kSummerJobs : kHolidayPay;
    Rng rng = streamFor("lön", a.code, year_.year, month);
    const i64 budget = budgetOre(a.wages, year_);
    const i64 base = monthShare(budget, season, month);
    const i64 actual = withPermille(
        monthShare(withPermille(budget, deviation(a.personnelDev, year_)), season, month),
        rng.between(-12, 12));
    const std::string vernr = payrollVoucher(month);
    i64 wageSum = 0;
    const auto wageRow = [&](const char* konto, i64 ore, const std::string& description) {
      row(index, month, konto, "", ore, vernr, description);
      wageSum += ore;
    };

    if (paysArvoden(a.kind)) {
      const int parts = a.kind == Kind::Board ? 1 : 16;
      splitIntoRows(rng, actual, parts, [&](i64 ore) {
        wageRow(profile.wageKonto, ore,
                std::string(profile.staff[0]) + " " + monthText(year_.year, month));
      });
    } else {
      // OB and sjuklön follow the hours actually worked; the rest starts from the budgeted split.
      const i64 unsocial = scale(actual, profile.unsocialPermille, 1000);
      const i64 sick = scale(actual, kSickPayPermille + rng.between(-5, 5), 1000);
      i64 hourly = scale(base, profile.hourlyPermille, 1000);
      i64 overtime = scale(base, profile.overtimePermille, 1000);
      i64 monthly =
          base - hourly - overtime - scale(base, profile.unsocialPermille + kSickPayPermille, 1000);
      // Overspending shows as timavlönade and övertid; underspending as vacancies.
      const i64 extra = actual - unsocial - sick - hourly - overtime - monthly;
      if (extra > 0) {
        hourly += extra / 2;
        overtime += extra * 3 / 10;
        monthly += extra - extra / 2 - extra * 3 / 10;
      } else {
        monthly += extra;
      }
      if (month == 4 || month == 5) {
        const i64 withheld =
            scale(monthly, year_.wageRaisePermille, 1000 + year_.wageRaisePermille);
        monthly -= withheld;
        retroactive_[index] += withheld;
      }
      static constexpr int kStaffWeights[] = {62, 30, 6, 2};
      int weightSum = 0;
      int count = 0;
      for (const char* staff : profile.staff)
        if (staff) weightSum += kStaffWeights[count++];
      i64 left = monthly;
      for (int k = 0; k < count; ++k) {
        const i64 part = k + 1 == count ? left : scale(monthly, kStaffWeights[k], weightSum);
        left -= part;
        wageRow("5110", part,
                std::string("Månadslön ") + profile.staff[static_cast<std::size_t>(k)]);
      }
      wageRow("5120", hourly, "Timlön timavlönade");
      wageRow("5130", overtime, "Övertid och mertid");
      wageRow("5150", unsocial, "OB-tillägg");
      wageRow("5250", sick, "Sjuklön dag 2-14");
      if (month == 6)
        wageRow("5110", retroactive_[index],
                "Retroaktiv lön april-maj, löneöversyn " + std::to_string(year_.year));
      if (month == 12)
        row(index, month, "5290", "", scale(budget, rng.between(-4000, 12000), 1000000),
            nextJournal(), "Förändring semesterlöneskuld " + std::to_string(year_.year));
    }
    row(index, month, "5410", "", scale(wageSum, kSocialFeesPer10000, 10000), vernr,
        "Sociala avgifter enl lag");
    if (!paysArvoden(a.kind))
      row(index, month, "5420", "", scale(wageSum, kAgreementFeesPer10000, 10000), vernr,
          "Avtalsförsäkringar och avtalspension");
  }

  void writeAgency(std::size_t index, int month) {
    const Ansvar& a = kAnsvar[index];
    Rng rng = streamFor("inhyrd", a.code, year_.year, month);
    const i64 yearly = scale(budgetOre(a.agency, year_), year_.devPermille, 1000);
    const i64 amount = withPermille(monthShare(yearly, kAgencySummer, month), rng.between(-80, 80));
    splitIntoRows(rng, amount, 2 + static_cast<int>(rng.between(0, 2)), [&](i64 ore) {
      row(index, month, "7520", "", ore, nextSupplierInvoice(),
          "Inhyrd sjuksköterska, bemanningsföretag");
    });
  }

  // The cost of one month of placements. Deterministic per (year, month), so January can
  // book last December's late invoices with the same figure.
  i64 serviceCost(const Ansvar& a, const Year& year, int month) const {
    Rng rng = streamFor("köp", a.code, year.year, month);
    const i64 yearly = withPermille(budgetOre(a.purchases, year), deviation(a.purchaseDev, year));
    return withPermille(monthShare(yearly, kLinear, month), rng.between(-60, 60));
  }
  // Part of December's invoices arrive in January; the year-end closing accrues an estimate.
  static constexpr int kLateDecemberPermille = 400;
  i64 lateDecember(const Ansvar& a, const Year& year) const {
    return scale(serviceCost(a, year, 12), kLateDecemberPermille, 1000);
  }
  i64 decemberAccrual(const Ansvar& a, const Year& year) const {
    Rng rng = streamFor("upplupet", a.code, year.year, 12);
    return withPermille(lateDecember(a, year), rng.between(-30, 30));
  }

  void writePurchases(std::size_t index, int month) {
    const Ansvar& a = kAnsvar[index];
    Rng rng = streamFor("köpfakturor", a.code, year_.year, month);
    const std::string text = std::string(a.purchaseText) + ", " + monthText(year_.year, month);
    const i64 invoiced = serviceCost(a, year_, month) - (month == 12 ? lateDecember(a, year_) : 0);
    splitIntoRows(
        rng, invoiced, a.purchaseItems + static_cast<int>(rng.between(-1, 2)),
        [&](i64 ore) { row(index, month, "4610", "", ore, nextSupplierInvoice(), text); });
    if (month == 1) {
      const Year previous = yearSpec(year_.year - 1);
      const std::string late =
          std::string(a.purchaseText) + ", december " + std::to_string(previous.year);
      splitIntoRows(rng, lateDecember(a, previous), std::max(1, a.purchaseItems / 3), [&](i64 ore) {
        row(index, month, "4610", "", ore, nextSupplierInvoice(), late);
      });
      row(index, month, "4610", "", -decemberAccrual(a, previous), nextJournal(),
          "Återföring upplupen kostnad december " + std::to_string(previous.year));
    }
    if (month == 12)
      row(index, month, "4610", "", decemberAccrual(a, year_), nextJournal(),
          "Upplupen kostnad december, ej ankomna fakturor");
    if (a.termFees > 0 && (month == 2 || month == 8)) {
      const i64 half = withPermille(budgetOre(a.termFees, year_) / 2, rng.between(-20, 60));
      row(index, month, "4610", "", half, nextSupplierInvoice(),
          std::string("Terminsavgift elevhem LSS, ") + (month == 2 ? "vårtermin" : "hösttermin"));
    }
  }

  // Ekonomiskt bistånd: one payment batch per working day, and a few repayments.
  void writeTransfers(std::size_t index, int month) {
    const Ansvar& a = kAnsvar[index];
    Rng rng = streamFor("bistånd", a.code, year_.year, month);
    const i64 yearly = withPermille(budgetOre(a.purchases, year_), deviation(a.purchaseDev, year_));
    const i64 paid = withPermille(monthShare(yearly, kLinear, month), rng.between(-50, 50));
    const i64 repaid = scale(paid, 12, 1000);
    splitIntoRows(rng, paid + repaid, 20 + static_cast<int>(rng.between(0, 2)), [&](i64 ore) {
      row(index, month, "4560", "", ore, nextPayment(), "Utbetalning ekonomiskt bistånd");
    });
    splitIntoRows(rng, repaid, 2 + static_cast<int>(rng.between(0, 3)), [&](i64 ore) {
      row(index, month, "4560", "", -ore, nextCustomerInvoice(),
          "Återbetalning ekonomiskt bistånd");
    });
  }

  // Goods and services: the month's amount per account, spread over supplier invoices.
  void writeGoods(std::size_t index, int month) {
    const Ansvar& a = kAnsvar[index];
    const CostProfile& profile = profileOf(a.kind);
    Rng rng = streamFor("varor", a.code, year_.year, month);
    const i64 yearly = withPermille(budgetOre(a.goods, year_), deviation(a.goodsDev, year_));
    const i64 total = withPermille(monthShare(yearly, kLinear, month), rng.between(-80, 80));
    const int invoices = std::max<int>(
        1, static_cast<int>(
               scale(a.invoices, kInvoiceSeason[static_cast<std::size_t>(month - 1)], 1000)));
    int weightSum = 0;
    for (const Goods& goods : profile.goods) weightSum += goods.weight;
    i64 left = total;
    for (std::size_t g = 0; g < profile.goods.size() && profile.goods[g].konto; ++g) {
      const Goods& goods = profile.goods[g];
      const bool last = g + 1 == profile.goods.size() || !profile.goods[g + 1].konto;
      const i64 amount = last ? left : scale(total, goods.weight, weightSum);
      left -= amount;
      int textCount = 0;
      while (textCount < 3 && goods.texts[static_cast<std::size_t>(textCount)]) ++textCount;
      const int parts = std::max(1, invoices * goods.weight / weightSum);
      splitIntoRows(rng, amount, parts, [&](i64 ore) {
        const char* description =
            goods.texts[static_cast<std::size_t>(rng.between(0, textCount - 1))];
        const bool funded = goods.konto == std::string_view("5710") && a.projekt[0] != '\0';
        row(index, month, goods.konto, funded ? a.projekt : "", ore, nextSupplierInvoice(),
            description);
      });
    }
  }

  // Internhyra and kapitalkostnader: internal charges, exactly as budgeted.
  void writeInternal(std::size_t index, int month) {
    const Ansvar& a = kAnsvar[index];
    const std::string vernr = internalVoucher(month);
    row(index, month, "6110", "", monthShare(budgetOre(a.rent, year_), kLinear, month), vernr,
        "Internhyra lokaler " + monthText(year_.year, month));
    const i64 capital = budgetOre(a.capital, year_);
    const i64 depreciation = scale(capital / kOrePerTkr, 8, 10) * kOrePerTkr;
    row(index, month, "7990", "", monthShare(depreciation, kLinear, month), vernr,
        "Avskrivningar inventarier");
    row(index, month, "8410", "", monthShare(capital - depreciation, kLinear, month), vernr,
        "Internränta");
  }

  // Revenue is booked negative.
  void writeRevenue(std::size_t index, int month) {
    const Ansvar& a = kAnsvar[index];
    Rng rng = streamFor("intäkter", a.code, year_.year, month);
    const int dev = deviation(a.revenueDev, year_);
    const std::string when = monthText(year_.year, month);
    if (a.fees > 0) {
      const i64 fees =
          withPermille(monthShare(withPermille(budgetOre(a.fees, year_), dev), kLinear, month),
                       rng.between(-25, 25));
      row(index, month, "3160", "", -fees, nextCustomerInvoice(),
          std::string("Avgifter ") + a.feeText + " " + when);
    }
    if (a.rentIncome > 0)
      row(index, month, "3600", "", -monthShare(budgetOre(a.rentIncome, year_), kLinear, month),
          nextCustomerInvoice(), "Hyresintäkter lägenheter " + when);
    if (a.sales > 0 && month % 3 == 0) {
      const i64 quarter = withPermille(budgetOre(a.sales, year_) / 4, dev + rng.between(-40, 40));
      row(index, month, "3510", "", -quarter, nextCustomerInvoice(),
          std::string(a.salesText) + ", kvartal " + std::to_string(month / 3));
    }
    if (a.grants > 0) writeGrant(index, month, rng, dev);
  }

  void writeGrant(std::size_t index, int month, Rng& rng, int dev) {
    const Ansvar& a = kAnsvar[index];
    const i64 yearly = withPermille(budgetOre(a.grants, year_), dev);
    i64 amount = 0;
    std::string description = a.grantText;
    const char* konto = "3700";
    switch (a.grantTiming) {
      case GrantTiming::Monthly:
        amount = withPermille(monthShare(yearly, kLinear, month), rng.between(-30, 30));
        description += " " + monthText(year_.year, month);
        break;
      case GrantTiming::Quarterly:
        if (month % 3 == 0) amount = withPermille(yearly / 4, rng.between(-120, 120));
        description += ", kvartal " + std::to_string(month / 3);
        break;
      case GrantTiming::April:
      case GrantTiming::June:
        if (month == (a.grantTiming == GrantTiming::April ? 4 : 6)) amount = yearly;
        description += " " + std::to_string(year_.year);
        break;
      case GrantTiming::Insurance: {
        konto = "3740";
        const auto monthAmount = [&](int m) {
          Rng own = streamFor("fk", a.code, year_.year, m);
          return withPermille(monthShare(yearly, kLinear, m), own.between(-20, 20));
        };
        if (month == 7) break;
        amount = monthAmount(month) + (month == 8 ? monthAmount(7) : 0);
        description +=
            month == 8 ? ", juli och augusti" : ", " + std::string(swedishMonthName(month));
        break;
      }
    }
    row(index, month, konto, a.projekt, -amount, nextJournal(), description);
  }

  // Splits an amount into `parts` rows of uneven size that add up exactly.
  template <typename Emit>
  static void splitIntoRows(Rng& rng, i64 amount, int parts, Emit emit) {
    if (parts < 1) parts = 1;
    std::vector<i64> weights(static_cast<std::size_t>(parts));
    i64 sum = 0;
    for (i64& weight : weights) {
      weight = 100 + rng.between(0, 900) + (rng.between(0, 9) == 0 ? rng.between(0, 4000) : 0);
      sum += weight;
    }
    i64 left = amount;
    for (std::size_t k = 0; k < weights.size(); ++k) {
      const i64 part = k + 1 == weights.size() ? left : scale(amount, weights[k], sum);
      left -= part;
      emit(part);
    }
  }

  const Year& year_;
  std::string yy_;
  std::string text_;
  std::vector<i64> netByAnsvar_;
  std::vector<i64> retroactive_ = std::vector<i64>(kAnsvar.size(), 0);
  int supplierCount_ = 0;
  int customerCount_ = 0;
  int journalCount_ = 0;
  int paymentCount_ = 0;
};

// ---------------------------------------------------------------------------------------------
// Budget: the same components as the ledger, at budget level.

struct BudgetLine {
  std::string konto;
  i64 ore;  // helår, whole tkr; costs positive, revenue negative
  bool personnel;
};

std::vector<BudgetLine> budgetLines(const Ansvar& a, const Year& year) {
  std::vector<BudgetLine> lines;
  const auto add = [&lines](std::string konto, i64 ore, bool personnel = false) {
    if (ore == 0) return;
    for (BudgetLine& line : lines)
      if (line.konto == konto) {
        line.ore += ore;
        return;
      }
    lines.push_back({std::move(konto), ore, personnel});
  };
  const CostProfile& profile = profileOf(a.kind);
  const i64 wagesTkr = scale(a.wages, year.levelPermille, 1000);
  add(profile.wageKonto, wagesTkr * kOrePerTkr, true);
  add("5410", scale(wagesTkr, kSocialFeesPer10000, 10000) * kOrePerTkr, true);
  if (!paysArvoden(a.kind))
    add("5420", scale(wagesTkr, kAgreementFeesPer10000, 10000) * kOrePerTkr, true);
  add(a.kind == Kind::Transfers ? "4560" : "4610",
      budgetOre(a.purchases, year) + budgetOre(a.termFees, year));
  const i64 goodsTkr = scale(a.goods, year.levelPermille, 1000);
  int weightSum = 0;
  for (const Goods& goods : profile.goods) weightSum += goods.weight;
  i64 goodsLeft = goodsTkr;
  for (std::size_t g = 0; g < profile.goods.size() && profile.goods[g].konto; ++g) {
    const bool last = g + 1 == profile.goods.size() || !profile.goods[g + 1].konto;
    const i64 part = last ? goodsLeft : scale(goodsTkr, profile.goods[g].weight, weightSum);
    goodsLeft -= part;
    add(profile.goods[g].konto, part * kOrePerTkr);
  }
  add("6540", budgetOre(a.licence, year));
  add("6110", budgetOre(a.rent, year));
  const i64 capitalTkr = scale(a.capital, year.levelPermille, 1000);
  add("7990", scale(capitalTkr, 8, 10) * kOrePerTkr);
  add("8410", (capitalTkr - scale(capitalTkr, 8, 10)) * kOrePerTkr);
  add("7690", budgetOre(a.reserve, year));
  add("3160", -budgetOre(a.fees, year));
  add("3600", -budgetOre(a.rentIncome, year));
  add("3510", -budgetOre(a.sales, year));
  add(a.grantTiming == GrantTiming::Insurance ? "3740" : "3700", -budgetOre(a.grants, year));
  return lines;
}

std::string yearlyBudget(const Year& year) {
  std::string text = "ar;ansvar;konto;belopp\n";
  for (const Ansvar& a : kAnsvar)
    for (const BudgetLine& line : budgetLines(a, year))
      text += std::to_string(year.year) + ";" + a.code + ";" + line.konto + ";" +
              formatWholeKr(line.ore) + "\n";
  return text;
}

// Monthly rows: personnel follows the holiday-pay profile, everything else is linear.
// helarByAnsvar receives each ansvar's net helår budget (öre) for the prognoses.
std::string monthlyBudget(const Year& year, std::vector<i64>& helarByAnsvar) {
  std::string text = "period;ansvar;konto;belopp\n";
  helarByAnsvar.assign(kAnsvar.size(), 0);
  for (int month = 1; month <= 12; ++month)
    for (std::size_t i = 0; i < kAnsvar.size(); ++i) {
      const Ansvar& a = kAnsvar[i];
      for (const BudgetLine& line : budgetLines(a, year)) {
        const Profile12& profile =
            line.personnel ? (a.summerWork ? kSummerJobs : kHolidayPay) : kLinear;
        const i64 kr = monthShare(line.ore / kOrePerKr, profile, month);
        if (kr == 0) continue;
        text += periodCode(year.year, month) + ";" + a.code + ";" + line.konto + ";" +
                std::to_string(kr) + "\n";
        helarByAnsvar[i] += kr * kOrePerKr;
      }
    }
  return text;
}

// ---------------------------------------------------------------------------------------------
// Prognoses: each unit's controller sees more of the year's outcome every month.

std::string prognoses(int year, const std::vector<i64>& budget, const std::vector<i64>& utfall) {
  // Share of the final deviation recognised at each prognosperiod (Feb..Nov), permille.
  static constexpr int kRecognised[] = {350, 450, 550, 650, 720, 800, 880, 940, 980, 1000};
  constexpr i64 kStep = 50 * kOrePerTkr;  // prognoses are given in steps of 50 tkr
  std::string text = "prognosperiod;ansvar;avvikelse;kommentar;atgard\n";
  for (int month = 2; month <= 11; ++month)
    for (const Unit& unit : kUnits) {
      i64 deviationOre = 0;
      for (std::size_t i = 0; i < kAnsvar.size(); ++i)
        if (std::string_view(kAnsvar[i].unit) == unit.code) deviationOre += budget[i] - utfall[i];
      Rng rng = streamFor("prognos", unit.code, year, month);
      const i64 recognised =
          withPermille(scale(deviationOre, kRecognised[month - 2], 1000), rng.between(-60, 60));
      i64 avvikelse = scale(recognised, 1, kStep) * kStep;
      if (deviationOre > -200 * kOrePerTkr && deviationOre < 200 * kOrePerTkr) avvikelse = 0;
      std::string comment;
      std::string action;
      if (avvikelse <= -500 * kOrePerTkr) {
        comment = unit.deficitComment;
        if (avvikelse <= -1000 * kOrePerTkr) action = unit.deficitAction;
      } else if (avvikelse >= 500 * kOrePerTkr) {
        comment = unit.surplusComment;
      }
      text += periodCode(year, month) + ";" + unit.code + ";" + formatWholeKr(avvikelse) + ";" +
              comment + ";" + action + "\n";
    }
  return text;
}

// ---------------------------------------------------------------------------------------------

// A crash never leaves a half-written file: temp file in the same folder, then rename.
void writeAtomically(const fs::path& target, const std::string& content) {
  AtomicOutputFile file(target);
  file.write(content);
  file.commit();
}

}  // namespace

void writeExampleKommun(const fs::path& outDir) {
  std::error_code error;
  fs::create_directories(outDir, error);
  if (error || !fs::is_directory(outDir))
    throw OutputError("Mappen " + outDir.string() + " kan inte skapas" +
                      (error ? ": " + error.message() : ""));

  const Year& year2024 = kYears[0];
  const Year& year2025 = kYears[1];

  LedgerWriter ledger2024(year2024);
  ledger2024.writeYear();
  writeAtomically(outDir / "huvudbok-2024.csv", ledger2024.text());

  LedgerWriter ledger2025(year2025);
  ledger2025.writeYear();
  writeAtomically(outDir / "huvudbok-2025.csv", ledger2025.text());

  writeAtomically(outDir / "budget-2024.csv", yearlyBudget(year2024));
  std::vector<i64> budget2025;
  writeAtomically(outDir / "budget-2025.csv", monthlyBudget(year2025, budget2025));
  writeAtomically(outDir / "prognos-2025.csv",
                  prognoses(year2025.year, budget2025, ledger2025.netByAnsvar()));
}

}  // namespace namnd
