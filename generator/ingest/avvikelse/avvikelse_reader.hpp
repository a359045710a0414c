#pragma once
// Incident registers (avvikelser, klagomål, lex Sarah, lex Maria, externa avvikelser) from the
// exports of Viva, Treserva, Lifecare or MedControl → AvvikelseRecords, every category mapped
// through the config's taxonomy.
//
// Columns (DESIGN.md, avvikelser): id, registrerad (date), ansvar or enhet (an org code, or a
// node's name as the export writes it), lagrum, typ; optional handelsedatum, kategori,
// handelsetyp, person, extern_part, riktning, status and the flags hoftbyxa, ganghjalpmedel,
// fraktur (ja/nej/1/0/x/empty).
//
// Privacy: only these columns are ever looked at, so free text (Beskrivning, Åtgärd …) never
// leaves the source's row buffer; the person pseudonym becomes a keyed 64-bit hash at once and
// its text is not kept.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/avvikelse_record.hpp"
#include "core/org_tree.hpp"
#include "core/run_config.hpp"
#include "ingest/avvikelse/avvikelse_taxonomy.hpp"
#include "ingest/table/tabular_source.hpp"

namespace namnd {

struct AvvikelseRegisters {
  std::vector<AvvikelseRecord> records;  // in file order, each id once
  std::vector<std::string> notes;        // Swedish, for the report's check section
};

// The keyed hash a person pseudonym is counted by (never 0, which means "not given").
std::uint64_t avvikelsePersonHash(std::string_view pseudonym);

// Reads one register after another: ids are unique over all of them, and categories the
// taxonomy does not know are collected over every file and reported together by finish().
class AvvikelseReader {
 public:
  // `orgs`: every version of the organisation; a code valid in any of them is accepted.
  AvvikelseReader(const AvvikelseTaxonomy& taxonomy, const OrgTree& orgs);

  // Throws InputError naming file, line and column for a missing header column, an empty
  // required cell, a date that is not a date, a flag that is not ja/nej, or an org code (or
  // name) the organisation does not have.
  void read(TabularSource& source);

  // The records and notes of everything read. Throws one InputError listing every category
  // value the taxonomy lacks — column, value, number of rows and the first row — so that the
  // config can be completed in one go.
  AvvikelseRegisters finish();

 private:
  struct Unmapped {
    std::string taxonomyKey;  // "kategori"
    std::string header;       // the column as the file names it
    std::string value;        // the first spelling seen
    std::int64_t rows = 0;
    std::string firstFile;
    std::int64_t firstLine = 0;
  };
  struct Duplicate {
    std::string id;
    SourceLocation first;
    SourceLocation again;
  };

  // The report name for a cell, or nullptr after noting the value as unmapped.
  const std::string* mapped(const CategoryLookup& lookup, std::string_view taxonomyKey,
                            const Record& record, ColumnId column, const std::string& file);
  std::string orgCode(const Record& record, ColumnId column) const;

  AvvikelseTaxonomyLookup taxonomy_;
  const OrgTree& orgs_;
  std::map<std::string, std::string, std::less<>> codeByName_;  // folded node name → code
  std::vector<AvvikelseRecord> records_;
  std::map<std::string, SourceLocation, std::less<>> seen_;  // id → where first read
  std::vector<Duplicate> duplicates_;
  std::map<std::pair<std::string, std::string>, Unmapped> unmapped_;  // (key, folded value)
  std::vector<std::string> filesRead_;
};

// Every register of the config, read with its format, sheet and column names.
AvvikelseRegisters readAvvikelseRegisters(const AvvikelserSettings& settings, const OrgTree& orgs);

}  // namespace namnd
