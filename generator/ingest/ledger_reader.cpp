#include "ingest/ledger_reader.hpp"

#include <thread>
#include <vector>

#include "core/number_parse.hpp"
#include "ingest/duplicate_rows.hpp"
#include "ingest/row_check.hpp"

namespace namnd {
namespace {

const TableSpec kSpec = {
    {{"period", {"bokforingsperiod", "redovisningsperiod", "perioder"}, false},
     {"datum", {"bokforingsdatum", "verifikationsdatum", "transaktionsdatum"}, false},
     {"konto", {"kontonr", "kontonummer", "kontokod", "konto text"}, true},
     {"ansvar", {"ansvarskod", "ansvarsnr", "referenskod"}, true},
     {"belopp", {"belopp sek", "belopp kr", "beloppkr", "summa"}, true},
     {"verksamhet", {"verksamhetskod", "vht"}, false},
     {"aktivitet", {"aktivitetskod"}, false},
     {"projekt", {"projektkod", "projektnr"}, false},
     {"motpart", {"motpartskod", "motpartsnr", "motpartsnummer"}, false},
     {"vernr", {"verifikation", "verifikationsnummer", "vernummer", "ver nr"}, false},
     {"text", {"transaktionstext", "verifikationstext", "beskrivning"}, false}},
    {{"period", "datum"}}};

// The columns by id, resolved once: every field of every row is read through these.
struct Columns {
  ColumnId period = kSpec.id("period");
  ColumnId datum = kSpec.id("datum");
  ColumnId konto = kSpec.id("konto");
  ColumnId ansvar = kSpec.id("ansvar");
  ColumnId belopp = kSpec.id("belopp");
  ColumnId verksamhet = kSpec.id("verksamhet");
  ColumnId projekt = kSpec.id("projekt");
  ColumnId motpart = kSpec.id("motpart");
  ColumnId vernr = kSpec.id("vernr");
  ColumnId text = kSpec.id("text");
};
const Columns kColumns;

// What one worker reads from its stretch of the file.
struct Partial {
  LedgerImport ledger;
  DuplicateRows duplicates;
  LargestTransactions kept;
  std::vector<std::string_view> fields;  // reused for the duplicate fingerprint
  std::string datum;                     // the date of a kept row, as YYYY-MM-DD
};

// The texts of a row that is kept. Without a text column, the account name of a "konto text"
// cell ("46110 Köp av huvudverksamhet") says at least what was bought.
TransactionTexts keptTexts(const Record& record, std::string_view konto,
                           std::string_view verksamhet, std::string_view projekt,
                           std::string_view vernr, std::string& datum) {
  const Columns& c = kColumns;
  datum.clear();
  if (const std::string_view written = record.text(c.datum); !written.empty()) {
    if (Period::fromIsoDate(written))
      datum.assign(written);
    else if (std::string date = record.dateText(c.datum); Period::fromIsoDate(date))
      datum = std::move(date);  // a date cell of a workbook, or a date written otherwise
  }
  std::string_view text = record.text(c.text);
  if (text.empty()) {
    const std::string_view kontoCell = record.text(c.konto);
    if (kontoCell.size() > konto.size()) text = trimSpace(kontoCell.substr(konto.size()));
  }
  return {konto, verksamhet, projekt, datum, vernr, text, record.text(c.motpart)};
}

void readRecord(const Record& record, Partial& partial) {
  const Columns& c = kColumns;
  ImportSummary& summary = partial.ledger.summary;
  RowCheck row(record, summary);
  const auto ore = row.amount(c.belopp);  // first: a rejected row's kronor still count
  const auto period = row.period(c.period, c.datum);
  const auto konto = row.konto(c.konto);
  const auto ansvar = row.code(c.ansvar);
  if (!row.accept(ore)) return;
  const std::string_view verksamhet = record.text(c.verksamhet);
  const std::string_view projekt = record.text(c.projekt);
  const std::string_view vernr = record.text(c.vernr);
  partial.ledger.cube.add(*ansvar, *konto, verksamhet, projekt, *period, Measure::Utfall, *ore);
  summary.addToPeriod(period->code(), *ore);
  partial.kept.offerByContent(*ansvar, *period, *ore, [&] {
    return keptTexts(record, *konto, verksamhet, projekt, vernr, partial.datum);
  });
  if (vernr.empty()) return;
  partial.fields.assign({vernr, record.text(c.period), record.text(c.datum), *konto, *ansvar,
                         record.text(c.belopp), verksamhet, projekt, record.text(c.text)});
  partial.duplicates.add(vernr, partial.fields, record.line());
}

}  // namespace

LedgerImport readLedger(TabularSource& source, const std::string& fileHash) {
  // A large file is read by both cores, each into its own cube; the parts are then added up
  // in file order, so the result is the same as one reader's.
  const int workers =
      static_cast<int>(std::max(1u, std::min(4u, std::thread::hardware_concurrency())));
  std::vector<Partial> partials(static_cast<std::size_t>(workers));
  const int used = source.readSplit(kSpec, workers, [&](int worker, const Record& record) {
    readRecord(record, partials[static_cast<std::size_t>(worker)]);
  });

  LedgerImport result = std::move(partials[0].ledger);
  DuplicateRows duplicates = std::move(partials[0].duplicates);
  for (int w = 1; w < used; ++w) {
    Partial& partial = partials[static_cast<std::size_t>(w)];
    result.cube.merge(partial.ledger.cube);
    result.summary.absorb(std::move(partial.ledger.summary));
    duplicates.absorb(std::move(partial.duplicates));
    partials[0].kept.absorb(std::move(partial.kept));
  }
  result.keptRows = partials[0].kept.take();
  ImportSummary& summary = result.summary;
  summary.kind = SourceKind::Huvudbok;
  summary.sourcePath = source.displayName();
  summary.fileHash = fileHash;
  summary.warnings = duplicates.report(source.displayName());
  return result;
}

}  // namespace namnd
