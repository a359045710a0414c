#include "ingest/rsum_prognos_reader.hpp"

#include <set>

#include "core/errors.hpp"
#include "ingest/row_check.hpp"

namespace namnd {

RsumPrognosImport readRsumPrognos(TabularSource& source) {
  static const TableSpec kSpec = {
      {{"prognosperiod", {"period", "prognos period"}, true},
       {"rad", {"rsum", "kostnadsslag", "rsum rad"}, true},
       {"prognos", {"prognos helar", "helarsprognos", "prognos kr"}, false},
       {"avvikelse", {"avvikelse prognos", "prognosavvikelse"}, false}},
      {{"prognos", "avvikelse"}}};
  RsumPrognosImport result;
  result.summary.kind = SourceKind::Budget;
  result.summary.sourcePath = source.displayName();
  std::set<std::pair<int, std::string>> seen;
  source.read(kSpec, [&](const Record& record) {
    RowCheck row(record, result.summary);
    const auto rad = row.code("rad");
    const bool hasPrognos = !record.text("prognos").empty();
    const bool hasAvvikelse = !record.text("avvikelse").empty();
    if (hasPrognos == hasAvvikelse)
      row.fail(record.at(hasPrognos ? "avvikelse" : "prognos"),
               hasPrognos ? "ange prognos eller avvikelse, inte båda"
                          : "prognos eller avvikelse saknas");
    const auto amount = row.amount(hasAvvikelse ? "avvikelse" : "prognos");
    const auto period = row.month("prognosperiod");
    if (rad && period && seen.count({period->code(), std::string(*rad)}))
      row.fail(record.at("rad"),
               "raden " + quotedValue(*rad) + " finns redan för " + period->toString());
    if (!row.accept(amount)) return;
    seen.emplace(period->code(), std::string(*rad));
    RsumPrognos entry{.period = *period, .rad = std::string(*rad), .where = record.at("rad")};
    (hasAvvikelse ? entry.avvikelseOre : entry.prognosOre) = *amount;
    result.rows.push_back(std::move(entry));
  });
  return result;
}

}  // namespace namnd
