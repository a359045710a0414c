#pragma once
// One report a batch run makes (issue 11): its kind and what it needs beyond the run's month.
// The list is written in a job file's run or in a config's "rapporter", as names or objects:
//   ["manadsrapport", {"rapport": "delarsrapport", "per": "2025-08-31"},
//    {"rapport": "nyckeltal", "matt": ["sjukfranvaro"], "perioder": ["202412"]}]

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar_date.hpp"
#include "core/period.hpp"

namespace Poco::Dynamic {
class Var;
}

namespace namnd {

enum class ReportKind {
  Manadsrapport,
  Prognosunderlag,
  Delarsrapport,
  Halvarsrapport,  // the delårsrapport per 30 June
  Avvikelser,
  Kontroll,
  Nyckeltal,
};

// "manadsrapport" …, as the job file and the config write it.
std::string_view reportKindName(ReportKind kind);
std::optional<ReportKind> reportKindFromName(std::string_view name);
// The names, comma-separated, for messages.
std::string reportKindNames();

struct ReportRequest {
  ReportKind kind = ReportKind::Manadsrapport;
  // "per" (delårsrapport): the report's month-end; none = the run's month.
  std::optional<Period> per;
  // "period" (avvikelser): the half year or year; none = the last half year the run's month
  // closes or has passed.
  std::optional<HalfYearPeriod> halfYear;
  // Nyckeltal: "matt" (ids; empty = the config's urval, else all), "perioder" (shown beside the
  // run's month) and "format" (empty = xlsx and html).
  std::vector<std::string> nyckeltalIds;
  std::vector<Period> extraPeriods;
  std::vector<std::string> formats;
};

// Reads a "rapporter" list. `where` starts every message ("jobb.json: \"korningar[2].rapporter\"");
// throws ConfigError for anything but a non-empty list of known names or objects with known keys.
std::vector<ReportRequest> readReportRequests(const Poco::Dynamic::Var& list,
                                              const std::string& where);

// The period a request makes its report for, given the run's month.
Period delarsrapportPer(const ReportRequest& request, Period runPeriod);
HalfYearPeriod avvikelserPeriod(const ReportRequest& request, Period runPeriod);

}  // namespace namnd
