#pragma once
// What every part of the avvikelse report shares: the texts with the period's placeholders, the
// org levels, how a span and a number are written, and the counts computed once from the records.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aggregate/avvikelse_counts.hpp"
#include "aggregate/avvikelse_units.hpp"
#include "reports/avvikelser/avvikelser_builder.hpp"

namespace namnd {

// The counts the sections and the checks show.
struct AvvikelserFigures {
  OversiktCounts oversikt;  // its last span is the period
  AvvikelseTotals current;
  AvvikelseTotals previous;                // the same span a year earlier
  std::int64_t registeredAfter = 0;        // every part
  std::int64_t registeredAfterSolLss = 0;  // the SoL/LSS part (the Översikt's footnote)
  std::int64_t registeredAfterHsl = 0;     // the HSL part (the HSL tables' footnote)
  OrgTally solLssPerUnit;                  // SoL/LSS avvikelser of the period, from the areas down
  std::vector<KategoriCount> hslKategorier;
  std::vector<UnitReporting> units;  // the under-reporting signal of every enhet considered
  // Where each part's registers start (its first registration; every record's when the part has
  // none): a span that ends before that is not reached and is shown blank, not as 0.
  std::optional<CalendarDate> firstSolLss;
  std::optional<CalendarDate> firstHsl;
};

// The columns of a set of AvvikelseColumn bits as a register names them: its own header from the
// config ("kolumner"), else the report's name for the column ("Höftbyxa, Fraktur"), never the
// tool's internal key.
std::string registerColumnNames(const ReportTexts& texts, const AvvikelseRegisterFile& file,
                                std::uint16_t columns);

class AvvikelserView {
 public:
  AvvikelserView(const AvvikelserInput& input, const ReportTexts& texts);

  const AvvikelserInput& input() const { return input_; }
  const HalfYearPeriod& period() const { return input_.period; }
  const OrgTree& tree() const { return input_.tree; }
  int areaLevel() const { return areaLevel_; }
  int unitLevel() const { return unitLevel_; }
  const PlaceholderValues& values() const { return values_; }
  const AvvikelserFigures& figures() const { return figures_; }

  // The template's text with the report's placeholders (and `extra` over them).
  std::string text(std::string_view key) const;
  std::string text(std::string_view key, const PlaceholderValues& extra) const;
  // "Halvår 2022" / "Helår 2022" (column headers) and "första halvåret 2022" (running text).
  std::string spanColumn(const HalfYearPeriod& span) const;
  std::string spanText(const HalfYearPeriod& span) const;
  // 1 234 with the template's thousands separator.
  std::string number(std::int64_t value) const;
  // The "en"/"flera" variant of a sentence, with {antal} filled.
  std::string countSentence(std::string_view keyPrefix, std::int64_t count,
                            PlaceholderValues extra = {}) const;
  // Whether the registers of a part reach the span; a span before they start is shown blank
  // (no Förändring either) with beforeRegistersNote, and prose leaves the comparison out.
  bool reaches(const HalfYearPeriod& span, AvvikelseDel del) const;
  // Both parts: what the grand total needs.
  bool reachesBoth(const HalfYearPeriod& span) const;
  // "Registren börjar 2022-01-01: tomma kolumner …" for a table with a blank column.
  std::string beforeRegistersNote(AvvikelseDel del) const;
  // "uppgift saknas": a figure no register could count (its column is missing).
  std::string missing() const;
  // The footnote for a figure whose records partly or wholly come from registers without the
  // column it needs; nullopt when every record's file has it. `figure` names the figure as the
  // table does ("Med höftbyxa, Halvår 2025").
  std::optional<std::string> coverageNote(const ColumnCoverage& coverage, AvvikelseColumn column,
                                          const std::string& figure) const;
  // An optional column as the user knows it: the header the config gives it for every one of
  // `files` ("kolumner"), or else the template's Swedish name ("Höftbyxa"), never the internal key.
  std::string columnName(AvvikelseColumn column, const std::vector<std::string>& files) const;
  // One footnote per moved org node: the text `key` with {enhet}, {fran} and {till} (the parents'
  // names before and after) besides `extra`.
  std::vector<std::string> moveNotes(const std::vector<OrgMove>& moves, std::string_view key,
                                     PlaceholderValues extra = {}) const;
  // The columns of a set of AvvikelseColumn bits as one register names them (registerColumnNames).
  std::string columnNames(std::uint16_t columns, const std::string& file) const;

 private:
  const AvvikelserInput& input_;
  const ReportTexts& texts_;
  int areaLevel_ = 2;
  int unitLevel_ = 3;
  PlaceholderValues values_;
  AvvikelserFigures figures_;
};

// The template's name of a record set's empty händelsetyp.
std::string handelsetypName(const AvvikelserView& view, const std::string& handelsetyp);

}  // namespace namnd
