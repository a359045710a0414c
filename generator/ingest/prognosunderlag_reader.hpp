#pragma once
// Filled-in prognosunderlag workbooks (written by `namnd prognosunderlag`) → that month's
// prognosis snapshot. The input is one .xlsx or a folder of them; every sheet of every workbook
// must be an underlag of the same kommun and period.
//
// What a row means:
//   - "Ny prognos: avvikelse helår" filled → an entry with that deviation (avvikelseOre);
//   - "Ny prognos: helårsutfall" filled → an entry with that outcome (prognosOre);
//   - neither, but the row shows a previous prognosis → the previous deviation is carried into
//     this snapshot unchanged (the enhetschef left it as it was), with the row's kommentar and
//     åtgärd — so a snapshot always holds every ansvar that had a prognosis, and an unchanged
//     comment comes back in next month's underlag;
//   - neither and no previous prognosis → no entry (nothing was said about the ansvar); a
//     kommentar or åtgärd typed on such a row is an error, since it would otherwise be lost.
// The unit row ("Hela enheten", right after the header row of a unit with ansvar) reads the
// same way into an entry for the unit's own code: a prognosis for the unit as a whole. A
// prognosis is given either there or per ansvar: numbers typed on both are an error; a number
// typed on one side replaces the previous prognoses shown on the other (they are not carried,
// which would count the unit twice). The row of amounts booked directly on a unit with ansvar
// takes no prognosis (one for the unit's code means the whole unit).
// A blank sheet (one someone added) is skipped; any other sheet must be an underlag.
// The import is all or nothing: any problem throws InputError naming the file, the sheet, the
// row and the column ("fil.xlsx [ALD Äldreomsorg] rad 14, kolumn K (avvikelse helår): …"),
// and nothing is returned.

#include <filesystem>
#include <string>
#include <vector>

#include "core/org_tree.hpp"
#include "ingest/prognos_reader.hpp"
#include "ingest/source_file.hpp"

namespace namnd {

// The workbooks of an input: the file itself, or the folder's *.xlsx files (not Excel's "~$"
// lock files or hidden files) sorted by name. InputError when the path is neither, or a folder
// holds no workbook.
std::vector<std::filesystem::path> prognosunderlagFiles(const std::filesystem::path& fileOrFolder,
                                                        const std::string& displayName);

// The input's fingerprint for the import log: a file's SHA-256, or for a folder the SHA-256 of
// its workbooks' names and hashes in name order (so adding, removing, renaming or changing a
// workbook is a new import, and the same folder again is skipped).
SourceFile hashPrognosunderlag(const std::filesystem::path& fileOrFolder,
                               const std::string& displayName);

// Reads every workbook. `orgVersions` is the organisation with its versions (the tree of the
// workbooks' period is used); `kommun` is the config's. The result has exactly one snapshot.
PrognosImport readPrognosunderlag(const std::filesystem::path& fileOrFolder,
                                  const std::string& displayName, const std::string& fileHash,
                                  const OrgTree& orgVersions, const std::string& kommun);

}  // namespace namnd
