#pragma once
// The catalogue of key-figure definitions (templates/nyckeltal.json, and a kommun's own file named by
// the config's "nyckeltal.katalog", whose definitions add to or replace the shipped ones by id).
// Every figure the nyckeltal command shows is computed from one definition: a formula
// (core/nyckeltal_expression.hpp) over named storheter, each of which says exactly which data
// it sums. The file format is described in README ("Nyckeltal") and in the shipped file.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/hr_hours.hpp"
#include "core/nyckeltal_expression.hpp"
#include "core/volym_formula.hpp"

namespace namnd {

// Which months a figure covers, for the period P it is asked for.
enum class NyckeltalPeriod {
  Ack,      // "ack": January through P
  Helar,    // "helar": January–December of P's year (only when P is a December)
  Per3112,  // "per_31_12": as helår, and a senaste() volym is the value of December itself
};

// Which org rows a definition's table has.
enum class NyckeltalRows {
  Namnd,    // "namnd": the nämnd only (a kommun-wide comparison such as referenskostnad)
  Omraden,  // "omraden": the nämnd and the nodes at the report level
  Alla,     // "alla": the nämnd and every node below, down to ansvar
};

// A range of leading digits, "5", "70-72", "7520": a code matches when its first digits (as many
// as the range has) lie in it.
struct CodePrefixRange {
  std::string from;
  std::string to;
  bool contains(std::string_view code) const;
  std::string text() const { return from == to ? from : from + "-" + to; }
};

struct StorhetDefinition {
  enum class Kind {
    Ekonomi,    // a sum of the cube: netto, kostnad, intakt or budget, in kronor
    Hr,         // hours (or kr) of the hr input, of one or more kinds
    Volym,      // a mått of the volymer: senaste() or summa()
    Parameter,  // a number from the config's "personal" block (arsarbetstid_timmar …)
    Prognos,    // the helårsprognos (net cost, kr) submitted in a month of the year
    Enheter,    // a count of org nodes at a level: all with budget or utfall, or those in balance
  };
  std::string name;  // as the formula uses it
  Kind kind = Kind::Ekonomi;
  // Where the rows come from: the table row's node (false) or the whole kommun (true, "org":
  // "kommun"). `ansvar` narrows further to one subtree (e.g. hemtjänst), in either case.
  bool wholeKommun = false;
  std::string ansvar;
  std::optional<NyckeltalPeriod> period;  // overrides the definition's

  // Ekonomi
  std::string measure = "netto";  // netto, kostnad (not class 3), intakt (−class 3), budget
  std::vector<CodePrefixRange> konto;
  std::vector<CodePrefixRange> verksamhet;
  // "ansvar_med_volym": only the ansvar that report this volym mått in the window (the HVB
  // placements that report placeringsdygn_hvb, whatever their codes in a kommun's org).
  std::string withVolym;
  // Hr
  std::vector<HrKind> hrKinds;
  bool hrKronor = false;  // "enhet": "kr" instead of "timmar"
  // Volym
  VolymTerm volym;
  // Parameter
  std::string parameter;
  // Prognos
  int prognosMonth = 8;
  // "berakning": "prognos" (the helår net cost, kr) or "avvikelse" (budget − prognos, kr).
  bool prognosDeviation = false;
  // Enheter
  int level = 0;  // 0 = the deepest level of the org
  bool onlyInBalance = false;
  // Without "tolerans_kr": the config's delarsrapport.budget_i_balans_tkr (set by the command).
  std::optional<std::int64_t> toleranceOre;

  // One line for the Definitioner sheet: "ekonomi netto, verksamhet 51, hela kommunen".
  std::string describe() const;
};

struct NyckeltalDefinition {
  std::string id;
  std::string namn;
  std::string enhet;  // "%": the formula gives a ratio, shown × 100
  std::string beskrivning;
  NyckeltalExpression formel;
  std::vector<StorhetDefinition> storheter;  // every name of the formula, in its order
  NyckeltalPeriod period = NyckeltalPeriod::Ack;
  int decimaler = 0;
  std::optional<bool> hogreArBattre;
  std::optional<ExactRational> mal;  // in the unit shown ("5" for 5 %)
  NyckeltalRows rader = NyckeltalRows::Omraden;
  std::string source;  // the catalogue file it came from, as named in messages

  bool isPercent() const { return enhet == "%"; }
  const StorhetDefinition& storhet(const std::string& name) const;
};

std::string_view nyckeltalPeriodName(NyckeltalPeriod period);  // "ack", "helar", "per_31_12"

class NyckeltalCatalogue {
 public:
  // Reads a catalogue file and adds its definitions, replacing any with the same id (a kommun's
  // file over the shipped one). `displayName` names the file in messages. Throws ConfigError
  // naming the file and definition id: unreadable JSON, a missing or mistyped key, a formula that
  // does not parse (with the character), a name the formula uses that is no storhet of the
  // definition, a storhet the formula does not use.
  void addFile(const std::filesystem::path& file, const std::string& displayName);
  // As addFile, from JSON text (tests, and addFile itself).
  void addJson(const std::string& json, const std::string& displayName);

  const NyckeltalDefinition* find(std::string_view id) const;
  const std::vector<NyckeltalDefinition>& definitions() const { return definitions_; }

 private:
  std::vector<NyckeltalDefinition> definitions_;
};

}  // namespace namnd
