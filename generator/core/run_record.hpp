#pragma once
// What a batch run (`namnd kor`) leaves in its folder output/<kommun>/<nämnd>/<period>/: the file
// .namnd-korning.json, listing each report it made with the fingerprint of what the report was
// made from and the files it wrote. The next run skips a report whose fingerprint is the same and
// whose files are still there unchanged; the gallery reads the names and the period from it.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/period.hpp"

namespace namnd {

inline constexpr const char* kRunRecordFileName = ".namnd-korning.json";

struct RecordedFile {
  std::string name;    // relative to the run folder, '/'-separated
  std::string sha256;  // lower-case hex
};

struct RecordedReport {
  std::string id;           // "manadsrapport-202510", "delarsrapport-20250831"
  std::string fingerprint;  // SHA-256 (hex) of `inputs`
  // What the report was made from, each with its hash: the program, the config, the templates,
  // the command line and the input files it reads (the log names those that changed).
  std::vector<RecordedFile> inputs;
  std::vector<RecordedFile> files;
  int warnings = 0;  // the report's own checks
  // Checks that failed ("description: detail"; the report is made all the same): a later run
  // that skips the report still lists them.
  std::vector<std::string> failedChecks;
  double seconds = 0;  // time it took
  std::string madeAt;  // UTC, "2026-11-23T09:30:12Z"
};

struct RunRecord {
  std::string kommun;
  std::string namnd;
  Period period{2000, 1};
  std::vector<RecordedReport> reports;  // in the order they were made
  // Why the latest run of this folder failed (the first error, Swedish), empty when it succeeded:
  // the reports listed may then be older than the inputs, and the gallery says so.
  std::string lastFailure;

  const RecordedReport* find(const std::string& id) const;
  // Replaces the report of the same id, or appends it.
  void put(RecordedReport report);
  void remove(const std::string& id);
};

// The record in `runFolder`, or nullopt when there is none or it cannot be read (a damaged record
// only means that everything is made again).
std::optional<RunRecord> readRunRecord(const std::filesystem::path& runFolder);

// The record as the file holds it (JSON, keys sorted, ends with a newline), and back.
std::string runRecordJson(const RunRecord& record);
std::optional<RunRecord> parseRunRecord(const std::string& json);

}  // namespace namnd
