#include "reports/avvikelser/underreporting_basis.hpp"

#include "core/errors.hpp"

namespace namnd {

std::optional<UnderReportingVolymerFile> underReportingVolymerFile(const RunConfig& config) {
  if (config.avvikelser.underReportingRule().basis != UnderReportingRule::Basis::Volym)
    return std::nullopt;
  if (config.avvikelser.volymer)
    return UnderReportingVolymerFile{*config.avvikelser.volymer, "avvikelser.volymer"};
  if (config.delarsrapport.volymer)
    return UnderReportingVolymerFile{*config.delarsrapport.volymer, "delarsrapport.volymer"};
  throw ConfigError(config.configPath.string() +
                    ": \"avvikelser.underrapportering\" har underlag \"volym\" men ingen "
                    "volymfil: ange \"avvikelser.volymer\" (eller \"delarsrapport.volymer\")");
}

void requireUnderReportingMeasure(const RunConfig& config, const UnderReportingVolymerFile& file,
                                  const VolymTable& volymer) {
  const UnderReportingRule rule = config.avvikelser.underReportingRule();
  if (rule.basis != UnderReportingRule::Basis::Volym || volymer.hasMeasure(rule.matt)) return;
  std::string measures;
  for (const std::string& code : volymer.measures())
    measures += (measures.empty() ? "" : ", ") + code;
  throw ConfigError(
      config.configPath.string() + ": \"avvikelser.underrapportering.matt\" \"" + rule.matt +
      "\" finns inte i volymerna " + file.file.displayName + " (\"" + file.configKey + "\"), som " +
      (measures.empty() ? std::string("inte har några mått") : "har måtten " + measures));
}

}  // namespace namnd
