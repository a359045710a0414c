// The CSV path every tabular input takes: bytes → encoding detection → separator detection →
// RFC 4180 records → header matching → Record. The file is read twice, in tiny blocks and in one
// block: both readings must agree (same records, or both refuse the file), because a file's
// meaning may not depend on where a block boundary falls.

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "core/number_parse.hpp"
#include "fuzz_support.hpp"
#include "ingest/table/csv_source.hpp"

namespace {

using namnd::ColumnSpec;
using namnd::TableSpec;

// A huvudbok-like spec (required columns, aliases, "period or datum") and one where every
// column is optional, so that any header gets through to the records.
TableSpec ledgerSpec() {
  TableSpec spec;
  spec.columns = {
      ColumnSpec{"konto", {"kontonr", "konto nr"}, true, ""},
      ColumnSpec{"ansvar", {"kostnadsstalle", "enhet"}, true, ""},
      ColumnSpec{"belopp", {"summa", "belopp sek"}, true, ""},
      ColumnSpec{"period", {"manad"}, false, ""},
      ColumnSpec{"datum", {"bokforingsdatum"}, false, ""},
      ColumnSpec{"text", {"beskrivning"}, false, ""},
  };
  spec.atLeastOneOf = {{"period", "datum"}};
  return spec;
}

TableSpec lenientSpec() {
  TableSpec spec;
  for (const char* name : {"a", "b", "belopp", "datum", "text"})
    spec.columns.push_back(ColumnSpec{name, {}, false, ""});
  return spec;
}

// Every record as text: what each column gives through the Record interface.
std::vector<std::string> readAll(const std::filesystem::path& file, const TableSpec& spec,
                                 std::size_t blockBytes, std::string& outcome) {
  std::vector<std::string> records;
  outcome = namnd::fuzz::expectTypedErrors("csv_fuzzer", [&] {
    namnd::CsvSource source(file, "fuzz.csv", blockBytes);
    source.read(spec, [&](const namnd::Record& record) {
      std::string line = std::to_string(record.line());
      for (const ColumnSpec& column : spec.columns) {
        const namnd::ColumnId id = spec.id(column.name);
        if (record.has(id) != record.has(column.name))
          namnd::fuzz::finding("csv_fuzzer", "has(id) och has(namn) skiljer för " + column.name);
        const std::string_view text = record.text(id);
        if (text != record.text(column.name))
          namnd::fuzz::finding("csv_fuzzer", "text(id) och text(namn) skiljer för " + column.name);
        std::string error;
        const auto ore = record.amountOre(id, &error);
        line += '|' + std::string(text) + '=' + (ore ? std::to_string(*ore) : "fel:" + error);
        line += '@' + record.at(id).describe() + record.dateText(id);
      }
      if (const auto problem = record.shapeProblem()) line += "|form:" + *problem;
      records.push_back(std::move(line));
    });
  });
  return records;
}

}  // namespace

// Inputs are at most this long (block boundaries, not volume, are what is tested), so one block
// of one byte more reads the whole file, without clearing a 1 MB block per reading.
constexpr std::size_t kMaxInput = 64 * 1024;
constexpr std::size_t kWholeFile = kMaxInput + 1;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > kMaxInput) return 0;
  const auto file = namnd::fuzz::writeScratchFile("fuzz.csv", namnd::fuzz::asText(data, size));
  const std::size_t tinyBlock = 1 + size % 7;
  for (const TableSpec& spec : {ledgerSpec(), lenientSpec()}) {
    std::string tinyOutcome;
    std::string wholeOutcome;
    const auto tiny = readAll(file, spec, tinyBlock, tinyOutcome);
    const auto whole = readAll(file, spec, kWholeFile, wholeOutcome);
    if (tinyOutcome.empty() != wholeOutcome.empty())
      namnd::fuzz::finding("csv_fuzzer", "block om " + std::to_string(tinyBlock) + " byte gav [" +
                                             tinyOutcome + "], hela filen gav [" + wholeOutcome +
                                             "]");
    if (tinyOutcome.empty() && tiny != whole) {
      std::string diff = "posterna skiljer med block om " + std::to_string(tinyBlock) + " byte";
      for (std::size_t i = 0; i < std::max(tiny.size(), whole.size()); ++i) {
        const std::string a = i < tiny.size() ? tiny[i] : "(saknas)";
        const std::string b = i < whole.size() ? whole[i] : "(saknas)";
        if (a != b) {
          diff += "\n  små block: " + a + "\n  en block:  " + b;
          break;
        }
      }
      namnd::fuzz::finding("csv_fuzzer", diff);
    }
  }
  return 0;
}
