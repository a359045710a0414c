#pragma once
// Opens the tabular source an input file needs: CSV or a sheet of an XLSX workbook (by the
// config's "format", else by the file's name and first bytes), with the config's column names.

#include <memory>

#include "core/run_config.hpp"
#include "ingest/table/tabular_source.hpp"

namespace namnd {

// "csv", "xlsx" or "sie": the config's choice, else by the file: .xlsx/.xlsm or a zip signature
// is xlsx, .se/.si/.sie or a first line with an SIE label (#FLAGGA …) is sie, anything else csv.
std::string inputFormat(const InputFile& input);

// A CSV or XLSX input (not SIE: that has its own reader). Throws InputError when the file cannot
// be read and ConfigError for a column mapping that names
// an unknown column (at read time).
std::unique_ptr<TabularSource> openTabularSource(const InputFile& input);

}  // namespace namnd
