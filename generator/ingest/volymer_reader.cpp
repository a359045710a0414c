#include "ingest/volymer_reader.hpp"

#include <map>
#include <string>
#include <tuple>

#include "core/errors.hpp"
#include "core/number_format.hpp"
#include "ingest/row_check.hpp"

namespace namnd {
namespace {

// The first line of each kind of row for one mått and month: with ansvar and without.
struct MonthRows {
  std::int64_t withAnsvar = 0;
  std::int64_t withoutAnsvar = 0;
};

// " för ansvar 2110 och period 202508", " utan ansvar för period 202508".
std::string rowText(const std::string& ansvar, Period period) {
  return (ansvar.empty() ? " utan ansvar för" : " för ansvar " + ansvar + " och") + " period " +
         period.toString();
}

}  // namespace

VolymImport readVolymer(TabularSource& source) {
  static const TableSpec kSpec = {{{"period", {"månad", "manad", "redovisningsperiod"}, true},
                                   {"matt", {"mått", "volym", "volymmått", "volymmatt"}, true},
                                   {"varde", {"värde", "antal", "utfall"}, true},
                                   {"ansvar", {"ansvarskod", "ansvarsnr", "enhet"}, false}},
                                  {}};

  VolymImport result;
  ImportSummary& summary = result.summary;
  summary.kind = SourceKind::Budget;
  summary.sourcePath = source.displayName();
  std::map<std::tuple<std::string, Period, std::string>, std::int64_t> lineOf;
  std::map<std::pair<std::string, Period>, MonthRows> monthRows;

  source.read(kSpec, [&](const Record& record) {
    RowCheck row(record, summary);
    const auto period = row.period("period");
    std::optional<std::string> matt;
    if (const auto typed = row.code("matt")) {
      matt = volymMeasureCode(*typed);
      if (!matt)
        row.fail(record.at("matt"), "ogiltigt mått \"" + std::string(*typed) +
                                        "\" (bokstäver, siffror, mellanslag och _)");
    }
    std::optional<std::int64_t> hundredths;
    if (const std::string_view typed = record.text("varde"); typed.empty()) {
      row.fail(record.at("varde"), "varde saknas");
    } else {
      std::string error;
      hundredths = record.amountOre("varde", &error);  // hundredths, exactly as öre
      if (!hundredths)
        row.fail(record.at("varde"), "ogiltigt värde " + quotedValue(typed) + ": " + error);
    }
    const std::string ansvar(record.text("ansvar"));
    if (!row.ok()) {
      row.accept(std::nullopt);
      return;
    }
    const auto key = std::make_tuple(*matt, *period, ansvar);
    if (const auto earlier = lineOf.find(key); earlier != lineOf.end()) {
      row.fail(record.at("matt"), "måttet " + *matt + rowText(ansvar, *period) +
                                      " finns redan på rad " + std::to_string(earlier->second));
    }
    MonthRows& rows = monthRows[{*matt, *period}];
    const std::int64_t other = ansvar.empty() ? rows.withAnsvar : rows.withoutAnsvar;
    if (other != 0)
      row.fail(record.at("ansvar"), "måttet " + *matt + " har för period " + period->toString() +
                                        " både rader med och utan ansvar (rad " +
                                        std::to_string(other) +
                                        "): summan över ansvar skulle räkna totalen två gånger");
    if (!row.accept(std::nullopt)) return;
    lineOf.emplace(key, record.line());
    std::int64_t& first = ansvar.empty() ? rows.withoutAnsvar : rows.withAnsvar;
    if (first == 0) first = record.line();
    result.table.add(*matt, ansvar, *period, *hundredths);
  });

  if (!summary.rejected.empty()) {
    const RejectedRow& first = summary.rejected.front();
    std::string reason = first.reason;
    if (summary.rejected.size() > 1)
      reason += " (och " + std::to_string(summary.rejected.size() - 1) + " rader till med fel)";
    throw InputError(first.where, reason);
  }
  std::string measures;
  for (const std::string& matt : result.table.measures())
    measures += (measures.empty() ? "" : ", ") + matt;
  summary.notes.push_back("Volymer: " + formatInteger(summary.rowsAccepted, " ") + " rader" +
                          (measures.empty() ? "" : "; mått: " + measures) + ".");
  return result;
}

}  // namespace namnd
