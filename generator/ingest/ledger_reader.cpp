#include "ingest/ledger_reader.hpp"

#include "ingest/duplicate_rows.hpp"
#include "ingest/row_check.hpp"

namespace namnd {

LedgerImport readLedger(TabularSource& source, const std::string& fileHash) {
  static const TableSpec kSpec = {
      {{"period", {"bokforingsperiod", "redovisningsperiod", "perioder"}, false},
       {"datum", {"bokforingsdatum", "verifikationsdatum", "transaktionsdatum"}, false},
       {"konto", {"kontonr", "kontonummer", "kontokod", "konto text"}, true},
       {"ansvar", {"ansvarskod", "ansvarsnr", "referenskod"}, true},
       {"belopp", {"belopp sek", "belopp kr", "beloppkr", "summa"}, true},
       {"verksamhet", {"verksamhetskod", "vht"}, false},
       {"projekt", {"projektkod", "projektnr"}, false},
       {"vernr", {"verifikation", "verifikationsnummer", "vernummer", "ver nr"}, false},
       {"text", {"transaktionstext", "verifikationstext", "beskrivning"}, false}},
      {{"period", "datum"}}};

  LedgerImport result;
  DuplicateRows duplicates;
  std::vector<std::string_view> fields;
  ImportSummary& summary = result.summary;
  summary.kind = SourceKind::Huvudbok;
  summary.sourcePath = source.displayName();
  summary.fileHash = fileHash;
  source.read(kSpec, [&](const Record& record) {
    RowCheck row(record, summary);
    const auto ore = row.amount("belopp");  // first: a rejected row's kronor still count
    const auto period = row.period("period", "datum");
    const auto konto = row.konto("konto");
    const auto ansvar = row.code("ansvar");
    if (!row.accept(ore)) return;
    result.cube.add(*ansvar, *konto, record.text("verksamhet"), record.text("projekt"), *period,
                    Measure::Utfall, *ore);
    summary.addToPeriod(period->code(), *ore);
    fields.assign({record.text("vernr"), record.text("period"), record.text("datum"), *konto,
                   *ansvar, record.text("belopp"), record.text("verksamhet"),
                   record.text("projekt"), record.text("text")});
    duplicates.add(record.text("vernr"), fields, record.line());
  });
  summary.warnings = duplicates.report(source.displayName());
  return result;
}

}  // namespace namnd
