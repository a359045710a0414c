#include "cli/example_avvikelser.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <initializer_list>
#include <map>
#include <string>
#include <system_error>
#include <tuple>
#include <vector>

#include "cli/example_random.hpp"
#include "core/calendar_date.hpp"
#include "core/category_name.hpp"
#include "core/errors.hpp"
#include "render/atomic_output_file.hpp"
#include "render/xlsx/xlsx_workbook.hpp"

namespace namnd {
namespace {

namespace fs = std::filesystem;
using example::Rng;
using example::scale;
using example::streamFor;
using i64 = std::int64_t;

constexpr int kFirstYear = 2022;
constexpr int kLastYear = 2025;
// The exports were taken at the end of 2025: nothing registered later is in them.
constexpr CalendarDate kExported{2025, 12, 31};

// More reports every year: better reporting culture, more residents with home care (permille).
constexpr std::array<i64, 4> kTrend = {900, 950, 1000, 1060};

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic by hand (H. Hinnant's algorithms): no time zone, no library clock.

i64 dayNumber(const CalendarDate& d) {
  const int y = d.year - (d.month <= 2 ? 1 : 0);
  const i64 era = (y >= 0 ? y : y - 399) / 400;
  const i64 yoe = y - era * 400;
  const i64 doy = (153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
  const i64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CalendarDate fromDayNumber(i64 z) {
  z += 719468;
  const i64 era = (z >= 0 ? z : z - 146096) / 146097;
  const i64 doe = z - era * 146097;
  const i64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const i64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const i64 mp = (5 * doy + 2) / 153;
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
  return {year, month, day};
}

// ---------------------------------------------------------------------------------------------
// One report as either export writes it; texts are the source system's own spellings.

struct Report {
  CalendarDate event;
  CalendarDate registered;
  int minute = 0;  // time of day of the registration, minutes after midnight
  std::string unitCode;
  std::string unitName;
  std::string lagrum;
  std::string typ;
  std::string kategori;     // HSL
  std::string handelsetyp;  // SoL/LSS
  std::string person;       // pseudonym; empty = none
  std::string severity;     // HSL "Allvarlighetsgrad" (the reader ignores it)
  std::string externPart;
  std::string riktning;
  std::string status;
  bool fall = false;  // the flag columns are filled for falls only
  bool hoftbyxa = false;
  bool ganghjalpmedel = false;
  bool fraktur = false;
  std::string description;  // free text: must never reach a report
  std::string id;
};

// A count for a half-year around mean10/10, with the year's trend and ±15 %.
i64 drawCount(Rng& rng, i64 mean10, int year) {
  const i64 scaled = mean10 * kTrend[static_cast<std::size_t>(year - kFirstYear)] *
                     rng.between(850, 1150);  // tenths × permille × permille
  const i64 unit = 10 * 1000 * 1000;
  const i64 whole = scaled / unit;
  // The fraction decides by chance, so a mean of 0,5 gives a report every other half-year.
  return whole + (rng.between(0, unit - 1) < scaled % unit ? 1 : 0);
}

// The event's day in the half-year and its registration: most the same or the next day, some
// a week later, a few (found at a review, a lex investigation) weeks later.
void placeInTime(Rng& rng, int year, int half, Report& report) {
  const HalfYearPeriod period{year, half};
  const i64 first = dayNumber(period.first());
  const i64 last = dayNumber(period.last());
  const i64 event = rng.between(first, last);
  const i64 roll = rng.between(0, 99);
  const i64 lag = roll < 70   ? rng.between(0, 1)
                  : roll < 95 ? rng.between(2, 7)
                              : rng.between(8, 45);
  report.event = fromDayNumber(event);
  report.registered = fromDayNumber(event + lag);
  report.minute = static_cast<int>(rng.between(7 * 60, 22 * 60));
}

template <typename T, std::size_t N>
const T& pick(Rng& rng, const std::array<T, N>& items) {
  return items[static_cast<std::size_t>(rng.between(0, static_cast<i64>(N) - 1))];
}

// A weighted choice: weights[i] for item i.
template <typename Weights>
std::size_t weighted(Rng& rng, const Weights& weights) {
  i64 total = 0;
  for (const auto& w : weights) total += w;
  i64 roll = rng.between(0, total - 1);
  for (std::size_t i = 0; i < weights.size(); ++i) {
    roll -= weights[i];
    if (roll < 0) return i;
  }
  return weights.size() - 1;
}

// A resident or client of a unit in a half-year: slots are taken over by a new person every
// two years, staggered, and a few people are involved much more often than the rest.
std::string pseudonym(Rng& rng, char prefix, int unitIndex, int residents, int year, int half) {
  const i64 a = rng.between(0, residents - 1);
  const i64 b = rng.between(0, residents - 1);
  const i64 slot = std::min(a, b);  // skewed towards the low slots: repeat fallers
  const i64 halfIndex = (year - kFirstYear) * 2 + (half - 1);
  const i64 generation = (halfIndex + slot % 4) / 4;
  const i64 number = 100000 + unitIndex * 5000 + slot * 20 + generation;
  return std::string(1, prefix) + std::to_string(number);
}

// ---------------------------------------------------------------------------------------------
// HSL (Viva-like export)

struct HslUnit {
  const char* code;
  const char* name;                        // as Viva names the unit: the org's name
  int residents;                           // patients with HSL insatser
  i64 fall10, lakemedel10, mtp10, info10;  // mean reports per half-year, in tenths
};

// clang-format off
const std::array<HslUnit, 15> kHslUnits = {{
  {"2110", "Björkgården",                   36, 300, 200, 20, 10},
  {"2120", "Lindgården",                    32, 260, 180, 10, 10},
  {"2130", "Ekbacken",                      24, 200, 140, 10, 10},
  {"2140", "Sjöhaga demensboende",          24, 340, 120, 10, 10},
  {"2210", "Hemtjänst Tätort",              90, 140, 220, 10, 10},
  {"2220", "Hemtjänst Landsbygd",           60, 100, 160,  5,  5},
  {"2230", "Nattpatrull",                   40,  30,  40,  0,  0},
  {"2310", "Korttidsenheten Solbacken",     20,   5,   5,  0,  0},  // under-reporting
  {"3110", "Sjuksköterskor dag",            80,  10,  60, 10, 20},
  {"3120", "Sjuksköterskor kväll och natt", 60,   0,  30,  0, 10},
  {"3210", "Rehabenheten",                  70,  20,   0, 30,  0},
  {"3220", "Hjälpmedelsförråd",            70,   0,   0, 10,  0},
  {"5110", "Gruppbostad Solrosen",           6,  10,  30,  0,  0},
  {"5120", "Gruppbostad Vallmon",            6,  10,  20,  0,  0},
  {"5140", "Gruppbostad Lärkan",             6,   0,  20,  0,  0},
}};
// clang-format on

enum class HslKind { Fall, Lakemedel, Mtp, Info };

const std::array<const char*, 3> kSeverity = {"Mindre allvarlig", "Mindre allvarlig", "Allvarlig"};
const std::array<const char*, 3> kFallText = {
    "Hittades sittande på golvet i badrummet, inga synliga skador.",
    "Föll vid förflyttning från säng till rullator; \"halkade\" enligt egen utsago.",
    "Larmade efter fall i vardagsrummet, ömhet i höften, bedömd av sjuksköterska."};
const std::array<const char*, 3> kLakemedelText = {
    "Kvällsdosen gavs inte; upptäcktes vid nattens tillsyn.",
    "Signering saknas i appen, oklart om dosen getts.",
    "Fel dos insulin förbereddes men upptäcktes innan den gavs."};
const std::array<const char*, 2> kMtpText = {"Lyften fungerade inte, batteriet var urladdat.",
                                             "Rullatorns broms var trasig sedan flera dagar."};
const std::array<const char*, 2> kInfoText = {"Ordination fördes inte över till kvällspersonalen.",
                                              "Journalanteckning saknades efter hembesök."};
const std::array<const char*, 5> kVardgivare = {"NÄL", "SÄS", "Sahlgrenska universitetssjukhuset",
                                                "Skaraborgs sjukhus", "Vårdcentralen Exempelby"};

void addHslKind(std::vector<Report>& out, const HslUnit& unit, int unitIndex, HslKind kind,
                int year, int half) {
  static constexpr const char* kPurpose[] = {"avv-fall", "avv-lakemedel", "avv-mtp", "avv-info"};
  const i64 mean10 = kind == HslKind::Fall        ? unit.fall10
                     : kind == HslKind::Lakemedel ? unit.lakemedel10
                     : kind == HslKind::Mtp       ? unit.mtp10
                                                  : unit.info10;
  Rng rng = streamFor(kPurpose[static_cast<int>(kind)], unit.code, year, half);
  const i64 count = drawCount(rng, mean10, year);
  for (i64 i = 0; i < count; ++i) {
    Report r;
    placeInTime(rng, year, half, r);
    r.unitCode = unit.code;
    r.unitName = unit.name;
    r.lagrum = "HSL";
    r.typ = "Avvikelse HSL";
    r.severity = pick(rng, kSeverity);
    r.person = pseudonym(rng, 'P', unitIndex, unit.residents, year, half);
    switch (kind) {
      case HslKind::Fall:
        // Viva called it "Fall" until the 2024 upgrade, "Fallolycka" since.
        r.kategori = year < 2024 ? "Fall" : "Fallolycka";
        r.fall = true;
        r.hoftbyxa = rng.between(0, 999) < 70;         // about 27 of 403 (notes 004 §3.2)
        r.ganghjalpmedel = rng.between(0, 999) < 345;  // about 139 of 403
        r.fraktur = rng.between(0, 999) < 12;
        r.description = pick(rng, kFallText);
        break;
      case HslKind::Lakemedel: {
        static const std::array<const char*, 3> kSpellings = {
            "Läkemedelshantering", "Läkemedel - ej given dos", "Läkemedel - saknad signering"};
        r.kategori = kSpellings[weighted(rng, std::array<i64, 3>{40, 35, 25})];
        r.description = pick(rng, kLakemedelText);
        break;
      }
      case HslKind::Mtp:
        r.kategori = rng.between(0, 1) == 0 ? "Medicinteknisk produkt" : "Hjälpmedel";
        r.description = pick(rng, kMtpText);
        break;
      case HslKind::Info:
        r.kategori =
            rng.between(0, 1) == 0 ? "Informationsöverföring" : "Dokumentation och information";
        r.description = pick(rng, kInfoText);
        break;
    }
    out.push_back(std::move(r));
  }
}

// Klagomål under HSL and externa avvikelser in both directions, over the whole HSL organisation.
void addHslOther(std::vector<Report>& out, int year, int half) {
  Rng rng = streamFor("avv-hsl-ovrigt", "HS", year, half);
  const i64 complaints = rng.between(0, 2);
  for (i64 i = 0; i < complaints; ++i) {
    const HslUnit& unit = kHslUnits[static_cast<std::size_t>(rng.between(0, 6))];
    Report r;
    placeInTime(rng, year, half, r);
    r.unitCode = unit.code;
    r.unitName = unit.name;
    r.lagrum = "HSL";
    r.typ = "Klagomål/synpunkt";
    r.description = "Anhörig framför klagomål på att sjuksköterskan inte kom som utlovat.";
    out.push_back(std::move(r));
  }
  for (const char* direction : {"Inkommande", "Utgående"}) {
    const i64 count = rng.between(2, 6);
    for (i64 i = 0; i < count; ++i) {
      const bool nurses = rng.between(0, 2) > 0;
      const HslUnit& unit =
          nurses ? kHslUnits[8] : kHslUnits[static_cast<std::size_t>(rng.between(0, 4))];
      Report r;
      placeInTime(rng, year, half, r);
      r.unitCode = unit.code;
      r.unitName = unit.name;
      r.lagrum = "HSL";
      r.typ = "Extern avvikelse";
      r.externPart = pick(rng, kVardgivare);
      r.riktning = direction;
      r.person = pseudonym(rng, 'P', 8, kHslUnits[8].residents, year, half);
      r.description = direction == std::string("Inkommande")
                          ? "Patienten kom hem utan aktuell läkemedelslista."
                          : "Remissvar saknades vid inskrivning, bristande kommunikation.";
      out.push_back(std::move(r));
    }
  }
}

// The two lex Maria of the period; the second, like Herrljunga's (notes 004 §3.2), happened in
// December and was registered in January, so it belongs to the first half-year of 2025.
void addLexMaria(std::vector<Report>& out) {
  struct Maria {
    CalendarDate event, registered;
    std::size_t unit;
    const char* kategori;  // the HSL kategori in the system's spelling
    const char* status;
  };
  static constexpr Maria kMaria[] = {
      {{2023, 2, 20}, {2023, 3, 2}, 3, "Fallolycka", "Avslutad hos IVO"},
      {{2024, 12, 10}, {2025, 1, 22}, 8, "Läkemedelshantering", "Anmäld IVO"},
  };
  for (const Maria& m : kMaria) {
    Report r;
    r.event = m.event;
    r.registered = m.registered;
    r.minute = 10 * 60;
    r.unitCode = kHslUnits[m.unit].code;
    r.unitName = kHslUnits[m.unit].name;
    r.lagrum = "HSL";
    r.typ = "Lex Maria";
    r.kategori = m.kategori;
    r.status = m.status;
    r.severity = "Mycket allvarlig";
    r.description = "Allvarlig vårdskada efter utebliven bedömning; anmäld till IVO.";
    out.push_back(std::move(r));
  }
}

std::vector<Report> hslReports() {
  std::vector<Report> reports;
  for (int year = kFirstYear; year <= kLastYear; ++year)
    for (int half = 1; half <= 2; ++half) {
      for (std::size_t u = 0; u < kHslUnits.size(); ++u)
        for (HslKind kind : {HslKind::Fall, HslKind::Lakemedel, HslKind::Mtp, HslKind::Info})
          addHslKind(reports, kHslUnits[u], static_cast<int>(u), kind, year, half);
      addHslOther(reports, year, half);
    }
  addLexMaria(reports);
  return reports;
}

// ---------------------------------------------------------------------------------------------
// SoL/LSS (Treserva-like export)

enum class SolKind { Sabo, Hemtjanst, Larm, Korttid, Ifo, Lss };

struct SolUnit {
  const char* code;
  const char* name;
  const char* lagrum;  // "SoL" or "LSS"
  SolKind kind;
  int clients;
  i64 avvikelse10;  // mean avvikelser per half-year, in tenths
  i64 klagomal10;   // mean synpunkter och klagomål per half-year, in tenths
};

// clang-format off
const std::array<SolUnit, 26> kSolUnits = {{
  {"2110", "Björkgården",                "SoL", SolKind::Sabo,      36, 140, 15},
  {"2120", "Lindgården",                 "SoL", SolKind::Sabo,      32, 120, 10},
  {"2130", "Ekbacken",                   "SoL", SolKind::Sabo,      24,  90, 10},
  {"2140", "Sjöhaga demensboende",       "SoL", SolKind::Sabo,      24, 160, 10},
  {"2210", "Hemtjänst Tätort",           "SoL", SolKind::Hemtjanst, 110, 120, 25},
  {"2220", "Hemtjänst Landsbygd",        "SoL", SolKind::Hemtjanst, 70, 220, 20},
  {"2230", "Nattpatrull",                "SoL", SolKind::Hemtjanst, 50,  40,  0},
  {"2240", "Trygghetslarm",              "SoL", SolKind::Larm,     300,  30,  5},
  {"2310", "Korttidsenheten Solbacken",  "SoL", SolKind::Korttid,   20,   5,  0},  // under-reporting
  {"2320", "Dagverksamhet demens",       "SoL", SolKind::Korttid,   15,   0,  0},  // nothing at all
  {"2410", "Biståndsenheten äldre",      "SoL", SolKind::Ifo,      300,  10,  5},
  {"4110", "Myndighet barn och unga",    "SoL", SolKind::Ifo,       80,  30,  5},
  {"4210", "Myndighet vuxna",            "SoL", SolKind::Ifo,       60,  20,  5},
  {"4130", "Familjehemsvård",            "SoL", SolKind::Ifo,       30,  10,  5},
  {"4310", "Öppenvården",                "SoL", SolKind::Ifo,       40,  10,  0},
  {"4410", "Mottagning och IFO-ledning", "SoL", SolKind::Ifo,      100,  10,  0},
  {"6120", "Handläggning försörjningsstöd", "SoL", SolKind::Ifo,   150,  10,  5},
  {"5110", "Gruppbostad Solrosen",       "LSS", SolKind::Lss,        6,  40,  5},
  {"5120", "Gruppbostad Vallmon",        "LSS", SolKind::Lss,        6,  40,  0},
  {"5130", "Servicebostad Kastanjen",    "LSS", SolKind::Lss,        8,  20,  0},
  {"5140", "Gruppbostad Lärkan",         "LSS", SolKind::Lss,        6,  30,  5},
  {"5210", "Daglig verksamhet",          "LSS", SolKind::Lss,       40,  40, 10},
  {"5310", "Personlig assistans LSS",    "LSS", SolKind::Lss,       12,  40, 10},
  {"5320", "Personlig assistans SFB",    "LSS", SolKind::Lss,       10,  20,  5},
  {"5410", "Korttidsvistelse LSS",       "LSS", SolKind::Lss,       15,  20,  5},
  {"5420", "Boendestöd",                 "SoL", SolKind::Lss,       30,  20,  5},
}};
// clang-format on

struct Handelse {
  const char* name;  // the export's spelling
  const char* text;  // an invented description
};

// Per kind of unit: the händelsetyper and how often each occurs.
struct HandelseMix {
  std::array<Handelse, 6> handelser;
  std::array<i64, 6> weights;
};

// clang-format off
const HandelseMix kSaboMix = {{{
    {"Brister i trygghet", "Medboende gick in i annans lägenhet och var utåtagerande."},
    {"Brister i larm och telefoni", "Rörelselarmet var inte aktiverat under natten."},
    {"Brister i personlig omsorg", "Morgonhygien blev inte utförd enligt genomförandeplanen."},
    {"Utebliven insats", "Promenaden blev inte av på grund av personalbrist."},
    {"Brister i dokumentation", "Social dokumentation saknades för veckan."},
    {"Brister i bemötande", "Den boende upplevde sig illa bemött vid kvällsmålet."}}},
  {35, 25, 15, 10, 8, 7}};
const HandelseMix kHemtjanstMix = {{{
    {"Dubbelbemanning ej genomförd", "Förflyttning gjordes av en personal trots beslut om två."},
    {"Utebliven insats", "Besöket vid lunch uteblev; planeringen var inte uppdaterad."},
    {"Brister i larm och telefoni", "Larmet gick inte fram till mobilen, dålig täckning."},
    {"Brister i trygghet", "Nyckeln saknades i nyckelskåpet vid kvällsbesöket."},
    {"Brister i dokumentation", "Utförd insats signerades inte."},
    {"Brister i personlig omsorg", "Dusch blev inte utförd enligt beslut."}}},
  {25, 30, 15, 10, 10, 10}};
const HandelseMix kLarmMix = {{{
    {"Brister i larm och telefoni", "Trygghetslarmet larmade inte vid test."},
    {"Utebliven insats", "Larmet besvarades men ingen åkte ut."},
    {"Brister i trygghet", "Larmknappen låg kvar i laddaren."},
    {"Brister i dokumentation", "Larmåtgärden dokumenterades inte."},
    {"Brister i bemötande", "Brukaren upplevde samtalet som stressat."},
    {"Brister i personlig omsorg", "Tillsynsbesök gjordes inte som planerat."}}},
  {70, 10, 10, 5, 3, 2}};
const HandelseMix kIfoMix = {{{
    {"Felaktig avgift", "Ersättning till familjehem betalades ut med fel belopp."},
    {"Brister i handläggning", "Inget beslut upprättades om kontaktfamilj."},
    {"Beslut utan delegation", "Beslut fattades av handläggare utan delegation."},
    {"Felaktigt utlämnad uppgift", "Uppgift lämnades ut till fel mottagare."},
    {"Brister i dokumentation", "Journalanteckning saknades efter hembesök."},
    {"Brister i bemötande", "Den enskilde upplevde sig inte lyssnad på."}}},
  {45, 20, 10, 15, 5, 5}};
const HandelseMix kLssMix = {{{
    {"Brister i trygghet", "Utebliven habiliteringsersättning skapade oro."},
    {"Insats ej utförd", "Planerad aktivitet ställdes in utan att brukaren informerades."},
    {"Ej upprättad genomförandeplan", "Genomförandeplanen var inte upprättad efter flytt."},
    {"Brister i omsorg", "Hjälp vid måltid gavs inte enligt planen."},
    {"Brister i dokumentation", "Utförandedokumentation saknades."},
    {"Brister i bemötande", "Brukaren blev tilltalad på ett nedvärderande sätt."}}},
  {40, 20, 20, 12, 8, 0}};
// clang-format on

const HandelseMix& mixOf(SolKind kind) {
  switch (kind) {
    case SolKind::Sabo:
    case SolKind::Korttid:
      return kSaboMix;
    case SolKind::Hemtjanst:
      return kHemtjanstMix;
    case SolKind::Larm:
      return kLarmMix;
    case SolKind::Ifo:
      return kIfoMix;
    case SolKind::Lss:
      return kLssMix;
  }
  return kSaboMix;
}

// The lagrum as the export writes it: the long names until a 2023 system update.
std::string lagrumText(const SolUnit& unit, int year) {
  if (year >= 2023) return unit.lagrum;
  return std::string(unit.lagrum) == "LSS" ? "Lag om stöd och service" : "Socialtjänstlagen";
}

Report solReport(Rng& rng, const SolUnit& unit, int unitIndex, int year, int half) {
  Report r;
  placeInTime(rng, year, half, r);
  r.unitCode = unit.code;
  r.unitName = unit.name;
  r.lagrum = lagrumText(unit, year);
  r.person = pseudonym(rng, 'B', unitIndex, unit.clients, year, half);
  return r;
}

// "Brister i personlig omsorg" became "Brister i omsorg" for LSS in the export's wording, and
// "Klagomål" became "Synpunkt/klagomål" in 2024: several spellings for one report name.
void addSolUnit(std::vector<Report>& out, const SolUnit& unit, int unitIndex, int year, int half) {
  Rng rng = streamFor("avv-sol", unit.code, year, half);
  const HandelseMix& mix = mixOf(unit.kind);
  const i64 avvikelser = drawCount(rng, unit.avvikelse10, year);
  for (i64 i = 0; i < avvikelser; ++i) {
    Report r = solReport(rng, unit, unitIndex, year, half);
    const Handelse& h = mix.handelser[weighted(rng, mix.weights)];
    r.typ = "Avvikelse";
    r.handelsetyp = h.name;
    r.description = h.text;
    out.push_back(std::move(r));
  }
  static const std::array<Handelse, 4> kComplaints = {{
      {"Brister i bemötande", "Anhörig framför att personalen var otrevlig vid besöket."},
      {"Utebliven insats", "Städning har inte blivit utförd på tre veckor."},
      {"Brister i personlig omsorg", "Klagomål på att hjälpen vid dusch är för stressad."},
      {"Felaktig avgift", "Fakturan för hemtjänst var högre än beslutet."},
  }};
  const i64 complaints = drawCount(rng, unit.klagomal10, year);
  for (i64 i = 0; i < complaints; ++i) {
    Report r = solReport(rng, unit, unitIndex, year, half);
    const Handelse& h = kComplaints[weighted(rng, std::array<i64, 4>{40, 30, 20, 10})];
    r.typ = year < 2024 ? "Klagomål" : "Synpunkt/klagomål";
    r.handelsetyp = h.name;
    r.description = h.text;
    out.push_back(std::move(r));
  }
}

// Two to four lex Sarah a half-year, with the status they have at the export.
void addLexSarah(std::vector<Report>& out, int year, int half) {
  Rng rng = streamFor("avv-lex-sarah", "SN", year, half);
  std::array<i64, kSolUnits.size()> weights{};
  for (std::size_t u = 0; u < kSolUnits.size(); ++u) weights[u] = kSolUnits[u].klagomal10 + 5;
  const i64 count = rng.between(2, 4);
  for (i64 i = 0; i < count; ++i) {
    const std::size_t u = weighted(rng, weights);
    Report r = solReport(rng, kSolUnits[u], static_cast<int>(u), year, half);
    r.typ = "Lex Sarah-rapport";
    r.handelsetyp = rng.between(0, 1) == 0 ? "Brister i bemötande" : "Brister i dokumentation";
    const bool recent = r.registered >= CalendarDate{2025, 7, 1};
    const bool thisYear = r.registered >= CalendarDate{2025, 1, 1};
    const i64 roll = rng.between(0, 99);
    r.status = recent     ? "Utredning pågår"
               : thisYear ? (roll < 50 ? "Anmäld till IVO" : "Avslutad utan anmälan")
                          : (roll < 35 ? "Avslutad hos IVO" : "Avslutad utan anmälan");
    r.description = "Brister i förhållningssätt mot brukare; utredning enligt lex Sarah.";
    out.push_back(std::move(r));
  }
}

std::vector<Report> solLssReports() {
  std::vector<Report> reports;
  for (int year = kFirstYear; year <= kLastYear; ++year)
    for (int half = 1; half <= 2; ++half) {
      for (std::size_t u = 0; u < kSolUnits.size(); ++u)
        addSolUnit(reports, kSolUnits[u], static_cast<int>(u), year, half);
      addLexSarah(reports, year, half);
    }
  return reports;
}

// In registration order, without what was registered after the export; ids as the systems
// number them.
void finishRegister(std::vector<Report>& reports, bool numeric) {
  std::erase_if(reports, [](const Report& r) { return r.registered > kExported; });
  std::stable_sort(reports.begin(), reports.end(), [](const Report& a, const Report& b) {
    return std::tie(a.registered, a.minute, a.unitCode) <
           std::tie(b.registered, b.minute, b.unitCode);
  });
  int year = 0;
  int sequence = 0;
  for (std::size_t i = 0; i < reports.size(); ++i) {
    Report& r = reports[i];
    if (numeric) {
      r.id = std::to_string(48213 + 3 * i + static_cast<std::size_t>(r.minute % 3));
      continue;
    }
    if (r.registered.year != year) year = r.registered.year, sequence = 0;
    char id[24];
    std::snprintf(id, sizeof id, "AV-%04d-%04d", year, ++sequence);
    r.id = id;
  }
}

// ---------------------------------------------------------------------------------------------
// Writing

// RFC 4180: a field with the separator, a quote or a line break is quoted, quotes doubled.
std::string csvField(const std::string& text) {
  if (text.find_first_of(";\"\n\r") == std::string::npos) return text;
  std::string quoted = "\"";
  for (const char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string timeOfDay(int minute) {
  char text[16];
  std::snprintf(text, sizeof text, "%02d:%02d", minute / 60, minute % 60);
  return text;
}

std::string yesNo(const Report& r, bool value) {
  if (!r.fall) return "";
  return value ? "Ja" : "Nej";
}

std::string hslCsv(const std::vector<Report>& reports) {
  std::string text = "\xEF\xBB\xBF";  // Viva's export carries a BOM for Excel
  text +=
      "Avvikelse-ID;Registreringsdatum;Händelsedatum;Enhet;Lagrum;Avvikelsetyp;Kategori;"
      "Patient-ID;Allvarlighetsgrad;Höftbyxa;Gånghjälpmedel;Fraktur;Vårdgivare;Riktning;Status;"
      "Beskrivning\r\n";
  for (const Report& r : reports) {
    const std::string fields[] = {r.id,
                                  r.registered.iso() + " " + timeOfDay(r.minute),
                                  r.event.iso(),
                                  r.unitName,
                                  r.lagrum,
                                  r.typ,
                                  r.kategori,
                                  r.person,
                                  r.severity,
                                  yesNo(r, r.hoftbyxa),
                                  yesNo(r, r.ganghjalpmedel),
                                  yesNo(r, r.fraktur),
                                  r.externPart,
                                  r.riktning,
                                  r.status,
                                  r.description};
    bool first = true;
    for (const std::string& field : fields) {
      if (!first) text += ';';
      first = false;
      text += csvField(field);
    }
    text += "\r\n";
  }
  return text;
}

// Excel's serial for a date (1900 system): days since 1899-12-30.
double excelSerial(const CalendarDate& date) {
  return static_cast<double>(dayNumber(date) - dayNumber({1899, 12, 30}));
}

void writeSolLssXlsx(const fs::path& target, const std::vector<Report>& reports) {
  const std::time_t exported =
      static_cast<std::time_t>(dayNumber({2026, 1, 2}) * 86'400 + 7 * 3'600 + 30 * 60);
  const XlsxCellStyle title{.bold = true, .fontSize = 14};
  const XlsxCellStyle header{.bold = true, .bottomBorder = true, .wrap = true};
  const XlsxCellStyle date{.numberFormat = "yyyy-mm-dd"};
  struct Column {
    const char* header;
    double width;
  };
  static constexpr Column kColumns[] = {
      {"Ärendenr", 13},  {"Registrerad", 12},     {"Händelsedatum", 12},
      {"Ansvar", 8},     {"Verksamhet", 28},      {kExampleSolLssLagrumHeader, 22},
      {"Ärendetyp", 18}, {"Typ av händelse", 30}, {"Status", 22},
      {"Brukar-ID", 10}, {"Beskrivning", 60}};
  AtomicOutputFile file(target);
  {
    XlsxWorkbookWriter workbook(file.tempPath(), target.string());
    workbook.setProperties(
        {"Avvikelser SoL och LSS 2022–2025", "Kvalitetsenheten", "Exempelby kommun", exported});
    XlsxSheetWriter sheet = workbook.addSheet(kExampleSolLssSheet);
    sheet.writeString(
        0, 0, "Avvikelser, synpunkter och klagomål samt lex Sarah 2022-01-01 – 2025-12-31", title);
    sheet.writeString(1, 0, "Uttag 2025-12-31, Socialförvaltningen. Beskrivningen är fritext.");
    int col = 0;
    for (const Column& column : kColumns) {
      sheet.writeString(3, col, column.header, header);
      sheet.setColumnWidth(col++, column.width);
    }
    int row = 4;
    for (const Report& r : reports) {
      sheet.writeString(row, 0, r.id);
      sheet.writeNumber(row, 1, excelSerial(r.registered), date);
      sheet.writeNumber(row, 2, excelSerial(r.event), date);
      sheet.writeString(row, 3, r.unitCode);
      sheet.writeString(row, 4, r.unitName);
      sheet.writeString(row, 5, r.lagrum);
      sheet.writeString(row, 6, r.typ);
      sheet.writeString(row, 7, r.handelsetyp);
      if (!r.status.empty()) sheet.writeString(row, 8, r.status);
      sheet.writeString(row, 9, r.person);
      sheet.writeString(row, 10, r.description);
      ++row;
    }
    sheet.freezePanes(4, 0);
    workbook.close();
  }
  file.commit();
}

}  // namespace

AvvikelseTaxonomy exampleAvvikelseTaxonomy() {
  // Written the way a user writes namnd.json; folded as the config reader folds the keys.
  const auto folded = [](std::initializer_list<std::pair<const char*, const char*>> entries) {
    std::map<std::string, std::string> map;
    for (const auto& [source, report] : entries) map.emplace(foldCategoryName(source), report);
    return map;
  };
  AvvikelseTaxonomy t;
  t.typ = folded({{"Avvikelse HSL", "avvikelse"},
                  {"Avvikelse", "avvikelse"},
                  {"Klagomål/synpunkt", "klagomal"},
                  {"Synpunkt/klagomål", "klagomal"},
                  {"Klagomål", "klagomal"},
                  {"Lex Maria", "lex_maria"},
                  {"Lex Sarah-rapport", "lex_sarah"},
                  {"Extern avvikelse", "extern"}});
  t.lagrum = folded({{"Socialtjänstlagen", "SoL"}, {"Lag om stöd och service", "LSS"}});
  t.kategori = folded({{"Fall", "Fall/fallolycka"},
                       {"Fallolycka", "Fall/fallolycka"},
                       {"Läkemedelshantering", "Läkemedel"},
                       {"Läkemedel - ej given dos", "Läkemedel"},
                       {"Läkemedel - saknad signering", "Läkemedel"},
                       {"Medicinteknisk produkt", "Medicinteknisk produkt/Rehab"},
                       {"Hjälpmedel", "Medicinteknisk produkt/Rehab"},
                       {"Informationsöverföring", "Informationshantering internt"},
                       {"Dokumentation och information", "Informationshantering internt"}});
  t.handelsetyp = folded({{"Brister i trygghet", "Trygghet"},
                          {"Brister i larm och telefoni", "Larm och telefoni"},
                          {"Brister i personlig omsorg", "Omsorg"},
                          {"Brister i omsorg", "Omsorg"},
                          {"Utebliven insats", "Insats ej utförd"},
                          {"Insats ej utförd", "Insats ej utförd"},
                          {"Dubbelbemanning ej genomförd", "Dubbelbemanning"},
                          {"Ej upprättad genomförandeplan", "Ej upprättad genomförandeplan"},
                          {"Brister i dokumentation", "Dokumentation"},
                          {"Brister i bemötande", "Bemötande och förhållningssätt"},
                          {"Felaktig avgift", "Avgifter och ersättningar"},
                          {"Brister i handläggning", "Handläggning"},
                          {"Beslut utan delegation", "Beslut utan delegation"},
                          {"Felaktigt utlämnad uppgift", "Sekretess"}});
  t.riktning = folded({{"Inkommande", "till"}, {"Utgående", "fran"}});
  t.status = folded({{"Utredning pågår", "Under utredning"},
                     {"Anmäld till IVO", "Anmäld till IVO"},
                     {"Anmäld IVO", "Anmäld till IVO"},
                     {"Avslutad utan anmälan", "Avslutad"},
                     {"Avslutad hos IVO", "Avslutad"}});
  return t;
}

void writeExampleAvvikelser(const fs::path& outDir) {
  createOutputFolder(outDir);
  std::vector<Report> hsl = hslReports();
  finishRegister(hsl, true);
  writeFileAtomically(outDir / "avvikelser-hsl.csv", hslCsv(hsl));
  std::vector<Report> sol = solLssReports();
  finishRegister(sol, false);
  writeSolLssXlsx(outDir / "avvikelser-sol-lss.xlsx", sol);
}

}  // namespace namnd
