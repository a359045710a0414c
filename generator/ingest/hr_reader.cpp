#include "ingest/hr_reader.hpp"

#include <array>
#include <cstdint>
#include <map>

#include "core/category_name.hpp"
#include "core/errors.hpp"
#include "core/number_format.hpp"
#include "ingest/row_check.hpp"

namespace namnd {
namespace {

constexpr std::string_view kAllowedKinds =
    "overtid, mertid, timavlonad, inhyrd, ej_tillsatt, arbetad, franvaro";

// "12 345,50 h": centihours are hundredths, exactly like öre.
std::string hours(std::int64_t centihours) { return formatOreAsKronor(centihours) + "\u00A0h"; }

// Σ timmar, the figure a reader of the import log checks against the HR system's own report.
std::string hoursNote(const std::map<HrKind, std::int64_t>& byKind, std::int64_t accepted,
                      std::int64_t rejected) {
  std::string note = "Timmar: Σ " + hours(accepted) + " i godkända rader";
  if (!byKind.empty()) {
    note += " (";
    bool first = true;
    for (const auto& [kind, centihours] : byKind) {
      note += (first ? "" : ", ") + std::string(hrKindLabel(kind)) + " " + hours(centihours);
      first = false;
    }
    note += ")";
  }
  if (rejected != 0) note += "; Σ " + hours(rejected) + " i avvisade rader";
  return note + ".";
}

}  // namespace

std::optional<HrKind> hrKindFromExport(std::string_view text) {
  const auto folded = foldToAsciiCode(text, false);
  return folded ? hrKindFromName(*folded) : std::nullopt;
}

HrImport readHr(TabularSource& source, const std::string& fileHash) {
  static const TableSpec kSpec = {
      {{"period", {"manad", "löneperiod", "loneperiod", "redovisningsperiod"}, true},
       {"ansvar", {"ansvarskod", "ansvarsnr", "referenskod", "enhet"}, true},
       {"typ", {"tidtyp", "timtyp", "typ av tid"}, true},
       {"timmar", {"antal timmar", "tim", "timmar antal"}, true},
       {"belopp", {"belopp sek", "belopp kr", "kostnad", "summa"}, false}},
      {}};

  HrImport result;
  ImportSummary& summary = result.summary;
  summary.kind = SourceKind::Hr;
  summary.sourcePath = source.displayName();
  summary.fileHash = fileHash;
  std::map<HrKind, std::int64_t> acceptedByKind;
  std::int64_t acceptedCentihours = 0;
  std::int64_t rejectedCentihours = 0;
  std::int64_t negativeRows = 0;
  std::int64_t negativeCentihours = 0;

  source.read(kSpec, [&](const Record& record) {
    RowCheck row(record, summary);
    // The amounts first, so that a rejected row's kronor and hours are still accounted for.
    std::optional<std::int64_t> ore;
    if (!record.text("belopp").empty()) ore = row.amount("belopp");
    std::optional<std::int64_t> centihours;
    const std::string_view hoursText = record.text("timmar");
    if (hoursText.empty()) {
      row.fail(record.at("timmar"), "timmar saknas");
    } else {
      std::string error;
      centihours = record.amountOre("timmar", &error);  // hundredths, exactly as öre
      if (!centihours)
        row.fail(record.at("timmar"),
                 "ogiltigt antal timmar " + quotedValue(hoursText) + ": " + error);
    }
    const auto period = row.period("period");
    const auto ansvar = row.code("ansvar");
    std::optional<HrKind> kind;
    if (const auto typ = row.code("typ")) {
      kind = hrKindFromExport(*typ);
      if (!kind)
        row.fail(record.at("typ"), "okänd typ \"" + std::string(*typ) +
                                       "\" (tillåtna: " + std::string(kAllowedKinds) + ")");
    }
    if (!row.accept(ore)) {
      if (centihours) rejectedCentihours += *centihours;
      return;
    }
    const std::int64_t rowOre = ore.value_or(0);
    result.hours[HrKey{std::string(*ansvar), *period, *kind}] += HrAmount{*centihours, rowOre};
    summary.addToPeriod(period->code(), rowOre);
    acceptedCentihours += *centihours;
    acceptedByKind[*kind] += *centihours;
    if (*centihours < 0) {
      ++negativeRows;
      negativeCentihours += *centihours;
    }
  });

  summary.notes.push_back(hoursNote(acceptedByKind, acceptedCentihours, rejectedCentihours));
  if (negativeRows > 0)
    summary.warnings.push_back("Rader med negativa timmar: " + formatInteger(negativeRows, " ") +
                               " (Σ " + hours(negativeCentihours) +
                               "); de räknas som rättelser och dras av från summan.");
  return result;
}

}  // namespace namnd
