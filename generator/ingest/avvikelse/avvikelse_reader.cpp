#include "ingest/avvikelse/avvikelse_reader.hpp"

#include <algorithm>
#include <array>

#include "core/category_name.hpp"
#include "core/errors.hpp"
#include "core/number_format.hpp"
#include "ingest/table/open_source.hpp"

namespace namnd {
namespace {

// Aliases are what the exports of Viva, Treserva, Lifecare and MedControl PRO call the
// columns; ColumnMatcher folds case, å/ä/ö and punctuation ("Patient-ID" = "patientid").
const TableSpec kSpec = {
    {{"id",
      {"avvikelse id", "avvikelseid", "avvikelsenr", "avvikelsenummer", "arendenummer",
       "ärendenummer", "ärendenr", "ärende id", "händelse id", "löpnummer", "lopnr",
       "registreringsnummer", "id nummer"},
      true},
     {"registrerad",
      {"registreringsdatum", "registrerad datum", "registrerat", "reg datum", "regdatum",
       "datum registrerad", "rapporteringsdatum", "skapad datum", "skapaddatum", "inkommen",
       "inkommet datum", "inkomstdatum", "anmälningsdatum"},
      true},
     {"ansvar", {"ansvarskod", "ansvarsnr", "kostnadsställe", "kostnadsstalle"}, false},
     {"enhet",
      {"enhetskod", "enhetsnr", "enhetsnamn", "verksamhetsenhet", "organisationsenhet",
       "org enhet"},
      false},
     {"lagrum", {"lagstiftning", "regelverk", "lagrum sol lss hsl"}, true},
     {"typ",
      {"avvikelsetyp", "typ av avvikelse", "ärendetyp", "typ av ärende", "rapporttyp",
       "anmälningstyp"},
      true},
     {"handelsedatum",
      {"händelsedatum", "datum för händelsen", "datum för händelse", "händelsens datum",
       "inträffad", "inträffade", "inträffat datum", "inträffad datum", "datum händelse"},
      false},
     {"kategori", {"avvikelsekategori", "huvudkategori", "kategori hsl", "avvikelseområde"}, false},
     {"handelsetyp",
      {"händelsetyp", "typ av händelse", "händelsekategori", "underkategori", "brister i"},
      false},
     {"person",
      {"patient id", "patientid", "brukar id", "brukarid", "brukare id", "klient id", "person id",
       "personid", "pseudonym"},
      false},
     {"extern_part",
      {"extern part", "vårdgivare", "extern vårdgivare", "annan vårdgivare",
       "mottagande vårdgivare", "avsändande vårdgivare"},
      false},
     {"riktning",
      {"till från", "till/från", "avvikelseriktning", "inkommen skickad", "flöde"},
      false},
     {"status",
      {"ärendestatus", "handläggningsstatus", "ivo status", "status ivo", "status anmälan",
       "anmälan till ivo"},
      false},
     {"hoftbyxa", {"höftbyxa", "höftskyddsbyxa", "höftskydd", "hoftskydd"}, false},
     {"ganghjalpmedel", {"gånghjälpmedel", "med gånghjälpmedel", "använde gånghjälpmedel"}, false},
     {"fraktur", {"frakturer", "fraktur ja nej"}, false}},
    {{"ansvar", "enhet"}}};

struct Columns {
  ColumnId id = kSpec.id("id");
  ColumnId registrerad = kSpec.id("registrerad");
  ColumnId ansvar = kSpec.id("ansvar");
  ColumnId enhet = kSpec.id("enhet");
  ColumnId lagrum = kSpec.id("lagrum");
  ColumnId typ = kSpec.id("typ");
  ColumnId handelsedatum = kSpec.id("handelsedatum");
  ColumnId kategori = kSpec.id("kategori");
  ColumnId handelsetyp = kSpec.id("handelsetyp");
  ColumnId person = kSpec.id("person");
  ColumnId externPart = kSpec.id("extern_part");
  ColumnId riktning = kSpec.id("riktning");
  ColumnId status = kSpec.id("status");
  ColumnId hoftbyxa = kSpec.id("hoftbyxa");
  ColumnId ganghjalpmedel = kSpec.id("ganghjalpmedel");
  ColumnId fraktur = kSpec.id("fraktur");
};
const Columns kColumns;

// Notes list where this many duplicated rows are (file and lines, never the id); the rest are
// counted.
constexpr std::size_t kDuplicatesNamed = 10;
// An error lists this many unknown enheter (and as many unmapped categories); the rest are
// counted.
constexpr std::size_t kUnknownListed = 20;

std::string inQuotes(std::string_view text) { return "\"" + std::string(text) + "\""; }

std::string required(const Record& record, ColumnId column, const std::string& what) {
  const std::string_view text = record.text(column);
  if (text.empty()) throw InputError(record.at(column), what + " saknas");
  return std::string(text);
}

std::optional<CalendarDate> date(const Record& record, ColumnId column, bool isRequired) {
  const std::string text = record.dateText(column);
  if (text.empty()) {
    if (isRequired) throw InputError(record.at(column), "datum saknas");
    return std::nullopt;
  }
  const auto parsed = CalendarDate::parse(text);
  if (!parsed)
    throw InputError(record.at(column),
                     "ogiltigt datum " + inQuotes(text) + " (ska vara ÅÅÅÅ-MM-DD)");
  return parsed;
}

bool flag(const Record& record, ColumnId column) {
  const std::string value = foldCategoryName(record.text(column));
  if (value.empty() || value == "nej" || value == "n" || value == "0" || value == "falskt" ||
      value == "false" || value == "no" || value == "-")
    return false;
  if (value == "ja" || value == "j" || value == "x" || value == "1" || value == "sant" ||
      value == "true" || value == "yes")
    return true;
  throw InputError(record.at(column), "ska vara ja eller nej (ja, nej, 1, 0, x eller tom), inte " +
                                          inQuotes(record.text(column)));
}

// A name from the export as the report shows it: runs of white space as one space.
std::string tidy(std::string_view text) {
  std::string result;
  bool space = false;
  for (const char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !result.empty();
      continue;
    }
    if (space) result.push_back(' ');
    space = false;
    result.push_back(c);
  }
  return result;
}

std::string where(const SourceLocation& at) { return at.file + " rad " + std::to_string(at.line); }

}  // namespace

std::uint64_t avvikelsePersonHash(std::string_view pseudonym) {
  // FNV-1a over a fixed key and the text: the same pseudonym gives the same number in every
  // run (unique counts), and the number is useless outside this program.
  static constexpr std::string_view kKey = "namnd/avvikelser/person/2025\x1f";
  std::uint64_t hash = 1469598103934665603ULL;
  const auto add = [&hash](std::string_view bytes) {
    for (const char c : bytes) {
      hash ^= static_cast<unsigned char>(c);
      hash *= 1099511628211ULL;
    }
  };
  add(kKey);
  add(pseudonym);
  return hash == 0 ? 1 : hash;
}

AvvikelseReader::AvvikelseReader(const AvvikelseTaxonomy& taxonomy, const OrgTree& orgs)
    : taxonomy_(taxonomy), orgs_(orgs) {
  // Exports often name the enhet rather than its code; a name two nodes share is no use.
  std::map<std::string, int> uses;
  for (const OrgNode* node : orgs.allNodes()) ++uses[foldCategoryName(node->name)];
  for (const OrgNode* node : orgs.allNodes()) {
    const std::string name = foldCategoryName(node->name);
    if (uses[name] == 1) codeByName_.emplace(name, node->code);
  }
}

void AvvikelseReader::note(std::map<std::pair<std::string, std::string>, Unmapped>& into,
                           std::string_view key, const Record& record, ColumnId column,
                           const std::string& file) {
  const std::string_view text = record.text(column);
  auto [at, inserted] = into.try_emplace(std::make_pair(std::string(key), foldCategoryName(text)));
  Unmapped& entry = at->second;
  if (inserted) {
    entry.taxonomyKey = std::string(key);
    entry.header = record.at(column).column;
    entry.value = std::string(text);
    entry.firstFile = file;
    entry.firstLine = record.line();
  }
  ++entry.rows;
}

const std::string* AvvikelseReader::mapped(const CategoryLookup& lookup,
                                           std::string_view taxonomyKey, const Record& record,
                                           ColumnId column, const std::string& file) {
  if (const std::string* name = lookup.find(record.text(column))) return name;
  note(unmapped_, taxonomyKey, record, column, file);
  return nullptr;
}

std::string AvvikelseReader::orgCode(const Record& record, ColumnId column,
                                     const std::string& file) {
  const std::string_view text = record.text(column);
  if (orgs_.find(text)) return std::string(text);
  const auto byName = codeByName_.find(foldCategoryName(text));
  if (byName != codeByName_.end()) return byName->second;
  note(unknownOrgs_, "enhet", record, column, file);
  return "";
}

void AvvikelseReader::read(TabularSource& source) {
  const Columns& c = kColumns;
  const std::string& file = source.displayName();
  files_.push_back({.name = file});
  const std::size_t fileIndex = files_.size() - 1;
  const std::array<ColumnId, kAvvikelseColumnNames.size()> optionalColumns = {
      c.handelsedatum, c.kategori, c.handelsetyp, c.person,         c.externPart,
      c.riktning,      c.status,   c.hoftbyxa,    c.ganghjalpmedel, c.fraktur};
  source.read(kSpec, [&](const Record& record) {
    if (const auto problem = record.shapeProblem())
      throw InputError(SourceLocation{file, record.line(), ""}, *problem);
    AvvikelseRegisterFile& info = files_[fileIndex];
    if (info.rowsRead++ == 0)
      for (std::size_t i = 0; i < optionalColumns.size(); ++i)
        if (record.has(optionalColumns[i])) info.columns |= static_cast<std::uint16_t>(1u << i);
    AvvikelseRecord r;
    r.columns = info.columns;
    r.source = file;
    r.line = static_cast<long>(record.line());
    r.id = required(record, c.id, "id");
    r.registrerad = *date(record, c.registrerad, true);
    r.handelse = date(record, c.handelsedatum, false);
    const ColumnId orgColumn = record.text(c.ansvar).empty() ? c.enhet : c.ansvar;
    required(record, orgColumn, "ansvar eller enhet");
    r.org = orgCode(record, orgColumn, file);

    required(record, c.lagrum, "lagrum");
    required(record, c.typ, "typ");
    bool complete = !r.org.empty();
    if (const std::string* lagrum = mapped(taxonomy_.lagrum, "lagrum", record, c.lagrum, file))
      r.lagrum = *lagrumFromName(*lagrum);
    else
      complete = false;
    if (const std::string* typ = mapped(taxonomy_.typ, "typ", record, c.typ, file))
      r.typ = *avvikelseTypFromName(*typ);
    else
      complete = false;
    // The optional categories: empty is "none", anything else must be in the taxonomy.
    const auto optional = [&](const CategoryLookup& lookup, std::string_view key,
                              ColumnId column) -> std::string {
      if (record.text(column).empty()) return "";
      const std::string* name = mapped(lookup, key, record, column, file);
      if (!name) complete = false;
      return name ? *name : "";
    };
    r.kategori = optional(taxonomy_.kategori, "kategori", c.kategori);
    r.handelsetyp = optional(taxonomy_.handelsetyp, "handelsetyp", c.handelsetyp);
    r.status = optional(taxonomy_.status, "status", c.status);
    if (const std::string riktning = optional(taxonomy_.riktning, "riktning", c.riktning);
        !riktning.empty())
      r.riktning = *riktningFromName(riktning);

    // The pseudonym is hashed here and its text goes no further.
    if (const std::string_view person = record.text(c.person); !person.empty())
      r.person = avvikelsePersonHash(person);
    r.externPart = tidy(record.text(c.externPart));
    if (flag(record, c.hoftbyxa)) r.flags |= kHoftbyxa;
    if (flag(record, c.ganghjalpmedel)) r.flags |= kGanghjalpmedel;
    if (flag(record, c.fraktur)) r.flags |= kFraktur;
    if (!complete) return;  // reported with every other unknown value by finish()

    const SourceLocation at{file, record.line(), ""};
    const auto [first, inserted] = seen_.try_emplace(std::make_pair(file, r.id), at);
    if (!inserted) {
      duplicates_.push_back({first->second, at});
      ++info.duplicates;
      return;
    }
    records_.push_back(std::move(r));
  });
}

bool AvvikelseReader::metBefore(const Unmapped& a, const Unmapped& b) const {
  const auto fileIndex = [this](const std::string& name) {
    return std::find_if(files_.begin(), files_.end(),
                        [&](const AvvikelseRegisterFile& f) { return f.name == name; }) -
           files_.begin();
  };
  return std::make_pair(fileIndex(a.firstFile), a.firstLine) <
         std::make_pair(fileIndex(b.firstFile), b.firstLine);
}

std::string AvvikelseReader::listed(
    const std::map<std::pair<std::string, std::string>, Unmapped>& entries) const {
  std::vector<const Unmapped*> list;
  for (const auto& [key, entry] : entries) list.push_back(&entry);
  std::stable_sort(list.begin(), list.end(),
                   [this](const Unmapped* a, const Unmapped* b) { return metBefore(*a, *b); });
  std::string lines;
  for (std::size_t i = 0; i < list.size() && i < kUnknownListed; ++i) {
    const Unmapped* u = list[i];
    lines += "\n  " + u->taxonomyKey + ": " + inQuotes(u->value) + " i kolumnen " +
             inQuotes(u->header) + ", " + formatInteger(u->rows, " ") +
             (u->rows == 1 ? " rad" : " rader") + ", första " + u->firstFile + " rad " +
             std::to_string(u->firstLine);
  }
  if (list.size() > kUnknownListed)
    lines += "\n  … och " +
             formatInteger(static_cast<std::int64_t>(list.size() - kUnknownListed), " ") + " till";
  return lines;
}

AvvikelseRegisters AvvikelseReader::finish() {
  if (!unknownOrgs_.empty() || !unmapped_.empty()) {
    // The error points at the first unknown value of the first file it occurs in, an enhet or a
    // category: its heading names neither kind, and each kind's list follows.
    const Unmapped* first = nullptr;
    for (const auto* entries : {&unknownOrgs_, &unmapped_})
      for (const auto& [key, entry] : *entries)
        if (!first || metBefore(entry, *first)) first = &entry;
    std::string message =
        "okända värden i avvikelseregistren (det första på den här raden); alla listas här:\n";
    if (!unknownOrgs_.empty())
      message += "okänd enhet: " + std::to_string(unknownOrgs_.size()) +
                 (unknownOrgs_.size() == 1 ? " värde finns" : " värden finns") +
                 " inte i organisationen (varken som kod eller som namn i någon version av "
                 "org-filen). Lägg till dem i org-filen eller rätta registret:" +
                 listed(unknownOrgs_);
    if (!unmapped_.empty())
      message += std::string(unknownOrgs_.empty() ? "" : "\n") +
                 "okänd kategori i taxonomin: " + std::to_string(unmapped_.size()) +
                 (unmapped_.size() == 1 ? " värde saknas" : " värden saknas") +
                 " under \"avvikelser.taxonomi\" i konfigurationen. Lägg till dem "
                 "(namnet i exporten → namnet i rapporten) och kör igen:" +
                 listed(unmapped_);
    throw InputError(SourceLocation{first->firstFile, first->firstLine, first->header}, message);
  }

  AvvikelseRegisters result;
  result.records = std::move(records_);
  result.files = files_;
  if (!duplicates_.empty()) {
    std::string note = formatInteger(static_cast<std::int64_t>(duplicates_.size()), " ") +
                       (duplicates_.size() == 1 ? " rapport förekommer" : " rapporter förekommer") +
                       " mer än en gång i samma register (samma id) och räknas en gång: ";
    for (std::size_t i = 0; i < duplicates_.size() && i < kDuplicatesNamed; ++i) {
      const Duplicate& d = duplicates_[i];
      note += (i == 0 ? "" : "; ") + where(d.first) + " och rad " + std::to_string(d.again.line);
    }
    if (duplicates_.size() > kDuplicatesNamed)
      note += " och " +
              formatInteger(static_cast<std::int64_t>(duplicates_.size() - kDuplicatesNamed), " ") +
              " till";
    result.notes.push_back(note + ".");
  }
  return result;
}

AvvikelseRegisters readAvvikelseRegisters(const AvvikelserSettings& settings, const OrgTree& orgs) {
  AvvikelseReader reader(settings.taxonomy, orgs);
  for (const InputFile& input : settings.registers) reader.read(*openTabularSource(input));
  AvvikelseRegisters registers = reader.finish();
  // One file per register, in the config's order.
  for (std::size_t i = 0; i < registers.files.size() && i < settings.registers.size(); ++i)
    registers.files[i].configuredHeaders = settings.registers[i].columns;
  return registers;
}

}  // namespace namnd
