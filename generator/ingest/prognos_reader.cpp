#include "ingest/prognos_reader.hpp"

#include <map>

#include "ingest/csv/csv_table.hpp"
#include "ingest/row_checks.hpp"

namespace namnd {

PrognosImport readPrognos(const SourceFile& file) {
  static const std::vector<ColumnSpec> kColumns = {
      {"prognosperiod", {"period", "prognosmanad"}, true},
      {"ansvar", {"enhet", "kod", "org", "orgkod", "ansvarskod"}, true},
      {"prognos", {"helarsprognos", "prognos helar", "prognos helår"}, false},
      {"avvikelse", {"prognosavvikelse", "avvikelse helar", "avvikelse helår"}, false},
      {"kommentar", {"kommentarer"}, false},
      {"atgard", {"åtgärd", "atgarder", "åtgärder"}, false},
  };
  CsvTable table(file.bytes, file.displayName, kColumns);
  if (!table.has("prognos") && !table.has("avvikelse"))
    table.failHeader("kolumnen prognos eller avvikelse saknas i rubrikraden");

  PrognosImport result;
  ImportSummary& summary = result.summary;
  summary.kind = SourceKind::Prognos;
  summary.sourcePath = file.displayName;
  summary.fileHash = file.sha256;
  std::map<int, PrognosSnapshot> byPeriod;
  while (table.next()) {
    ++summary.rowsRead;
    if (!checkFieldCount(table, summary)) continue;
    const auto period = requirePeriod(table, "prognosperiod", "", summary);
    if (!period) continue;
    const auto node = requireCode(table, "ansvar", summary);
    if (!node) continue;
    const bool hasPrognos = !table.field("prognos").empty();
    const bool hasAvvikelse = !table.field("avvikelse").empty();
    if (hasPrognos == hasAvvikelse) {
      summary.rejected.push_back({{file.displayName, table.line(), ""},
                                  hasPrognos
                                      ? "både prognos och avvikelse är ifyllda; ange en av dem"
                                      : "varken prognos eller avvikelse är ifylld"});
      continue;
    }
    const auto ore = requireAmountOre(table, hasPrognos ? "prognos" : "avvikelse", summary);
    if (!ore) continue;

    PrognosEntry entry;
    entry.node = std::string(*node);
    (hasPrognos ? entry.prognosOre : entry.avvikelseOre) = *ore;
    entry.kommentar = std::string(table.field("kommentar"));
    entry.atgard = std::string(table.field("atgard"));
    auto [it, inserted] = byPeriod.try_emplace(period->code(), PrognosSnapshot{*period, {}});
    it->second.entries.push_back(std::move(entry));
    ++summary.rowsAccepted;
    summary.acceptedOre += *ore;
  }
  for (auto& [code, snapshot] : byPeriod) result.snapshots.push_back(std::move(snapshot));
  return result;
}

}  // namespace namnd
