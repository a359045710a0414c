#include "batch/run_plan.hpp"

#include <algorithm>
#include <cstdio>
#include <set>

#include "core/errors.hpp"

namespace namnd {
namespace {

std::string periodList(const ReportRequest& request, Period runPeriod) {
  std::set<Period> periods(request.extraPeriods.begin(), request.extraPeriods.end());
  periods.insert(runPeriod);
  std::string text;
  for (const Period p : periods) text += (text.empty() ? "" : ",") + p.toString();
  return text;
}

std::string joined(const std::vector<std::string>& items) {
  std::string text;
  for (const auto& item : items) text += (text.empty() ? "" : ",") + item;
  return text;
}

PlannedReport planReport(const ReportRequest& request, Period period, const RunPlan& run,
                         bool pdf) {
  PlannedReport report{.request = request, .id = reportId(request, period)};
  std::vector<std::string>& args = report.args;
  args = {"--config", run.configPath.string(), "--ut", run.folder.string()};
  bool canPrint = true;
  switch (request.kind) {
    case ReportKind::Manadsrapport:
    case ReportKind::Kontroll:
    case ReportKind::Prognosunderlag:
      report.command = reportKindName(request.kind);
      args.insert(args.end(), {"--period", period.toString()});
      canPrint = request.kind != ReportKind::Prognosunderlag;
      break;
    case ReportKind::Delarsrapport:
    case ReportKind::Halvarsrapport: {
      const Period per = delarsrapportPer(request, period);
      report.command = "delarsrapport";
      char date[16];
      std::snprintf(date, sizeof date, "%04d-%02d-%02d", per.year(), per.month(), per.lastDay());
      args.insert(args.end(), {"--per", date});
      break;
    }
    case ReportKind::Avvikelser: {
      const HalfYearPeriod half = avvikelserPeriod(request, period);
      report.command = "avvikelser";
      args.insert(args.end(), {"--period", half.code()});
      break;
    }
    case ReportKind::Nyckeltal:
      report.command = "nyckeltal";
      args.insert(args.end(), {"--period", periodList(request, period), "--format",
                               request.formats.empty() ? "xlsx,html" : joined(request.formats)});
      if (!request.nyckeltalIds.empty())
        args.insert(args.end(), {"--matt", joined(request.nyckeltalIds)});
      // Its page is printed when there is one.
      canPrint = request.formats.empty() ||
                 std::find(request.formats.begin(), request.formats.end(), "html") !=
                     request.formats.end();
      break;
  }
  report.printable = canPrint;
  if (pdf && canPrint) args.push_back("--pdf");
  return report;
}

}  // namespace

std::string reportId(const ReportRequest& request, Period runPeriod) {
  switch (request.kind) {
    case ReportKind::Delarsrapport:
    case ReportKind::Halvarsrapport: {
      const Period per = delarsrapportPer(request, runPeriod);
      return "delarsrapport-" + std::to_string(per.code() * 100 + per.lastDay());
    }
    case ReportKind::Avvikelser:
      return "avvikelser-" + avvikelserPeriod(request, runPeriod).code();
    default:
      return std::string(reportKindName(request.kind)) + "-" + runPeriod.toString();
  }
}

std::string folderName(std::string_view name) {
  std::string safe;
  for (const char c : name) {
    const auto byte = static_cast<unsigned char>(c);
    const bool refused = byte < 0x20 || byte == 0x7F || c == '\\' || c == '/' || c == ':' ||
                         c == '*' || c == '?' || c == '"' || c == '<' || c == '>' || c == '|';
    safe += refused ? '-' : c;
  }
  const auto first = safe.find_first_not_of(" .");
  if (first == std::string::npos) return "namnlos";
  safe.erase(0, first);
  safe.erase(safe.find_last_not_of(" .") + 1);
  return safe;
}

RunPlan planRun(const RunConfig& config, Period period, const std::vector<ReportRequest>& requests,
                const std::filesystem::path& outputRoot, bool pdf, const std::string& where) {
  RunPlan run{.configPath = config.configPath,
              .kommun = config.kommun,
              .namnd = config.namnd,
              .period = period,
              .folder = outputRoot / folderName(config.kommun) / folderName(config.namnd) /
                        period.toString()};
  std::set<std::string> ids;
  for (const ReportRequest& request : requests) {
    PlannedReport report = planReport(request, period, run, pdf);
    if (!ids.insert(report.id).second)
      throw ConfigError(where + " " + report.id + " finns två gånger bland rapporterna");
    run.reports.push_back(std::move(report));
  }
  return run;
}

}  // namespace namnd
