#include "reports/manadsrapport/lagesbild.hpp"

#include "core/money.hpp"
#include "core/number_format.hpp"
#include "core/reporting_calendar.hpp"
#include "core/rounding.hpp"

namespace namnd {

std::int64_t straightLineTkr(std::int64_t ackAvvikelseOre, int months, std::int64_t stepTkr) {
  // One division of the exact fraction ack × 12 / (months × step), so nothing is rounded twice.
  return roundHalfAwayFromZero(ackAvvikelseOre * 12, months * stepTkr * Money::kOrePerTkr) *
         stepTkr;
}

std::int64_t differenceToSnapshotTkr(std::int64_t ackAvvikelseOre, int months,
                                     std::int64_t snapshotAvvikelseOre, std::int64_t stepTkr) {
  const std::int64_t numerator = ackAvvikelseOre * 12 - snapshotAvvikelseOre * months;
  return roundHalfAwayFromZero(numerator, months * stepTkr * Money::kOrePerTkr) * stepTkr;
}

std::string proseAmount(std::int64_t tkr, std::string_view minus, std::string_view groupSeparator) {
  const std::string magnitude = formatInteger(tkr < 0 ? -tkr : tkr, groupSeparator);
  return tkr < 0 ? std::string(minus) + magnitude : magnitude;
}

TextSection buildLagesbild(const LagesbildInput& input, const ReportTexts& texts,
                           const PlaceholderValues& periodValues) {
  PlaceholderValues values = periodValues;
  const std::string minus = texts.text("lagesbild.minustecken", values);
  const std::string separator = texts.text("lagesbild.tusentalsavgransare", values);
  const int months = input.period.month();

  TextSection section;
  section.id = "lagesbild";
  section.title = texts.text("lagesbild.rubrik", values);

  const std::int64_t resultat = straightLineTkr(input.ackAvvikelseOre, months, kOmkringStepTkr);
  values["resultat"] = proseAmount(resultat, minus, separator);
  values["resultat.belopp"] = proseAmount(resultat < 0 ? -resultat : resultat, minus, separator);
  section.paragraphs.push_back(texts.text(resultat < 0   ? "lagesbild.resultat_underskott"
                                          : resultat > 0 ? "lagesbild.resultat_overskott"
                                                         : "lagesbild.resultat_noll",
                                          values));

  if (input.snapshotPeriod) {
    addPeriodPlaceholders(values, "jamford", *input.snapshotPeriod);
    values["jamforelse"] =
        texts.text(isDelarsPeriod(*input.snapshotPeriod) ? "lagesbild.jamforelse_delar"
                                                         : "lagesbild.jamforelse_lamnad",
                   values);
    const std::int64_t skillnad = differenceToSnapshotTkr(
        input.ackAvvikelseOre, months, input.snapshotAvvikelseOre, kCirkaStepTkr);
    values["skillnad"] = proseAmount(skillnad < 0 ? -skillnad : skillnad, minus, separator);
    section.paragraphs.push_back(texts.text(skillnad < 0   ? "lagesbild.skillnad_samre"
                                            : skillnad > 0 ? "lagesbild.skillnad_battre"
                                                           : "lagesbild.skillnad_lika",
                                            values));
    if (!input.snapshotMissing.empty()) {
      // A partly returned prognosis: the comparison is with what was returned, and says so.
      std::string names;
      for (const std::string& name : input.snapshotMissing)
        names += (names.empty() ? "" : ", ") + name;
      values["saknas"] = names;
      section.paragraphs.push_back(texts.text("lagesbild.ofullstandig", values));
    }
  } else {
    section.paragraphs.push_back(texts.text("lagesbild.ingen_prognos", values));
  }

  values["ack_avvikelse"] = proseAmount(
      roundHalfAwayFromZero(input.ackAvvikelseOre, Money::kOrePerTkr), minus, separator);
  values["manader"] = std::to_string(months) + (months == 1 ? " månad" : " månader");
  section.paragraphs.push_back(texts.text("lagesbild.metod", values));
  return section;
}

}  // namespace namnd
