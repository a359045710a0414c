#include "cli/example_kommun.hpp"

#include "cli/example_avvikelser.hpp"
#include "cli/example_delar.hpp"
#include "cli/example_hr.hpp"
#include "cli/example_volymer.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <cstdint>
#include <ctime>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include "cli/example_random.hpp"
#include "core/errors.hpp"
#include "core/swedish_calendar.hpp"
#include "ingest/sie/cp437.hpp"
#include "render/atomic_output_file.hpp"
#include "render/xlsx/xlsx_workbook.hpp"

namespace namnd {
namespace {

namespace fs = std::filesystem;
using example::Rng;
using example::scale;
using example::streamFor;
using i64 = std::int64_t;

constexpr i64 kOrePerKr = 100;
constexpr i64 kOrePerTkr = 1000 * kOrePerKr;

// ---------------------------------------------------------------------------------------------
// Deterministic randomness (cli/example_random.hpp): a stream per purpose, ansvar and month.

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
  // A planned placement did not start: the nämnd moves 1 140 tkr of it to IFO from July.
  {.code = "5430", .name = "Köpta platser LSS", .unit = "FS4", .verksamhet = "520",
   .kind = Kind::PurchaseOnly, .purchases = 26000, .termFees = 3000, .purchaseDev = -45,
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
  const char* name;  // as in org.csv
  const char* deficitComment;
  const char* deficitAction;
  const char* surplusComment;
};

// clang-format off
const std::vector<Unit> kUnits = {
  {"NF1", "Nämnd", "Fler sammanträden än planerat.", "",
   "Lägre kostnader för arvoden än budgeterat."},
  {"NF2", "Förvaltningsledning", "Kostnader för konsultstöd.", "",
   "Vakant tjänst i staben under delar av året."},
  {"NF3", "Förvaltningsgemensamt", "Högre IT-kostnader än budgeterat.", "",
   "Budgetreserven har bara delvis tagits i anspråk."},
  {"AO1", "Särskilt boende", "Ökade vårdbehov på demensavdelning och extra bemanning nattetid.",
   "Översyn av bemanning natt och minskad användning av timavlönade.",
   "Lägre personalkostnader än budgeterat."},
  {"AO2", "Hemtjänst",
   "Fler beviljade timmar än budgeterat samt hög andel övertid och timavlönade.",
   "Genomlysning av planering och bemanning, översyn av schema och resursfördelning.",
   "Lägre personalkostnader än budgeterat."},
  {"AO3", "Korttid och dagverksamhet", "Färre sålda korttidsplatser än budgeterat.", "",
   "Vakanser under delar av året."},
  {"AO4", "Äldreomsorg gemensamt", "Fler köpta platser i särskilt boende än budgeterat.",
   "Egna boenden prioriteras före köpta platser.", "Statsbidrag täcker kostnader i verksamheten."},
  {"HS1", "Hemsjukvård", "Inhyrda sjuksköterskor och övertid under sommaren.",
   "Rekrytering av sjuksköterskor för att minska inhyrningen.",
   "Vakanta tjänster som inte har ersatts fullt ut."},
  {"HS2", "Rehabilitering och hjälpmedel", "Ökade kostnader för hjälpmedel.", "",
   "Lägre personalkostnader än budgeterat."},
  {"IFO1", "Barn och familj", "Fler placeringar av barn och unga på HVB än budgeterat.",
   "Utökad öppenvård på hemmaplan och översyn av pågående placeringar.",
   "Färre placeringar än budgeterat."},
  {"IFO2", "Vuxen", "Högre kostnad för placeringar av vuxna inom missbruksvården.",
   "Öppenvårdsinsatser i egen regi prövas före placering.", "Vakans som socialsekreterare."},
  {"IFO3", "Öppenvård", "Högre kostnader än budgeterat.", "",
   "Vakans och statsbidrag som täcker kostnader."},
  {"IFO4", "IFO gemensamt", "Högre kostnader för avtal än budgeterat.", "",
   "Lägre kostnader än budgeterat."},
  {"FS1", "Bostad med särskild service",
   "Högre personalkostnader än budgeterat i gruppbostäderna.",
   "Översyn av scheman i gruppbostäderna.", "Lägre personalkostnader än budgeterat."},
  {"FS2", "Daglig verksamhet", "Högre kostnader än budgeterat.", "",
   "Vakanser inom daglig verksamhet."},
  {"FS3", "Personlig assistans", "Fler timmar än Försäkringskassan ersätter.",
   "Uppföljning av beviljade timmar mot utförd tid.", "Lägre personalkostnader än budgeterat."},
  {"FS4", "Korttid och stöd", "Fler köpta platser och terminsavgifter för elevhem än budgeterat.",
   "Översyn av möjligheten att verkställa beslut på hemmaplan.",
   "En planerad placering i köpt plats LSS har inte blivit av."},
  {"AF1", "Försörjningsstöd", "Fler hushåll med ekonomiskt bistånd än budgeterat.",
   "Samverkan med arbetsmarknadsenheten för fler i egen försörjning.",
   "Färre hushåll med ekonomiskt bistånd än budgeterat."},
  {"AF2", "Arbetsmarknadsenheten", "Färre anvisade deltagare än budgeterat.", "",
   "Högre bidrag från Arbetsförmedlingen än budgeterat."},
};
// clang-format on

// An org change like the ones real nämnder make mid-year: from July 2025 the nattpatrull belongs
// to Hemsjukvård (Hälso- och sjukvård) instead of Hemtjänst (Äldreomsorg). org.csv holds the
// two versions of the node; here it decides which unit a prognosis covers.
struct UnitMove {
  const char* ansvar;
  const char* toUnit;
  int fromPeriod;  // YYYYMM, first month in the new unit
};
constexpr UnitMove kUnitMove = {"2230", "HS1", 202507};

// The unit an ansvar belongs to in a month.
std::string_view unitAt(const Ansvar& a, int period) {
  if (std::string_view(a.code) == kUnitMove.ansvar && period >= kUnitMove.fromPeriod)
    return kUnitMove.toUnit;
  return a.unit;
}

// Budget revisions of 2025 (budgetrevision-2025.csv): each moves an amount between two lines
// from a month on, so the nämnd's total is unchanged. Whole kronor.
struct BudgetTransfer {
  const char* version;  // the decision, as the minutes name it
  int fromPeriod;       // giltig_from, YYYYMM
  const char* fromAnsvar;
  const char* fromKonto;
  const char* toAnsvar;
  const char* toKonto;
  i64 kr;
};

// clang-format off
const std::array<BudgetTransfer, 2> kTransfers2025 = {{
  // The LSS placement that did not start pays for more HVB placements of children.
  {"SN 2025-06-17 § 64", 202507, "5430", "4610", "4120", "4610", 1'140'000},
  // Part of the budgetreserv goes to hemtjänst staffing.
  {"SN 2025-09-23 § 87", 202510, "1190", "7690", "2210", "5110", 350'000},
}};
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

std::string monthText(int year, int month) { return swedishMonthAndYear(year, month); }

// ---------------------------------------------------------------------------------------------
// Names the exports show beside the codes (SIE #KONTO/#OBJEKT, the "Konto text" column).

struct CodeName {
  const char* code;
  const char* name;
};

// clang-format off
constexpr CodeName kKontoNames[] = {
  {"3160", "Avgifter vård och omsorg"}, {"3510", "Försäljning av verksamhet"},
  {"3600", "Hyror och arrenden"}, {"3700", "Bidrag"},
  {"3740", "Ersättning från Försäkringskassan"}, {"4560", "Ekonomiskt bistånd"},
  {"4610", "Köp av huvudverksamhet"}, {"5010", "Arvoden förtroendevalda"},
  {"5060", "Arvoden uppdragstagare"}, {"5110", "Månadslön"}, {"5120", "Timlön"},
  {"5130", "Övertid och mertid"}, {"5150", "OB-tillägg"}, {"5250", "Sjuklön"},
  {"5290", "Förändring semesterlöneskuld"}, {"5410", "Sociala avgifter enl lag"},
  {"5420", "Avtalsförsäkringar och avtalspension"}, {"5710", "Kurser och konferenser"},
  {"6110", "Lokalhyror"}, {"6220", "Elenergi"}, {"6410", "Inventarier och verktyg"},
  {"6420", "Förbrukningsmaterial"}, {"6440", "Livsmedel"}, {"6470", "Sjukvårdsmaterial"},
  {"6480", "Hjälpmedel"}, {"6540", "IT-tjänster och licenser"}, {"6710", "Leasing av fordon"},
  {"6720", "Drivmedel"}, {"7020", "Telefoni"}, {"7340", "Köp av måltider"},
  {"7390", "Övriga tjänster"}, {"7520", "Inhyrd personal"}, {"7690", "Budgetreserv"},
  {"7990", "Avskrivningar"}, {"8410", "Internränta"},
};

constexpr CodeName kVerksamhetNames[] = {
  {"110", "Nämnd- och styrelseverksamhet"}, {"510", "Äldreomsorg gemensamt"},
  {"511", "Särskilt boende"}, {"512", "Hemtjänst"}, {"513", "Korttid och dagverksamhet"},
  {"515", "Hälso- och sjukvård"}, {"520", "Insatser enligt LSS"},
  {"521", "Bostad med särskild service"}, {"522", "Daglig verksamhet"},
  {"523", "Personlig assistans"}, {"570", "Individ- och familjeomsorg gemensamt"},
  {"571", "Vuxna"}, {"573", "Barn och unga"}, {"575", "Ekonomiskt bistånd"},
  {"580", "Arbetsmarknadsåtgärder"},
};

constexpr CodeName kProjektNames[] = {{"P2501", "Äldreomsorgslyftet"}};
// clang-format on

template <std::size_t N>
std::string_view nameOf(const CodeName (&names)[N], std::string_view code) {
  for (const CodeName& entry : names)
    if (code == entry.code) return entry.name;
  assert(false && "every code the generator books has a name");
  return "";
}

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic for voucher dates and document timestamps, done by hand: mktime and
// localtime depend on the machine's time zone, and the files must not.

// Days since 1970-01-01 (H. Hinnant's days_from_civil).
i64 daysFromCivil(int year, int month, int day) {
  const int y = year - (month <= 2 ? 1 : 0);
  const i64 era = (y >= 0 ? y : y - 399) / 400;
  const i64 yoe = y - era * 400;
  const i64 doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const i64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

int daysInMonth(int year, int month) {
  return static_cast<int>(
      daysFromCivil(month == 12 ? year + 1 : year, month == 12 ? 1 : month + 1, 1) -
      daysFromCivil(year, month, 1));
}

bool isWeekend(int year, int month, int day) {
  const i64 mondayBased = (daysFromCivil(year, month, day) + 3) % 7;  // 1970-01-01: Thursday
  return mondayBased >= 5;
}

// ---------------------------------------------------------------------------------------------
// The ledger of one year, kept as rows so that it can be written as CSV and as SIE.

struct LedgerRow {
  int month;
  std::size_t ansvar;  // index into kAnsvar
  std::string_view konto;
  std::string_view projekt;
  i64 ore;
  std::string vernr;
  std::string text;
};

class LedgerWriter {
 public:
  explicit LedgerWriter(const Year& year) : year_(year), yy_(twoDigits(year.year % 100)) {
    rows_.reserve(30'000);
    netByAnsvar_.assign(kAnsvar.size(), 0);
  }

  void writeYear() {
    for (int month = 1; month <= 12; ++month)
      for (std::size_t i = 0; i < kAnsvar.size(); ++i) writeMonth(i, month);
  }

  const Year& year() const { return year_; }
  const std::vector<LedgerRow>& rows() const { return rows_; }
  // Net utfall for the whole year per ansvar (index as kAnsvar), öre.
  const std::vector<i64>& netByAnsvar() const { return netByAnsvar_; }

 private:
  void row(std::size_t index, int month, std::string_view konto, std::string_view projekt, i64 ore,
           std::string vernr, std::string description) {
    if (ore == 0) return;
    rows_.push_back({month, index, konto, projekt, ore, std::move(vernr), std::move(description)});
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
  std::vector<LedgerRow> rows_;
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

// Helår rows, `ar;ansvar;konto;belopp` in whole kronor, for the lines `keep` selects.
template <typename Keep>
std::string helarBudget(const Year& year, Keep keep) {
  std::string text = "ar;ansvar;konto;belopp\n";
  for (const Ansvar& a : kAnsvar)
    for (const BudgetLine& line : budgetLines(a, year))
      if (keep(a, line))
        text += std::to_string(year.year) + ";" + a.code + ";" + line.konto + ";" +
                formatWholeKr(line.ore) + "\n";
  return text;
}

// Personnel lines go in the helår file that namnd.json periodises with "lonekalender" (the
// weights of kHolidayPay, which the ledger's wages follow). Feriearbete follows a season no key
// describes, so its wages stay in the monthly file.
bool followsPayrollKey(const Ansvar& a, const BudgetLine& line) {
  return line.personnel && !a.summerWork;
}

// Monthly rows, `period;ansvar;konto;belopp`, for every line the payroll key does not cover:
// other accounts linear, feriearbete's wages by the summer-jobs season. Each ansvar+konto is
// budgeted in exactly one of the two files.
std::string monthlyBudget(const Year& year) {
  std::string text = "period;ansvar;konto;belopp\n";
  for (int month = 1; month <= 12; ++month)
    for (const Ansvar& a : kAnsvar)
      for (const BudgetLine& line : budgetLines(a, year)) {
        if (followsPayrollKey(a, line)) continue;
        const Profile12& profile = line.personnel ? kSummerJobs : kLinear;
        const i64 kr = monthShare(line.ore / kOrePerKr, profile, month);
        if (kr == 0) continue;
        text += periodCode(year.year, month) + ";" + a.code + ";" + line.konto + ";" +
                std::to_string(kr) + "\n";
      }
  return text;
}

// Net helår budget per ansvar before revisions, öre (index as kAnsvar).
std::vector<i64> helarByAnsvar(const Year& year) {
  std::vector<i64> net(kAnsvar.size(), 0);
  for (std::size_t i = 0; i < kAnsvar.size(); ++i)
    for (const BudgetLine& line : budgetLines(kAnsvar[i], year)) net[i] += line.ore;
  return net;
}

// Each transfer as two rows, minus first, so every version nets to zero.
std::string budgetRevisions(int year) {
  std::string text = "ar;giltig_from;version;ansvar;konto;belopp\n";
  for (const BudgetTransfer& t : kTransfers2025) {
    const std::string head =
        std::to_string(year) + ";" + std::to_string(t.fromPeriod) + ";" + t.version + ";";
    text += head + t.fromAnsvar + ";" + t.fromKonto + ";" + std::to_string(-t.kr) + "\n";
    text += head + t.toAnsvar + ";" + t.toKonto + ";" + std::to_string(t.kr) + "\n";
  }
  return text;
}

// The helår budget of an ansvar as a prognosis made in `period` knows it: revisions count from
// their first month.
i64 revisedHelar(const Ansvar& a, i64 baseOre, int period) {
  i64 ore = baseOre;
  for (const BudgetTransfer& t : kTransfers2025) {
    if (period < t.fromPeriod || period / 100 != t.fromPeriod / 100) continue;
    if (std::string_view(a.code) == t.fromAnsvar) ore -= t.kr * kOrePerKr;
    if (std::string_view(a.code) == t.toAnsvar) ore += t.kr * kOrePerKr;
  }
  return ore;
}

// ---------------------------------------------------------------------------------------------
// Prognoses: each unit's controller sees more of the year's outcome every month.

struct PrognosRow {
  int period;  // prognosperiod, YYYYMM
  const Unit* unit;
  i64 avvikelseOre;  // helår budget − expected helår utfall; whole 50 tkr
  std::string comment;
  std::string action;
};

std::vector<PrognosRow> prognoses(int year, const std::vector<i64>& budget,
                                  const std::vector<i64>& utfall) {
  // Share of the final deviation recognised at each prognosperiod (Feb..Nov), permille.
  static constexpr int kRecognised[] = {350, 450, 550, 650, 720, 800, 880, 940, 980, 1000};
  constexpr i64 kStep = 50 * kOrePerTkr;  // prognoses are given in steps of 50 tkr
  std::vector<PrognosRow> rows;
  for (int month = 2; month <= 11; ++month) {
    const int period = year * 100 + month;
    for (const Unit& unit : kUnits) {
      i64 deviationOre = 0;
      for (std::size_t i = 0; i < kAnsvar.size(); ++i)
        if (unitAt(kAnsvar[i], period) == unit.code)
          deviationOre += revisedHelar(kAnsvar[i], budget[i], period) - utfall[i];
      Rng rng = streamFor("prognos", unit.code, year, month);
      const i64 recognised =
          withPermille(scale(deviationOre, kRecognised[month - 2], 1000), rng.between(-60, 60));
      PrognosRow row{period, &unit, scale(recognised, 1, kStep) * kStep, "", ""};
      if (deviationOre > -200 * kOrePerTkr && deviationOre < 200 * kOrePerTkr) row.avvikelseOre = 0;
      if (row.avvikelseOre <= -500 * kOrePerTkr) {
        row.comment = unit.deficitComment;
        if (row.avvikelseOre <= -1000 * kOrePerTkr) row.action = unit.deficitAction;
      } else if (row.avvikelseOre >= 500 * kOrePerTkr) {
        row.comment = unit.surplusComment;
      }
      rows.push_back(std::move(row));
    }
  }
  return rows;
}

// The nämnd's August prognosis per RSUM row for the delårsrapport, `rad;avvikelse` (kr): the
// units' total deviation shared out the way the example's units explain it (mostly personnel
// and purchased places, partly offset by income), in whole 50 tkr, the last row taking the rest
// so that the rows add up to the units' prognosis exactly.
std::string prognosPerKostnadsslag(const std::vector<PrognosRow>& rows, int period) {
  i64 total = 0;
  for (const PrognosRow& row : rows)
    if (row.period == period) total += row.avvikelseOre;
  constexpr i64 kStep = 50 * kOrePerTkr;
  struct Share {
    const char* rad;
    i64 permille;
  };
  static constexpr Share kShares[] = {{"Intäkter", -150},
                                      {"Personalkostnader", 700},
                                      {"Lokalkostnader energi VA", 0},
                                      {"Kapitalkostnad", 0}};
  const std::string prefix = std::to_string(period) + ";";
  std::string text = "prognosperiod;rad;avvikelse\n";
  i64 left = total;
  for (const Share& share : kShares) {
    const i64 ore = scale(scale(total, share.permille, 1000), 1, kStep) * kStep;
    left -= ore;
    text += prefix + share.rad + ";" + formatWholeKr(ore) + "\n";
  }
  return text + prefix + "Övriga kostnader;" + formatWholeKr(left) + "\n";
}

std::string prognosCsv(const std::vector<PrognosRow>& rows) {
  std::string text = "prognosperiod;ansvar;avvikelse;kommentar;atgard\n";
  for (const PrognosRow& row : rows)
    text += std::to_string(row.period) + ";" + row.unit->code + ";" +
            formatWholeKr(row.avvikelseOre) + ";" + row.comment + ";" + row.action + "\n";
  return text;
}

// The same prognoses as an ekonomisystem's Excel export: a title above the table, Swedish
// headers that namnd.json maps ("kolumner"), periods and amounts as numbers.
void writePrognosXlsx(const fs::path& target, int year, const std::vector<PrognosRow>& rows) {
  // Exported on 5 December at 08:15 UTC: a fixed timestamp keeps the bytes identical.
  const std::time_t exported =
      static_cast<std::time_t>(daysFromCivil(year, 12, 5) * 86'400 + 8 * 3'600 + 15 * 60);
  const XlsxCellStyle title{.bold = true, .fontSize = 14};
  const XlsxCellStyle header{.bold = true, .bottomBorder = true, .wrap = true};
  const XlsxCellStyle amount{.numberFormat = "#,##0;-#,##0"};

  AtomicOutputFile file(target);
  {
    XlsxWorkbookWriter workbook(file.tempPath(), target.string());
    workbook.setProperties({"Prognosuppföljning " + std::to_string(year),
                            "Ekonomienheten, Socialförvaltningen", "Exempelby kommun", exported});
    XlsxSheetWriter sheet = workbook.addSheet("Prognoser");
    sheet.writeString(0, 0, "Prognosuppföljning " + std::to_string(year) + ", Socialnämnden",
                      title);
    sheet.writeString(1, 0,
                      "Belopp i kronor. Prognosavvikelse = helårsbudget minus prognostiserat "
                      "helårsutfall; positivt belopp är överskott.");
    struct Column {
      const char* header;
      double width;
    };
    static constexpr Column kColumns[] = {{"Period", 10},    {"Enhet", 8},
                                          {"Benämning", 28}, {"Prognosavvikelse helår (kr)", 16},
                                          {"Kommentar", 60}, {"Åtgärd", 60}};
    for (int col = 0; col < 6; ++col) {
      sheet.writeString(3, col, kColumns[col].header, header);
      sheet.setColumnWidth(col, kColumns[col].width);
    }
    int r = 4;
    for (const PrognosRow& row : rows) {
      sheet.writeNumber(r, 0, row.period);
      sheet.writeString(r, 1, row.unit->code);
      sheet.writeString(r, 2, row.unit->name);
      // Whole kronor far below 2^53: exact as a double.
      sheet.writeNumber(r, 3, static_cast<double>(row.avvikelseOre / kOrePerKr), amount);
      if (!row.comment.empty()) sheet.writeString(r, 4, row.comment);
      if (!row.action.empty()) sheet.writeString(r, 5, row.action);
      ++r;
    }
    sheet.freezePanes(4, 0);
    workbook.close();
  }
  file.commit();
}

// ---------------------------------------------------------------------------------------------
// The ledger as files: CSV in two header styles, and SIE 4.

enum class LedgerCsvStyle {
  Canonical,  // period;ansvar;konto;… as the input contract spells it
  Export,     // Period;Ansvar;Konto text;… with "4610 Köp av huvudverksamhet" in one cell
};

std::string ledgerCsv(const LedgerWriter& ledger, LedgerCsvStyle style) {
  std::string text;
  text.reserve(4 << 20);
  text += style == LedgerCsvStyle::Canonical
              ? "period;ansvar;konto;verksamhet;projekt;belopp;vernr;text\n"
              : "Period;Ansvar;Konto text;Verksamhet;Projekt;Belopp;Vernr;Text\n";
  for (const LedgerRow& row : ledger.rows()) {
    const Ansvar& a = kAnsvar[row.ansvar];
    text += periodCode(ledger.year().year, row.month);
    text += ';';
    text += a.code;
    text += ';';
    text += row.konto;
    if (style == LedgerCsvStyle::Export) {
      text += ' ';
      text += nameOf(kKontoNames, row.konto);
    }
    text += ';';
    text += a.verksamhet;
    text += ';';
    text += row.projekt;
    text += ';';
    text += formatOre(row.ore);
    text += ';';
    text += row.vernr;
    text += ';';
    text += row.text;
    text += '\n';
  }
  return text;
}

// UTF-8 → code page 437, which SIE calls PC8. Every character the generator writes exists there.
std::string toCp437(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size();) {
    const auto lead = static_cast<unsigned char>(utf8[i]);
    if (lead < 0x80) {
      out += static_cast<char>(lead);
      ++i;
      continue;
    }
    const std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    char32_t point = lead & (length == 2 ? 0x1FU : length == 3 ? 0x0FU : 0x07U);
    for (std::size_t k = 1; k < length && i + k < utf8.size(); ++k)
      point = (point << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3FU);
    i += length;
    char encoded = '?';
    for (unsigned byte = 0x80; byte <= 0xFF; ++byte)
      if (cp437CodePoint(static_cast<unsigned char>(byte)) == point) {
        encoded = static_cast<char>(byte);
        break;
      }
    assert(encoded != '?' && "the generator writes only characters that CP437 has");
    out += encoded;
  }
  return out;
}

// An SIE string field: quoted, with " and \ escaped.
std::string sieQuoted(std::string_view text) {
  std::string quoted = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return quoted + "\"";
}

// Kronor with a decimal point, as SIE writes amounts: -1234.50.
std::string sieAmount(i64 ore) {
  std::string text = formatOre(ore);
  text[text.size() - 3] = '.';
  return text;
}

std::string sieDate(int year, int month, int day) {
  return std::to_string(year) + twoDigits(month) + twoDigits(day);
}

// The letters of a voucher number are its series: "LF24000123" → "LF".
std::string_view voucherSeries(std::string_view vernr) {
  std::size_t letters = 0;
  while (letters < vernr.size() && (vernr[letters] < '0' || vernr[letters] > '9')) ++letters;
  return vernr.substr(0, letters);
}

// Salaries are paid on the 25th (the Friday before when it is a weekend); internal charges and
// journal entries are dated the last day of the month; invoices and payments fall on a
// working day that the voucher number picks.
int voucherDay(std::string_view vernr, int year, int month) {
  const std::string_view series = voucherSeries(vernr);
  if (series == "L") {
    int day = 25;
    while (isWeekend(year, month, day)) --day;
    return day;
  }
  if (series == "IF" || series == "MV") return daysInMonth(year, month);
  std::vector<int> workingDays;
  for (int day = 1; day <= daysInMonth(year, month); ++day)
    if (!isWeekend(year, month, day)) workingDays.push_back(day);
  std::uint64_t hash = 1469598103934665603ULL;  // FNV-1a
  for (const char c : vernr) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  return workingDays[static_cast<std::size_t>(hash % workingDays.size())];
}

// SIE 4 as a Swedish ekonomisystem exports a nämnd's result accounts: PC8 text, CRLF lines,
// the ansvar as dimension 1, projekt as 6 and verksamhet as 20; #RES and #PSALDO per konto,
// then one #VER per voucher number. An extract of result accounts only, so a voucher does not
// balance; Σ #TRANS is the same as the CSV variant's Σ belopp.
std::string sieLedger(const LedgerWriter& ledger) {
  const int year = ledger.year().year;
  const std::vector<LedgerRow>& rows = ledger.rows();
  std::string text;
  text.reserve(3 << 20);
  const auto line = [&text](const std::string& utf8) {
    text += toCp437(utf8);
    text += "\r\n";
  };

  line("#FLAGGA 0");
  line("#FORMAT PC8");
  line("#SIETYP 4");
  line("#PROGRAM \"Exempelby ekonomisystem\" \"4.2\"");
  line("#GEN " + sieDate(year + 1, 2, 14));
  line("#FNAMN \"Exempelby kommun\"");
  line("#RAR 0 " + sieDate(year, 1, 1) + " " + sieDate(year, 12, 31));
  line("#DIM 1 \"Ansvar\"");
  line("#DIM 6 \"Projekt\"");
  line("#DIM 20 \"Verksamhet\"");
  std::set<std::string_view> verksamheter;
  for (const Ansvar& a : kAnsvar) {
    line("#OBJEKT 1 " + sieQuoted(a.code) + " " + sieQuoted(a.name));
    if (a.verksamhet[0] != '\0') verksamheter.insert(a.verksamhet);
  }
  for (const CodeName& projekt : kProjektNames)
    line("#OBJEKT 6 " + sieQuoted(projekt.code) + " " + sieQuoted(projekt.name));
  for (const std::string_view code : verksamheter)
    line("#OBJEKT 20 " + sieQuoted(code) + " " + sieQuoted(nameOf(kVerksamhetNames, code)));

  std::map<std::string_view, i64> result;                         // konto → year
  std::map<std::pair<std::string_view, int>, i64> periodBalance;  // (konto, month) → month
  std::map<std::string_view, std::vector<std::size_t>> vouchers;  // vernr → rows, in order
  for (std::size_t r = 0; r < rows.size(); ++r) {
    result[rows[r].konto] += rows[r].ore;
    periodBalance[{rows[r].konto, rows[r].month}] += rows[r].ore;
    vouchers[rows[r].vernr].push_back(r);
  }
  for (const auto& [konto, ore] : result)
    line("#KONTO " + std::string(konto) + " " + sieQuoted(nameOf(kKontoNames, konto)));
  for (const auto& [konto, ore] : result)
    line("#RES 0 " + std::string(konto) + " " + sieAmount(ore));
  for (const auto& [key, ore] : periodBalance)
    line("#PSALDO 0 " + periodCode(year, key.second) + " " + std::string(key.first) + " {} " +
         sieAmount(ore));

  for (const auto& [vernr, members] : vouchers) {
    const LedgerRow& first = rows[members.front()];
    const std::string_view series = voucherSeries(vernr);
    const std::string when = monthText(year, first.month);
    const std::string title = series == "L"    ? "Lön " + when
                              : series == "IF" ? "Internfakturering " + when
                                               : first.text;
    line("#VER " + sieQuoted(series) + " " + sieQuoted(vernr.substr(series.size())) + " " +
         sieDate(year, first.month, voucherDay(vernr, year, first.month)) + " " + sieQuoted(title));
    line("{");
    for (const std::size_t r : members) {
      const LedgerRow& row = rows[r];
      const Ansvar& a = kAnsvar[row.ansvar];
      std::string objects = "{1 " + sieQuoted(a.code);
      if (!row.projekt.empty()) objects += " 6 " + sieQuoted(row.projekt);
      if (a.verksamhet[0] != '\0') objects += " 20 " + sieQuoted(a.verksamhet);
      line("#TRANS " + std::string(row.konto) + " " + objects + "} " + sieAmount(row.ore) +
           " \"\" " + sieQuoted(row.text));
    }
    line("}");
  }
  return text;
}

// ---------------------------------------------------------------------------------------------

// A crash never leaves a half-written file: temp file in the same folder, then rename.
}  // namespace

void writeExampleKommun(const fs::path& outDir) {
  createOutputFolder(outDir);

  const Year& year2024 = kYears[0];
  const Year& year2025 = kYears[1];

  {
    LedgerWriter ledger2024(year2024);
    ledger2024.writeYear();
    writeFileAtomically(outDir / "huvudbok-2024.se", sieLedger(ledger2024));
    writeFileAtomically(outDir / "huvudbok-2024.csv",
                        ledgerCsv(ledger2024, LedgerCsvStyle::Canonical));
    // Last year's prognoses: the nyckeltal prognossäkerhet compares the August one with the
    // closed year's outcome.
    writeFileAtomically(
        outDir / "prognos-2024.csv",
        prognosCsv(prognoses(year2024.year, helarByAnsvar(year2024), ledger2024.netByAnsvar())));
  }
  LedgerWriter ledger2025(year2025);
  ledger2025.writeYear();
  writeFileAtomically(outDir / "huvudbok-2025.csv", ledgerCsv(ledger2025, LedgerCsvStyle::Export));

  writeFileAtomically(outDir / "budget-2024.csv",
                      helarBudget(year2024, [](const Ansvar&, const BudgetLine&) { return true; }));
  writeFileAtomically(outDir / "budget-2025-personal.csv",
                      helarBudget(year2025, followsPayrollKey));
  writeFileAtomically(outDir / "budget-2025.csv", monthlyBudget(year2025));
  writeFileAtomically(outDir / "budgetrevision-2025.csv", budgetRevisions(year2025.year));

  const std::vector<PrognosRow> rows =
      prognoses(year2025.year, helarByAnsvar(year2025), ledger2025.netByAnsvar());
  writeFileAtomically(outDir / "prognos-2025.csv", prognosCsv(rows));
  writePrognosXlsx(outDir / "prognos-2025.xlsx", year2025.year, rows);
  writeFileAtomically(outDir / "prognos-kostnadsslag-2025.csv",
                      prognosPerKostnadsslag(rows, year2025.year * 100 + 8));
  writeExampleHr(outDir);
  writeExampleDelar(outDir);
  writeExampleAvvikelser(outDir);
  writeExampleVolymer(outDir);
}

}  // namespace namnd
