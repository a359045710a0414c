#pragma once
// One run of the generator is described by one config file (data/exempel/namnd.json is the
// model). Paths in it are relative to the config file's folder.

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/periodisation.hpp"
#include "core/report_request.hpp"
#include "core/rounding.hpp"

namespace namnd {

// One input file as the config describes it: a path, or {"fil": path, …} with options.
struct InputFile {
  std::filesystem::path path;  // absolute
  std::string displayName;     // as the user wrote it in the config, for messages
  // "csv", "xlsx", "sie"; empty = decided by the file. "prognosunderlag" (prognos only): filled-in
  // workbooks written by `namnd prognosunderlag`; the path may then be a folder of them.
  std::string format;
  std::string sheet;  // "blad": the XLSX sheet; empty = the first
  // "kolumner": canonical column → this export's header ("belopp" → "Belopp SEK").
  std::vector<std::pair<std::string, std::string>> columns;
  // "periodisering" (budget): "linjar" or a key from "periodiseringsnycklar".
  PeriodisationKey periodisation;
  // "sie": {"ansvar": 1, "verksamhet": 0, "projekt": 6}: which SIE dimension fills which code.
  std::map<std::string, int> sieDimensions;
};

// "personal": the parameters behind the staffing figures; the report shows them in a footnote.
struct StaffingParameters {
  double hoursPerFullTimeMonth = 165.0;     // "timmar_per_heltid_manad"
  double hoursPerFullTimeYear = 1700.0;     // "arsarbetstid_timmar" (one årsarbetare)
  std::int64_t costPerFullTimeYearOre = 0;  // "kostnad_per_arsarbetare_kr", incl. PO; 0 = not given
  std::int64_t hourlyCostOre = 0;           // "timkostnad_kr", excl. PO; 0 = not given
  double poPercent = 0;   // "po_procent": personalomkostnadspålägg, 38.5 = 38,5 %
  std::string chartUnit;  // "diagram_enhet": org code whose övertid/inhyrd hours get a chart
};

// "manadsrapport": choices of the monthly report beyond its table.
struct ManadsrapportSettings {
  // Which prognosis snapshot the table shows: "senaste" (latest at or before the period) or
  // "delar" (the August snapshot of the year, "prognos satt i delåret").
  std::string prognos = "senaste";
  int largestTransactions = 10;  // "storsta_transaktioner": per ansvar in the drill-down sheet
  // "kommentarer": the controller's own text per area (see README); none when not given.
  std::optional<InputFile> comments;
};

// "prognosunderlag": the workbooks the enhetschefer fill in.
struct PrognosunderlagSettings {
  // "uppdelning": "per_enhet" (a file each) or "en_bok" (a sheet each).
  std::string split = "per_enhet";
  int level = 0;  // "niva": org level of one underlag; 0 = one below the report level
  // "forslag": the proposed prognosis: "auto" (budget profile where the budget is not spread
  // evenly, else straight line), "linjar" or "budgetprofil".
  std::string proposal = "auto";
};

// One signer of a tjänsteskrivelse.
struct Signer {
  std::string name;   // "namn"
  std::string title;  // "titel": "Controller", "Socialchef"
};

// The tjänsteskrivelse fields a report's config block holds ("delarsrapport", "avvikelser"). Texts
// may hold placeholders ({per.datum}, {namnd} …); the report refuses empty required fields.
struct TjansteskrivelseSettings {
  bool present = false;                        // the block exists in the config
  std::string block;                           // its key, for messages: "delarsrapport"
  std::string handlaggare;                     // "handlaggare": name
  std::string handlaggareTitel;                // "handlaggare_titel": "Controller"
  std::string datum;                           // "datum": the tjänsteskrivelse's date, YYYY-MM-DD
  std::string diarienummer;                    // "diarienummer": a free string ("SN 10/2022 7706")
  std::string rubrik;                          // "rubrik": empty = the template's
  std::vector<std::string> beslutsunderlag;    // "beslutsunderlag"
  std::vector<std::string> forslagTillBeslut;  // "forslag_till_beslut": text or list
  std::vector<Signer> signers;                 // "underskrifter": [{"namn", "titel"}]
  std::vector<std::string> expedierasTill;     // "expedieras_till"
};

// "delarsrapport": the tjänsteskrivelse around the delårsrapport and its extra inputs.
struct DelarsrapportSettings : TjansteskrivelseSettings {
  // "budget_i_balans_tkr": a deviation this small (in tkr, either sign) reads "budget i balans".
  std::int64_t balanceToleranceTkr = 0;
  std::optional<InputFile> comments;         // "kommentarer": as the månadsrapport's comments file
  std::optional<InputFile> investeringar;    // "investeringar"
  std::optional<InputFile> budgetram;        // "budgetram"
  std::optional<InputFile> mal;              // "mal"
  std::optional<InputFile> verksamhetsmatt;  // "verksamhetsmatt"
  // "volymer": values per mått, ansvar and month (ingest/volymer_reader.hpp) that a mål or
  // verksamhetsmått row's "berakning" computes its cells from.
  std::optional<InputFile> volymer;
  // "prognos_per_kostnadsslag": the nämnd's helårsprognos per RSUM row (the prognosunderlag is
  // per org node only); without it the RSUM table's component rows have no prognosis.
  std::optional<InputFile> prognosPerKostnadsslag;
};

// The report's own names an export's categories map to (see "avvikelser.taxonomi" in README).
// Keys are the source systems' names folded (lower case, å/ä/ö kept, spaces collapsed); several
// source names may map to one report name.
struct AvvikelseTaxonomy {
  // Source typ → "avvikelse", "klagomal", "lex_sarah", "lex_maria" or "extern".
  std::map<std::string, std::string> typ;
  // Source lagrum text → "SoL", "LSS" or "HSL" (the canonical names map to themselves).
  std::map<std::string, std::string> lagrum;
  std::map<std::string, std::string> kategori;     // → the report's HSL kategori
  std::map<std::string, std::string> handelsetyp;  // → the report's händelsetyp ("Trygghet")
  std::map<std::string, std::string> riktning;     // → "till" or "fran" (externa avvikelser)
  std::map<std::string, std::string> status;       // → the report's lex Sarah/Maria status text
};

// "avvikelser.underrapportering": what an enhet's avvikelser are set against, and the rate below
// which it is flagged: fewer than `minst` avvikelser per `per` units of the basis in the period.
struct UnderReportingRule {
  enum class Basis { ArbetadeTimmar, Volym };
  Basis basis = Basis::ArbetadeTimmar;  // "underlag": "arbetade_timmar" (the hr input) or "volym"
  std::string matt;  // "matt": the volym's canonical code ("brukare"); Volym only
  // "namn": how the report names the mått ("anställda"); by default "matt" as written.
  std::string name;
  // "summeras": a flow (placeringsdygn, beviljad tid) is summed over the months; false, the
  // default, is a stock (brukare, anställda: a value per month), averaged over the months that
  // have a value. Arbetade timmar are always summed.
  bool summeras = false;
  double minst = 0;     // 0 = only enheter without any report are flagged
  double per = 10'000;  // > 0
};

// "avvikelser": the incident registers and the report SAS and MAS present (issue 6).
struct AvvikelserSettings : TjansteskrivelseSettings {
  std::vector<InputFile> registers;  // "register": one file or several (HSL and SoL/LSS apart)
  AvvikelseTaxonomy taxonomy;        // "taxonomi"
  // "personer_minst": a count of persons below this is shown as "–" in public outputs.
  int personThreshold = 5;
  int earlierYears = 3;  // "jamforelsear": earlier years in the Översikt
  // "underrapportering" in its short form {"minst_per_10000_timmar": x}: an enhet with fewer
  // reports than this per 10 000 arbetade timmar (from the hr input) is flagged; 0 = only enheter
  // with no report at all.
  double minPerTenThousandHours = 0;
  // "underrapportering" in its full form {"underlag", "matt", "summeras", "minst", "per"}.
  std::optional<UnderReportingRule> underReporting;
  // "volymer": the volymer file a volym basis is read from; none = "delarsrapport.volymer".
  std::optional<InputFile> volymer;
  int unitLevel = 0;  // "niva": org level of the per-enhet table; 0 = the level below the areas

  // The rule in force: the full form, or the short form as arbetade timmar per 10 000.
  UnderReportingRule underReportingRule() const {
    if (underReporting) return *underReporting;
    return UnderReportingRule{.minst = minPerTenThousandHours};
  }
};

// "nyckeltal": the config's choices for `namnd nyckeltal`, as written; the command resolves them
// against the templates (reports/nyckeltal/nyckeltal_settings.hpp).
struct NyckeltalConfig {
  bool present = false;  // the block exists and is not null
  // "katalog": the kommun's own definitions, added to or replacing the base catalogue's by id.
  std::optional<InputFile> katalog;
  // "grundkatalog": the base catalogue; none = the templates' nyckeltal.json.
  std::optional<InputFile> grundkatalog;
  std::optional<InputFile> volymer;   // "volymer": none = "delarsrapport.volymer"
  std::vector<std::string> urval;     // "urval": ids shown without --matt; empty = all
  std::map<std::string, double> mal;  // "mal": id → target in the unit shown (6 = 6 %)
};

struct RunConfig {
  std::filesystem::path configPath;  // absolute
  std::string kommun;
  std::string namnd;
  std::string forvaltning;
  std::string forfattare;
  // "publicerbara_kolumner": free-text input columns the user declares fit for publication
  // ("huvudbok.text"); ids from core/publication_policy.hpp, each checked there.
  std::vector<std::string> publishableColumns;

  // "sqlite:<absolute path>", "postgresql:<conninfo>" or "clickhouse:<address>" (store.hpp)
  std::string storeUri;
  // This nämnd's part of a shared store: "lagerdel", or "<kommun>/<nämnd>" by default.
  std::string storeScope;
  std::filesystem::path outputDir;
  std::filesystem::path templatesDir;
  RoundingMode rounding = RoundingMode::PerCell;
  // "pdf": the HTML of the månadsrapport, delårsrapport, avvikelser, kontroll and nyckeltal is also
  // printed to PDF beside it (cli/pdf_output.hpp); a missing Chromium is then a warning, where the
  // command's --pdf makes it an error.
  bool pdf = false;

  InputFile org;
  std::vector<std::string> levelNames;  // level 1 first: Nämnd, Verksamhetsområde, Enhet, Ansvar
  int reportLevel = 2;                  // the månadsrapport table's rows
  InputFile kontoplan;

  std::vector<InputFile> huvudbok;
  std::vector<InputFile> budget;
  std::vector<InputFile> prognos;
  std::vector<InputFile> hr;  // hours (and kr) per ansvar, month and typ

  StaffingParameters staffing;
  ManadsrapportSettings manadsrapport;
  PrognosunderlagSettings prognosunderlag;
  DelarsrapportSettings delarsrapport;
  AvvikelserSettings avvikelser;
  NyckeltalConfig nyckeltal;
  // "rapporter": what `namnd kor --config … --period …` makes (core/report_request.hpp); empty
  // when the config does not list them.
  std::vector<ReportRequest> reports;
};

// An amount in kronor as a config or a catalogue writes it (whole kronor or with öre, 0 to
// kMaxConfigKronor), in öre; nullopt outside that range (negative, too large, not finite). The one
// reading of every "…_kr" amount, so that all are bounded alike.
inline constexpr double kMaxConfigKronor = 1e9;
std::optional<std::int64_t> configKronorAsOre(double kronor);

// Reads and validates the config. Throws ConfigError with a Swedish message naming the file and
// the key for anything missing, mistyped or pointing at a file that does not exist.
RunConfig loadRunConfig(const std::filesystem::path& configFile);

}  // namespace namnd
