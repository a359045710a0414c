#include "ingest/csv/csv_table.hpp"

#include "core/number_parse.hpp"

namespace namnd {
namespace {

std::vector<std::string_view> readHeader(CsvReader& reader, const std::string& displayName) {
  if (!reader.next()) throw InputError({displayName, 0, ""}, "filen är tom (rubrikrad saknas)");
  return reader.fields();
}

}  // namespace

CsvTable::CsvTable(std::string bytes, std::string displayName, const std::vector<ColumnSpec>& specs)
    : displayName_(std::move(displayName)),
      decoded_(decodeText(std::move(bytes), displayName_)),
      separator_(detectSeparator(decoded_.utf8)),
      reader_(decoded_.utf8, separator_, displayName_),
      columns_([&] {
        auto header = readHeader(reader_, displayName_);
        headerSize_ = header.size();
        headerLine_ = reader_.line();
        return ColumnMatcher(header, specs, displayName_, headerLine_);
      }()) {}

std::string_view CsvTable::field(std::string_view column) const {
  const auto index = columns_.index(column);
  if (!index || *index >= reader_.fields().size()) return {};
  return trimSpace(reader_.fields()[*index]);
}

void CsvTable::failHeader(const std::string& reason) const {
  throw InputError({displayName_, headerLine_, ""}, reason);
}

SourceLocation CsvTable::at(std::string_view column) const {
  const auto index = columns_.index(column);
  return {displayName_, reader_.line(), index ? columns_.headerText(*index) : std::string(column)};
}

}  // namespace namnd
