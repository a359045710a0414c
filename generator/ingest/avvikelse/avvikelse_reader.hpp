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
  std::vector<AvvikelseRecord> records;      // in file order, each id once per file
  std::vector<AvvikelseRegisterFile> files;  // in the order read, with their optional columns
  std::vector<std::string> notes;            // Swedish, for the report's check section
};

// The keyed hash a person pseudonym is counted by (never 0, which means "not given").
std::uint64_t avvikelsePersonHash(std::string_view pseudonym);

// Reads one register after another. Each system numbers its own reports, so an id is unique
// within its file only: the same id twice in one file is a duplicate (counted once), the same id
// in two files is two reports. Categories the taxonomy does not know are collected over every
// file and reported together by finish().
class AvvikelseReader {
 public:
  // `orgs`: every version of the organisation; a code valid in any of them is accepted.
  AvvikelseReader(const AvvikelseTaxonomy& taxonomy, const OrgTree& orgs);

  // Throws InputError naming file, line and column for a missing header column, an empty
  // required cell, a date that is not a date or a flag that is not ja/nej.
  void read(TabularSource& source);

  // The records, files and notes of everything read. Throws one InputError listing every org
  // code (or name) the organisation does not have and every category value the taxonomy lacks —
  // column, value, number of rows and the first file and line — so that the org file and the
  // config can be completed in one go.
  AvvikelseRegisters finish();

 private:
  struct Unmapped {
    std::string taxonomyKey;  // "kategori"; "enhet" for an org the organisation lacks
    std::string header;       // the column as the file names it
    std::string value;        // the first spelling seen
    std::int64_t rows = 0;
    std::string firstFile;
    std::int64_t firstLine = 0;
  };
  // Where a duplicated row was first read and read again. The id itself is never kept for
  // the note: it identifies a report about a person, and the note reaches the outputs.
  struct Duplicate {
    SourceLocation first;
    SourceLocation again;
  };

  // The report name for a cell, or nullptr after noting the value as unmapped.
  const std::string* mapped(const CategoryLookup& lookup, std::string_view taxonomyKey,
                            const Record& record, ColumnId column, const std::string& file);
  // The org code of the cell, or "" after noting the value as unknown.
  std::string orgCode(const Record& record, ColumnId column, const std::string& file);
  void note(std::map<std::pair<std::string, std::string>, Unmapped>& into, std::string_view key,
            const Record& record, ColumnId column, const std::string& file);
  // In the order the user meets them: file, then line.
  bool metBefore(const Unmapped& a, const Unmapped& b) const;
  // The lines of a message listing `entries`, first met first, at most kListed of them.
  std::string listed(const std::map<std::pair<std::string, std::string>, Unmapped>& entries) const;

  AvvikelseTaxonomyLookup taxonomy_;
  const OrgTree& orgs_;
  std::map<std::string, std::string, std::less<>> codeByName_;  // folded node name → code
  std::vector<AvvikelseRecord> records_;
  // (file, id) → where first read.
  std::map<std::pair<std::string, std::string>, SourceLocation> seen_;
  std::vector<Duplicate> duplicates_;
  std::map<std::pair<std::string, std::string>, Unmapped> unmapped_;  // (key, folded value)
  std::map<std::pair<std::string, std::string>, Unmapped> unknownOrgs_;
  std::vector<AvvikelseRegisterFile> files_;
};

// Every register of the config, read with its format, sheet and column names.
AvvikelseRegisters readAvvikelseRegisters(const AvvikelserSettings& settings, const OrgTree& orgs);

}  // namespace namnd
