#pragma once
// One run of a batch resolved into what it makes: the folder <utdata>/<kommun>/<nämnd>/<period>/
// and, for each report, its id and the command line of the single-report command that makes it
// (so that a batch run and `namnd manadsrapport …` make the same bytes).

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/period.hpp"
#include "core/report_request.hpp"
#include "core/run_config.hpp"

namespace namnd {

struct PlannedReport {
  ReportRequest request;
  std::string id;                 // "manadsrapport-202510", "delarsrapport-20250831"
  std::string command;            // "manadsrapport", "delarsrapport" …
  std::vector<std::string> args;  // the command's arguments, with --config and --ut
  bool printable = false;         // it has an HTML page a PDF can be printed from
};

struct RunPlan {
  std::filesystem::path configPath;
  std::string kommun;
  std::string namnd;
  Period period;
  std::filesystem::path folder;  // <root>/<kommun>/<nämnd>/<period>
  std::vector<PlannedReport> reports;
};

// "manadsrapport-202510", "delarsrapport-20250831", "avvikelser-2025H1": the report's files'
// stem and its key in the run record; two requests of a run with the same id make the same files.
std::string reportId(const ReportRequest& request, Period runPeriod);

// A name as one folder of a path that a nämnd secretary can use in any file manager: the name
// as written, with the characters Windows refuses in a file name (\ / : * ? " < > |) and control
// characters replaced by '-', without leading or trailing spaces and dots; "namnlos" if nothing is
// left.
std::string folderName(std::string_view name);

// The plan for `requests` (as the job or the config lists them). `pdf` adds --pdf to the reports
// that have an HTML page (not the prognosunderlag, nor a nyckeltal without "html" in "format") (the
// config's own "pdf" is left to the commands, which only warn without Chromium). ConfigError naming
// `where` when two requests make the same report.
RunPlan planRun(const RunConfig& config, Period period, const std::vector<ReportRequest>& requests,
                const std::filesystem::path& outputRoot, bool pdf, const std::string& where);

}  // namespace namnd
