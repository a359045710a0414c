#pragma once
// What one run of a batch did, report by report, for the run summary and the batch log: made,
// skipped as unchanged, or failed with its error; the inputs with their hashes, the files written,
// the warnings of the reports' checks and the time taken. A run in a child process hands its
// result to the batch as JSON.

#include <optional>
#include <string>
#include <vector>

#include "core/run_record.hpp"

namespace namnd {

enum class ReportStatus { Made, Skipped, Planned, Failed };

struct ReportResult {
  std::string id;  // "manadsrapport-202510"
  ReportStatus status = ReportStatus::Failed;
  std::vector<std::string> files;  // relative to the run folder
  int warnings = 0;
  std::vector<std::string> failedChecks;
  std::vector<std::string> changedInputs;  // Made/Planned: why it is made again
  std::vector<std::string> notes;          // what the user should know ("ingen PDF: …")
  std::string error;                       // Failed: the Swedish message
  double seconds = 0;
};

struct RunResult {
  std::string config;  // the config as the job names it
  std::string kommun;  // empty when the config could not be read
  std::string namnd;
  std::string period;  // "202510", or the rule when it could not be resolved
  std::string folder;  // the run folder, empty when not known
  std::vector<RecordedFile> inputs;
  std::vector<ReportResult> reports;
  std::string error;  // the run as a whole could not be made (config, import, period)
  std::string note;   // what the user should know about the run as a whole
  double seconds = 0;

  bool succeeded() const;
  // "Exempelby kommun · Socialnämnden · 202510", or the config and period.
  std::string label() const;
  int count(ReportStatus status) const;
};

std::string runResultJson(const RunResult& result);
std::optional<RunResult> parseRunResult(const std::string& json);

// The summary of a whole batch: a line per run and one per report, and the totals. `title` is
// the first line ("Körning 2026-11-23 09:30 UTC").
std::string summaryText(const std::string& title, const std::vector<RunResult>& runs,
                        double seconds);
// The same as JSON: {"korning": title, "sekunder": …, "korningar": [run…]}.
std::string summaryJson(const std::string& title, const std::vector<RunResult>& runs,
                        double seconds);

// "12,3 s": seconds with a decimal comma.
std::string secondsText(double seconds);

}  // namespace namnd
