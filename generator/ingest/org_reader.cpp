#include "ingest/org_reader.hpp"

#include "core/errors.hpp"
#include "core/number_parse.hpp"

namespace namnd {
namespace {

int requireInt(const Record& record, std::string_view column) {
  const std::string_view text = record.text(column);
  const auto value = parseWholeNumber(text);
  if (!value || *value < 0 || *value > 1'000'000)
    throw InputError(record.at(column), "ogiltigt heltal " + quotedValue(text));
  return static_cast<int>(*value);
}

std::optional<Period> optionalMonth(const Record& record, std::string_view column) {
  if (record.text(column).empty()) return std::nullopt;
  if (const auto period = Period::parse(record.text(column))) return period;
  const std::string date = record.dateText(column);
  if (const auto period = Period::fromIsoDate(date)) return period;
  throw InputError(record.at(column),
                   "ogiltig månad \"" + date + "\" (ÅÅÅÅMM eller ÅÅÅÅ-MM-DD väntades)");
}

}  // namespace

OrgTree readOrgTree(TabularSource& source) {
  static const TableSpec kSpec = {
      {{"kod", {"orgkod", "ansvar", "id"}, true},
       {"namn", {"benamning", "benämning", "text"}, true},
       {"foralder", {"förälder", "parent", "overordnad", "överordnad"}, true},
       {"niva", {"nivå", "level"}, true},
       {"ordning", {"sortering", "ordningsfoljd", "ordningsföljd"}, false},
       {"giltig_from", {"giltigfrom", "galler fran", "gäller från"}, false},
       {"giltig_tom", {"giltigtom", "galler till", "gäller till"}, false}},
      {}};
  OrgTree tree;
  int position = 0;
  source.read(kSpec, [&](const Record& record) {
    ++position;
    if (auto problem = record.shapeProblem())
      throw InputError({source.displayName(), record.line(), ""}, *problem);
    OrgNode node;
    node.code = std::string(record.text("kod"));
    if (node.code.empty()) throw InputError(record.at("kod"), "kod saknas");
    node.name = std::string(record.text("namn"));
    if (node.name.empty()) throw InputError(record.at("namn"), "namn saknas");
    node.parent = std::string(record.text("foralder"));
    node.level = requireInt(record, "niva");
    node.order = record.text("ordning").empty() ? position : requireInt(record, "ordning");
    node.validFrom = optionalMonth(record, "giltig_from");
    node.validTo = optionalMonth(record, "giltig_tom");
    node.source = {source.displayName(), record.line(), ""};
    tree.add(std::move(node));
  });
  if (tree.size() == 0)
    throw InputError({source.displayName(), 0, ""}, "organisationsfilen är tom");
  tree.validate();
  return tree;
}

}  // namespace namnd
