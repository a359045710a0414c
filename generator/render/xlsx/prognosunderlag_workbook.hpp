#pragma once
// Writes a prognosunderlag as workbooks the enhetschefer fill in: per unit a protected sheet
// whose only editable cells are the yellow input cells, amounts in whole kronor (exact values
// kept, so the import reads back what was shown), the identification block the reader checks,
// A4 landscape print setup with the unit in the page header, and sums as live formulas (with
// cached values) over every row they add, the new prognosis columns too. Layout:
// ingest/prognosunderlag_layout.hpp.

#include <filesystem>
#include <string>
#include <vector>

#include "reports/prognosunderlag/prognosunderlag_builder.hpp"

namespace namnd {

enum class PrognosunderlagSplit {
  PerUnit,      // "per_enhet": prognosunderlag-<period>-<enhet>.xlsx, one sheet
  OneWorkbook,  // "en_bok": prognosunderlag-<period>.xlsx, a sheet per unit
};

// "per_enhet" / "en_bok" (validated by the config reader) → the split.
PrognosunderlagSplit prognosunderlagSplit(const std::string& configValue);

// Writes into `folder` (created when missing), each file atomically. Returns the files
// written, in unit order. OutputError on failure. An underlag without units writes nothing.
std::vector<std::filesystem::path> writePrognosunderlag(const Prognosunderlag& underlag,
                                                        const std::filesystem::path& folder,
                                                        PrognosunderlagSplit split,
                                                        const std::string& author);

// A valid sheet name for a unit: "ALD Äldreomsorg", without the characters Excel refuses and
// at most 31 characters.
std::string prognosunderlagSheetName(const std::string& code, const std::string& name);

}  // namespace namnd
