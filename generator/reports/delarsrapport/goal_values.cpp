#include "reports/delarsrapport/goal_values.hpp"

#include <algorithm>
#include <map>

#include "core/errors.hpp"
#include "core/number_format.hpp"
#include "core/rounding.hpp"
#include "core/swedish_calendar.hpp"
#include "core/volym_formula.hpp"

namespace namnd {
namespace {

constexpr std::string_view kDash = "\xE2\x80\x93";  // –, a value that cannot be given

std::int64_t powerOfTen(int exponent) {
  std::int64_t value = 1;
  for (int i = 0; i < exponent; ++i) value *= 10;
  return value;
}

// 7123, 2 → "71,23"; -5, 1 → "-0,5": an integer of 10^-decimals units, Swedish.
std::string formatScaled(std::int64_t scaled, int decimals) {
  const std::int64_t unit = powerOfTen(decimals);
  const bool negative = scaled < 0;
  const std::int64_t whole = negative ? -(scaled / unit) : scaled / unit;
  const std::int64_t fraction = negative ? -(scaled % unit) : scaled % unit;
  std::string text = (negative ? "-" : "") + formatInteger(whole);
  if (decimals > 0) {
    std::string digits = std::to_string(fraction);
    text += "," + std::string(static_cast<std::size_t>(decimals) - digits.size(), '0') + digits;
  }
  return text;
}

// The figure as shown: a number with the row's decimals, andel as a percentage. nullopt when it
// does not fit in 64 bits (no volymer file holds such numbers, but a crash is not the answer).
std::optional<std::string> figureText(const VolymOutcome& outcome, bool share, int decimals) {
  const WideInt scale = powerOfTen(decimals);
  if (!share) {
    const auto scaled = divideRoundedWide(WideInt{outcome.numerator} * scale, 100);
    if (!scaled) return std::nullopt;
    return formatScaled(*scaled, decimals);
  }
  const auto scaled =
      divideRoundedWide(WideInt{outcome.numerator} * 100 * scale, WideInt{outcome.denominator});
  if (!scaled) return std::nullopt;
  return formatScaled(*scaled, decimals) + std::string(kNbsp) + "%";
}

std::string monthText(Period p) { return swedishMonthAndYear(p.year(), p.month()); }

// "mars och augusti 2025", "januari, februari och mars 2024".
std::string monthsText(const std::vector<Period>& months) {
  std::string text;
  for (std::size_t i = 0; i < months.size(); ++i) {
    if (i > 0) text += i + 1 == months.size() ? " och " : ", ";
    text += swedishMonthName(months[i].month());
  }
  return text + " " + std::to_string(months.back().year());
}

// The longest run of '*' anywhere in the file's markers, footnotes and cells.
std::size_t longestStarRun(const GoalImport& goals) {
  std::size_t longest = 0;
  const auto scan = [&longest](std::string_view text) {
    std::size_t run = 0;
    for (const char c : text) {
      run = c == '*' ? run + 1 : 0;
      longest = std::max(longest, run);
    }
  };
  for (const GoalArea& area : goals.areas)
    for (const Goal& goal : area.goals) {
      for (const GoalFootnote& note : goal.footnotes) {
        scan(note.marker);
        scan(note.text);
      }
      for (const GoalMeasure& measure : goal.measures) {
        scan(measure.fotnot);
        for (const std::string& value : measure.values) scan(value);
      }
    }
  return longest;
}

class Resolver {
 public:
  Resolver(GoalImport& goals, Period per, const GoalVolymer& volymer)
      : goals_(goals), per_(per), volymer_(volymer), nextStars_(longestStarRun(goals) + 1) {}

  std::vector<CheckItem> run() {
    std::map<Period, int> otherMonths;  // typed Delår cells left out, by the month they are as of
    for (GoalArea& area : goals_.areas)
      for (Goal& goal : area.goals)
        for (GoalMeasure& measure : goal.measures) {
          if (measure.berakning) {
            goals_.hasColumn[kGoalDelar] = true;
            resolve(goal, measure);
          } else if (!measure.values[kGoalDelar].empty() && measure.period &&
                     *measure.period != per_) {
            measure.values[kGoalDelar].clear();
            ++otherMonths[*measure.period];
            note(goal, "Delår " + std::to_string(per_.year()) + ": uppgift per " + monthText(per_) +
                           " saknas; underlaget har värden per " + monthText(*measure.period) +
                           ".");
          }
        }
    for (const auto& [month, count] : otherMonths)
      checks_.push_back(
          {"Mätetal med delårsvärden för en annan månad (" + goals_.summary.sourcePath + ")",
           std::to_string(count) + " ifyllda delårsvärden avser " + monthText(month) +
               ", rapporten avser " + monthText(per_) + ": cellerna visas tomma med en fotnot",
           CheckStatus::Warning});
    if (computedCells_ > 0) {
      checks_.insert(checks_.begin(),
                     {"Mätetal beräknade ur volymerna (" + goals_.summary.sourcePath + ")",
                      std::to_string(computedCells_) + " celler beräknade" +
                          (volymer_.table ? " ur " + volymer_.displayName : std::string()),
                      CheckStatus::Ok});
    }
    return std::move(checks_);
  }

 private:
  void resolve(Goal& goal, GoalMeasure& measure) {
    const VolymFormula& formula = *measure.berakning;
    const int year = per_.year();
    if (!volymer_.table) {
      // Every cell the beräkning should fill is marked; one warning for the row.
      measure.values[kGoalDelar] =
          std::string(kDash) + " " +
          marker(goal, "Delår " + std::to_string(year) + ": uppgift saknas.");
      for (const std::size_t column : {kGoalUtfallAr1, kGoalUtfallAr2}) {
        if (!goals_.hasColumn[column] || !measure.values[column].empty()) continue;
        const int earlier = year - (column == kGoalUtfallAr1 ? 1 : 2);
        measure.values[column] =
            std::string(kDash) + " " +
            marker(goal, "Utfall " + std::to_string(earlier) + ": uppgift saknas.");
      }
      warn(measure, "kan inte beräknas: ingen volymfil finns i konfigurationen (" +
                        volymer_.configKey + ")");
      return;
    }
    computeDelar(goal, measure, formula);
    for (const std::size_t column : {kGoalUtfallAr1, kGoalUtfallAr2}) {
      if (!goals_.hasColumn[column] || !measure.values[column].empty()) continue;
      const int earlier = year - (column == kGoalUtfallAr1 ? 1 : 2);
      computeUtfall(goal, measure, formula, column, earlier);
    }
  }

  void computeDelar(Goal& goal, GoalMeasure& measure, const VolymFormula& formula) {
    const PeriodRange window = PeriodRange::ack(per_);
    const std::string label = "Delår " + std::to_string(per_.year());
    const VolymOutcome outcome = evaluateVolymFormula(formula, *volymer_.table, window);
    if (outcome.status == VolymOutcome::Status::UnknownMeasure)
      throw InputError(measure.berakningWhere, "okänt mått \"" + outcome.measure +
                                                   "\" i beräkningen " + formula.text() + ": " +
                                                   volymer_.displayName + " har inget sådant mått" +
                                                   knownMeasures());
    if (const auto reason = failure(outcome, window, formula)) {
      unavailable(goal, measure, label, reason->publicText, reason->detail);
      return;
    }
    const auto text = figureText(outcome, formula.isShare(), measure.decimals);
    if (!text) {
      unavailable(goal, measure, label, "värdet är för stort för att visas",
                  "värdet är för stort för att visas");
      return;
    }
    std::string& cell = measure.values[kGoalDelar];
    cell = *text;
    ++computedCells_;
    if (const auto partial = partialCoverage(outcome, window, formula)) {
      cell += " " + marker(goal, label + ": " + *partial + ".");
      warn(measure, label + ": " + *partial);
    }
  }

  // An earlier year's utfall: only a whole year of volymer gives one.
  void computeUtfall(Goal& goal, GoalMeasure& measure, const VolymFormula& formula,
                     std::size_t column, int year) {
    const PeriodRange window = PeriodRange::wholeYear(year);
    const VolymOutcome outcome = evaluateVolymFormula(formula, *volymer_.table, window);
    const std::string label = "Utfall " + std::to_string(year);
    if (const auto reason = failure(outcome, window, formula)) {
      unavailable(goal, measure, label, reason->publicText, reason->detail, column);
      return;
    }
    // Part of a year is no year's utfall: marked like a Delår that cannot be computed.
    if (const auto partial = partialCoverage(outcome, window, formula)) {
      unavailable(goal, measure, label, "uppgift saknas för hela " + std::to_string(year), *partial,
                  column);
      return;
    }
    const auto text = figureText(outcome, formula.isShare(), measure.decimals);
    if (!text) {
      unavailable(goal, measure, label, "värdet är för stort för att visas",
                  "värdet är för stort för att visas", column);
      return;
    }
    measure.values[column] = *text;
    ++computedCells_;
  }

  // " (måtten i volymerna: anstallda, invanare …)" for an error about an unknown mått.
  std::string knownMeasures() const {
    std::string names;
    for (const std::string& code : volymer_.table->measures())
      names += (names.empty() ? "" : ", ") + code;
    return names.empty() ? std::string() : " (måtten i volymerna: " + names + ")";
  }

  struct Failure {
    std::string publicText;  // for the footnote under the table: no file names
    std::string detail;      // for the check
  };

  // Why the figure cannot be shown, or nullopt when it can.
  std::optional<Failure> failure(const VolymOutcome& outcome, PeriodRange window,
                                 const VolymFormula& formula) const {
    using Status = VolymOutcome::Status;
    const std::string months =
        window.first == window.last
            ? monthText(window.first)
            : std::string(swedishMonthName(window.first.month())) + "–" + monthText(window.last);
    switch (outcome.status) {
      case Status::Ok:
        return std::nullopt;
      case Status::UnknownMeasure:
      case Status::NoValue:
        return Failure{
            "uppgift saknas för " + measureName(outcome.measure) + " " + months,
            volymer_.displayName + " har inget värde för " + outcome.measure + " " + months};
      case Status::ZeroDenominator: {
        // A total of senaste() terms is 0 in the month they are counted in.
        const bool stock =
            formula.ofTotal && formula.ofTotal->aggregation == VolymAggregation::Senaste;
        const std::string when =
            stock && outcome.stockMonth ? monthText(*outcome.stockMonth) : months;
        return Failure{
            "andelen kan inte beräknas eftersom " + measureName(outcome.measure) + " är 0 för " +
                when,
            "andelen kan inte beräknas eftersom " + outcome.measure + " är 0 för " + when};
      }
    }
    return std::nullopt;
  }

  // "utford_tid" → "utford tid": the mått as a reader of the table reads it.
  static std::string measureName(std::string code) {
    std::replace(code.begin(), code.end(), '_', ' ');
    return code;
  }

  // "värdet avser juli 2025", "volymerna saknar mars 2025 för summa(…)"; nullopt for a figure of
  // the whole window.
  static std::optional<std::string> partialCoverage(const VolymOutcome& outcome, PeriodRange window,
                                                    const VolymFormula& formula) {
    std::string text;
    if (outcome.stockMonth && *outcome.stockMonth != window.last)
      text = "värdet avser " + monthText(*outcome.stockMonth) + ", den senaste månaden i volymerna";
    if (!outcome.missingMonths.empty())
      text += (text.empty() ? "" : "; ") + std::string("summan saknar ") +
              monthsText(outcome.missingMonths) + " (" + formula.text() + ")";
    if (text.empty()) return std::nullopt;
    return text;
  }

  void unavailable(Goal& goal, GoalMeasure& measure, const std::string& label,
                   const std::string& publicReason, const std::string& detail,
                   std::size_t column = kGoalDelar) {
    measure.values[column] =
        std::string(kDash) + " " + marker(goal, label + ": " + publicReason + ".");
    warn(measure, label + " kan inte beräknas: " + detail);
  }

  // A footnote without a marker (it concerns a whole column of its table), once per table.
  static void note(Goal& goal, const std::string& text) {
    const bool listed = std::any_of(goal.footnotes.begin(), goal.footnotes.end(),
                                    [&](const GoalFootnote& n) { return n.text == text; });
    if (!listed) goal.footnotes.push_back({"", text});
  }

  void warn(const GoalMeasure& measure, const std::string& detail) {
    checks_.push_back({"Beräknat mätetal " + measure.matetal + " (" + measure.where.file + " rad " +
                           std::to_string(measure.where.line) + ")",
                       detail, CheckStatus::Warning});
  }

  // One marker per footnote text, each longer than any the file uses.
  std::string marker(Goal& goal, const std::string& text) {
    const auto [found, inserted] = markerOf_.try_emplace(text, std::string(nextStars_, '*'));
    if (inserted) ++nextStars_;
    const bool listed =
        std::any_of(goal.footnotes.begin(), goal.footnotes.end(),
                    [&](const GoalFootnote& n) { return n.marker == found->second; });
    if (!listed) goal.footnotes.push_back({found->second, text});
    return found->second;
  }

  GoalImport& goals_;
  Period per_;
  const GoalVolymer& volymer_;
  std::size_t nextStars_;
  std::map<std::string, std::string> markerOf_;
  std::vector<CheckItem> checks_;
  int computedCells_ = 0;
};

}  // namespace

std::vector<CheckItem> resolveGoalValues(GoalImport& goals, Period per,
                                         const GoalVolymer& volymer) {
  return Resolver(goals, per, volymer).run();
}

}  // namespace namnd
