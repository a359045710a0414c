#include "ingest/kontoplan_reader.hpp"

#include "ingest/csv/csv_table.hpp"

namespace namnd {

AccountMap readAccountMap(const SourceFile& file) {
  static const std::vector<ColumnSpec> kColumns = {
      {"konto_fran", {"fran", "från", "fran konto", "från konto"}, true},
      {"konto_till", {"till", "till konto"}, true},
      {"rad", {"rapportrad", "rsum", "grupp"}, true},
  };
  CsvTable table(file.bytes, file.displayName, kColumns);
  AccountMap map;
  while (table.next()) {
    AccountRange range;
    range.from = std::string(table.field("konto_fran"));
    range.to = std::string(table.field("konto_till"));
    range.row = std::string(table.field("rad"));
    range.source = {file.displayName, table.line(), ""};
    if (range.row.empty()) throw InputError(table.at("rad"), "rad saknas");
    map.add(std::move(range));
  }
  return map;
}

}  // namespace namnd
