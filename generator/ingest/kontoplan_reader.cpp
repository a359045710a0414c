#include "ingest/kontoplan_reader.hpp"

namespace namnd {

AccountMap readAccountMap(TabularSource& source) {
  static const TableSpec kSpec = {
      {{"konto_fran", {"fran", "från", "fran konto", "från konto"}, true},
       {"konto_till", {"till", "till konto"}, true},
       {"rad", {"rapportrad", "rsum", "grupp"}, true}},
      {}};
  AccountMap map;
  source.read(kSpec, [&](const Record& record) {
    AccountRange range;
    range.from = std::string(record.text("konto_fran"));
    range.to = std::string(record.text("konto_till"));
    range.row = std::string(record.text("rad"));
    range.source = {source.displayName(), record.line(), ""};
    if (range.row.empty()) throw InputError(record.at("rad"), "rad saknas");
    map.add(std::move(range));
  });
  return map;
}

}  // namespace namnd
