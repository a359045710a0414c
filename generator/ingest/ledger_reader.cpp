#include "ingest/ledger_reader.hpp"

#include "ingest/csv/csv_table.hpp"
#include "ingest/row_checks.hpp"

namespace namnd {

LedgerImport readLedger(const SourceFile& file) {
  static const std::vector<ColumnSpec> kColumns = {
      {"period", {"bokforingsperiod", "redovisningsperiod", "perioder"}, false},
      {"datum", {"bokforingsdatum", "verifikationsdatum", "transaktionsdatum"}, false},
      {"konto", {"kontonr", "kontonummer", "kontokod"}, true},
      {"ansvar", {"ansvarskod", "ansvarsnr", "referenskod"}, true},
      {"belopp", {"belopp sek", "belopp kr", "beloppkr", "summa"}, true},
      {"verksamhet", {"verksamhetskod", "vht"}, false},
      {"projekt", {"projektkod", "projektnr"}, false},
  };
  CsvTable table(file.bytes, file.displayName, kColumns);
  if (!table.has("period") && !table.has("datum"))
    table.failHeader("kolumnen period (eller datum) saknas i rubrikraden");

  LedgerImport result;
  ImportSummary& summary = result.summary;
  summary.kind = SourceKind::Huvudbok;
  summary.sourcePath = file.displayName;
  summary.fileHash = file.sha256;
  while (table.next()) {
    ++summary.rowsRead;
    if (!checkFieldCount(table, summary)) continue;
    const auto period = requirePeriod(table, "period", "datum", summary);
    if (!period) continue;
    const auto konto = requireCode(table, "konto", summary);
    if (!konto) continue;
    const auto ansvar = requireCode(table, "ansvar", summary);
    if (!ansvar) continue;
    const auto ore = requireAmountOre(table, "belopp", summary);
    if (!ore) continue;
    result.cube.add(*ansvar, *konto, table.field("verksamhet"), table.field("projekt"), *period,
                    Measure::Utfall, *ore);
    ++summary.rowsAccepted;
    summary.acceptedOre += *ore;
  }
  return result;
}

}  // namespace namnd
