#pragma once
// The job file of a batch run (`namnd kor --jobb jobb.json`, issue 11): where the reports go and
// the runs to make, each a config (one kommun's nämnd), a period and the reports. Paths are
// relative to the job file's folder.
//
//   {
//     "utdata": "../../output",
//     "pdf": true,
//     "korningar": [
//       {"config": "namnd.json", "period": "senast_stangda",
//        "rapporter": ["manadsrapport", "kontroll", {"rapport": "nyckeltal", "perioder":
//        ["202412"]}]},
//       {"config": "namnd.json", "period": "202508", "rapporter": ["delarsrapport", "avvikelser"]}
//     ]
//   }

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/period.hpp"
#include "core/report_request.hpp"

namespace namnd {

// "period": a month, or "senast_stangda": the latest month of the ledger before the current
// month (batch/period_rule.hpp), resolved when the run has imported its ledger.
struct PeriodChoice {
  std::optional<Period> month;  // none = the last closed month
  std::string text() const;     // "202510" or "senast_stangda"
};

inline constexpr const char* kLastClosedMonth = "senast_stangda";

// Reads "202510" or "senast_stangda"; nullopt for anything else.
std::optional<PeriodChoice> parsePeriodChoice(const std::string& text);

struct JobRun {
  std::filesystem::path config;  // absolute
  std::string configName;        // as the job file writes it, for messages
  PeriodChoice period;
  // "rapporter"; none = the list in the config ("rapporter").
  std::optional<std::vector<ReportRequest>> reports;
  // Where that list is written, for messages: "jobb.json: \"korningar[1].rapporter\"".
  std::string reportsWhere;
};

struct Job {
  std::filesystem::path file;        // absolute
  std::filesystem::path outputRoot;  // "utdata": the runs go to <utdata>/<kommun>/<nämnd>/<period>/
  bool pdf = false;                  // "pdf": print the HTML reports to PDF as well
  std::vector<JobRun> runs;
};

// Reads and checks the job file. ConfigError (Swedish, naming the file and the key, e.g.
// "korningar[2].period") for invalid JSON, a missing or mistyped key, an unknown key, a config
// that does not exist or an unknown report.
Job readJobFile(const std::filesystem::path& file);

}  // namespace namnd
