#include "reports/kontroll/kontroll_builder.hpp"

namespace namnd {

Document buildKontrollrapport(DocumentMeta meta, Period period, const DataQualityInput& input,
                              const ReportTexts& texts) {
  PlaceholderValues values;
  addPeriodPlaceholders(values, "period", period);
  Document doc;
  doc.kind = "kontroll";
  doc.title = texts.text("titel", values);
  doc.meta = std::move(meta);
  doc.meta.periodLabel = texts.text("periodtext", values);
  doc.meta.documentDate = values.at("period.datum");

  CheckSection checks;
  checks.id = "kontroller";
  checks.title = texts.text("kontroller.rubrik", values);
  addDataQualityChecks(checks, input, 200);

  std::size_t warnings = 0, errors = 0;
  for (const CheckItem& item : checks.items) {
    warnings += item.status == CheckStatus::Warning;
    errors += item.status == CheckStatus::Error;
  }
  values["varningar"] = std::to_string(warnings);
  values["fel"] = std::to_string(errors);
  doc.sections.emplace_back(TextSection{"sammanfattning",
                                        texts.text("sammanfattning.rubrik", values),
                                        {texts.text("sammanfattning.text", values)},
                                        {}});
  doc.sections.emplace_back(std::move(checks));
  return doc;
}

}  // namespace namnd
