#include "ingest/org_reader.hpp"

#include "core/number_parse.hpp"
#include "ingest/csv/csv_table.hpp"

namespace namnd {
namespace {

int requireInt(const CsvTable& table, std::string_view column) {
  const std::string_view text = table.field(column);
  std::string error;
  const auto value = parseWholeNumber(text, &error);
  if (!value || *value < 0 || *value > 1'000'000)
    throw InputError(table.at(column), "ogiltigt heltal \"" + std::string(text) + "\"");
  return static_cast<int>(*value);
}

}  // namespace

OrgTree readOrgTree(const SourceFile& file) {
  static const std::vector<ColumnSpec> kColumns = {
      {"kod", {"orgkod", "ansvar", "id"}, true},
      {"namn", {"benamning", "benämning", "text"}, true},
      {"foralder", {"förälder", "parent", "overordnad", "överordnad"}, true},
      {"niva", {"nivå", "level"}, true},
      {"ordning", {"sortering", "ordningsfoljd", "ordningsföljd"}, false},
  };
  CsvTable table(file.bytes, file.displayName, kColumns);
  OrgTree tree;
  int position = 0;
  while (table.next()) {
    ++position;
    if (table.ragged())
      throw InputError({file.displayName, table.line(), ""},
                       "raden har " + std::to_string(table.fieldCount()) +
                           " fält men rubrikraden har " + std::to_string(table.headerSize()));
    OrgNode node;
    node.code = std::string(table.field("kod"));
    if (node.code.empty()) throw InputError(table.at("kod"), "kod saknas");
    node.name = std::string(table.field("namn"));
    if (node.name.empty()) throw InputError(table.at("namn"), "namn saknas");
    node.parent = std::string(table.field("foralder"));
    node.level = requireInt(table, "niva");
    node.order = table.field("ordning").empty() ? position : requireInt(table, "ordning");
    node.source = {file.displayName, table.line(), ""};
    tree.add(std::move(node));
  }
  if (tree.size() == 0) throw InputError({file.displayName, 0, ""}, "organisationsfilen är tom");
  tree.validate();
  return tree;
}

}  // namespace namnd
