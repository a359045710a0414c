#include "ingest/prognos_reader.hpp"

#include <map>

#include "ingest/row_check.hpp"

namespace namnd {

PrognosImport readPrognos(TabularSource& source, const std::string& fileHash) {
  static const TableSpec kSpec = {
      {{"prognosperiod", {"period", "prognosmanad"}, true},
       {"ansvar", {"enhet", "kod", "org", "orgkod", "ansvarskod"}, true},
       {"prognos", {"helarsprognos", "prognos helar", "prognos helår"}, false},
       {"avvikelse", {"prognosavvikelse", "avvikelse helar", "avvikelse helår"}, false},
       {"kommentar", {"kommentarer"}, false},
       {"atgard", {"åtgärd", "atgarder", "åtgärder"}, false}},
      {{"prognos", "avvikelse"}}};

  PrognosImport result;
  ImportSummary& summary = result.summary;
  summary.kind = SourceKind::Prognos;
  summary.sourcePath = source.displayName();
  summary.fileHash = fileHash;
  std::map<int, PrognosSnapshot> byPeriod;
  source.read(kSpec, [&](const Record& record) {
    RowCheck row(record, summary);
    const bool hasPrognos = !record.text("prognos").empty();
    const bool hasAvvikelse = !record.text("avvikelse").empty();
    if (hasPrognos == hasAvvikelse)
      row.fail({source.displayName(), record.line(), ""},
               hasPrognos ? "både prognos och avvikelse är ifyllda; ange en av dem"
                          : "varken prognos eller avvikelse är ifylld");
    const auto ore = row.ok() ? row.amount(hasPrognos ? "prognos" : "avvikelse") : std::nullopt;
    const auto period = row.period("prognosperiod");
    const auto node = row.code("ansvar");
    if (!row.accept(ore)) return;

    PrognosEntry entry;
    entry.node = std::string(*node);
    (hasPrognos ? entry.prognosOre : entry.avvikelseOre) = *ore;
    entry.kommentar = std::string(record.text("kommentar"));
    entry.atgard = std::string(record.text("atgard"));
    auto [it, inserted] = byPeriod.try_emplace(period->code(), PrognosSnapshot{*period, {}});
    it->second.entries.push_back(std::move(entry));
  });
  for (auto& [code, snapshot] : byPeriod) result.snapshots.push_back(std::move(snapshot));
  return result;
}

}  // namespace namnd
