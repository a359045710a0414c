#pragma once
// How a figure is computed from the volymer (core/volym_table.hpp), as the one who fills in the
// mål or nyckeltal file writes it:
//
//   senaste(anstallda)                  a stock: Σ over ansvar in the last month of the window
//                                       that has rows of the mått (point in time, never summed
//                                       over months: 52 anställda in August are not 416 a year)
//   anstallda                           the same as senaste(anstallda)
//   summa(placeringsdygn)               a flow: Σ over ansvar and every month of the window
//   andel(heltidsanstallda, anstallda)  a percentage of two such terms; the bare names are
//                                       senaste(), so both are counted in the same month
//   andel(summa(utford_tid), summa(beviljad_tid))
//
// Whether a mått is a stock or a flow is said in the formula, where the reader of the file sees
// it, rather than in a list of mått somewhere else. Function names are case-insensitive; mått
// names are folded as volymMeasureCode folds them ("Utförd tid" = utford_tid).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/period.hpp"
#include "core/volym_table.hpp"

namespace namnd {

enum class VolymAggregation { Senaste, Summa };

struct VolymTerm {
  VolymAggregation aggregation = VolymAggregation::Senaste;
  std::string matt;  // canonical code
};

struct VolymFormula {
  VolymTerm value;                   // the figure, or andel's numerator
  std::optional<VolymTerm> ofTotal;  // andel's denominator; set = a percentage
  bool isShare() const { return ofTotal.has_value(); }
  std::string text() const;  // canonical: "andel(senaste(a), senaste(b))"
};

// nullopt with a Swedish reason in *error for anything that is not one of the forms above.
std::optional<VolymFormula> parseVolymFormula(std::string_view text, std::string* error);

struct VolymOutcome {
  enum class Status {
    Ok,
    UnknownMeasure,   // `measure` has no row at all in the volymer
    NoValue,          // `measure` has no row in the window (for andel's senaste: no common month)
    ZeroDenominator,  // andel of a total that is 0
  };
  Status status = Status::Ok;
  std::string measure;
  // The figure is numerator / denominator: for a plain term hundredths / 100, for andel the two
  // sums in hundredths (× 100 for percent). Both exact.
  std::int64_t numerator = 0;
  std::int64_t denominator = 100;
  // Set when Ok, for saying which months a figure covers. stockMonth: the month every senaste()
  // term is counted in (before the window's last month when the volymer stop earlier).
  // missingMonths: the months of the window without a row of some summa() term, ascending.
  std::optional<Period> stockMonth;
  std::vector<Period> missingMonths;
};

// The formula over the months of `window` (January through the report's month for the year to
// date, January–December for an earlier year's utfall).
VolymOutcome evaluateVolymFormula(const VolymFormula& formula, const VolymTable& volymer,
                                  PeriodRange window);

}  // namespace namnd
