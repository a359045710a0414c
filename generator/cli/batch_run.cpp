#include "cli/batch_run.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <functional>
#include <map>

#include "batch/period_rule.hpp"
#include "batch/report_inputs.hpp"
#include "batch/run_plan.hpp"
#include "cli/arguments.hpp"
#include "cli/commands.hpp"
#include "cli/import_outcome_printer.hpp"
#include "core/errors.hpp"
#include "ingest/source_file.hpp"
#include "render/atomic_output_file.hpp"
#include "store/import_sources.hpp"

namespace namnd {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

std::string utcNow() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

using Maker = ReportOutcome (*)(const std::vector<std::string>&, std::ostream&);

Maker makerFor(const std::string& command) {
  static const std::map<std::string, Maker> kMakers = {
      {"manadsrapport", makeManadsrapport}, {"prognosunderlag", makePrognosunderlag},
      {"delarsrapport", makeDelarsrapport}, {"avvikelser", makeAvvikelser},
      {"kontroll", makeKontroll},           {"nyckeltal", makeNyckeltal}};
  return kMakers.at(command);
}

// The message main would print for the error, so that the log reads like the command's own.
template <typename Body>
std::optional<std::string> userError(Body body) {
  try {
    body();
    return std::nullopt;
  } catch (const UsageError& e) {
    return std::string("Fel i körningen: ") + e.what();
  } catch (const InputError& e) {
    return std::string("Fel i indata: ") + e.what();
  } catch (const ConfigError& e) {
    return std::string("Fel i konfigurationen: ") + e.what();
  } catch (const StoreError& e) {
    return std::string("Fel i lagret: ") + e.what();
  } catch (const OutputError& e) {
    return std::string("Kunde inte skriva: ") + e.what();
  } catch (const std::exception& e) {
    return std::string("Internt fel (rapportera gärna): ") + e.what();
  }
}

// The recorded report's files that are no longer there as they were written (edited by hand,
// removed); each a reason to make the report again.
std::vector<std::string> changedOutputs(const RecordedReport& recorded, const fs::path& folder,
                                        InputHasher& hasher) {
  std::vector<std::string> changed;
  for (const RecordedFile& file : recorded.files)
    if (hasher.hash(folder / file.name) != file.sha256)
      changed.push_back("utdatafilen " + file.name + " (ändrad eller borttagen)");
  return changed;
}

bool wantsPdf(const PlannedReport& report, const RunConfig& config) {
  return report.printable && (config.pdf || std::find(report.args.begin(), report.args.end(),
                                                      "--pdf") != report.args.end());
}

void addInputs(RunResult& result, const std::vector<RecordedFile>& inputs) {
  for (const RecordedFile& input : inputs) {
    bool known = false;
    for (const RecordedFile& k : result.inputs) known = known || k.name == input.name;
    if (!known) result.inputs.push_back(input);
  }
}

// Brings what changed into the store, once for all the run's reports (each report command then
// finds its files imported), and returns the store's import log. A dry run imports nothing: the
// log of the store as it is, or none before the first run.
std::vector<ImportSummary> importRunInputs(const RunConfig& config, const RunOptions& options,
                                           std::ostream& log) {
  if (options.dryRun) {
    const std::string sqlite = "sqlite:";
    if (config.storeUri.starts_with(sqlite) && !fs::exists(config.storeUri.substr(sqlite.size())))
      return {};
    return openStore(config.storeUri, config.storeScope)->importLog();
  }
  auto store = openStore(config.storeUri, config.storeScope);
  printImportOutcomes(log, importSources(config, *store));
  return store->importLog();
}

// The period the run reports on: the job's month, or for "senast_stangda" the last closed month
// of the imported ledger (nullopt in a dry run before anything was imported).
std::optional<Period> resolvePeriod(const JobRun& run, const RunConfig& config,
                                    const std::vector<ImportSummary>& importLog,
                                    const RunOptions& options, std::ostream& log) {
  if (run.period.month) return run.period.month;
  if (options.dryRun && importLog.empty()) return std::nullopt;
  const auto period = lastClosedMonth(importLog, options.currentMonth);
  if (!period)
    throw InputError({config.configPath.filename().string(), 0, ""},
                     "huvudboken har inga rader före " + options.currentMonth.toString() +
                         ", så \"senast_stangda\" kan inte avgöras; ange perioden ÅÅÅÅMM");
  log << "Senast stängda månad enligt huvudboken: " << period->toString() << "\n";
  return period;
}

// A run that failed before its reports leaves the folder's earlier reports as they were; the
// record says the latest run failed, so that the gallery does not show them as current.
void noteFailureInRecord(const fs::path& folder, const std::string& error) {
  auto record = readRunRecord(folder);
  if (!record) return;  // never made: nothing on the page to warn about
  record->lastFailure = error;
  try {
    writeFileAtomically(folder / kRunRecordFileName, runRecordJson(*record));
  } catch (const OutputError&) {
    // The run has failed already and says so; the note is a courtesy to the gallery.
  }
}

}  // namespace

RunResult makeRun(const JobRun& run, const fs::path& outputRoot, const RunOptions& options,
                  std::ostream& log) {
  const auto start = Clock::now();
  RunResult result{.config = run.configName, .period = run.period.text()};
  std::optional<RunConfig> config;
  std::optional<RunPlan> plan;
  result.error =
      userError([&] {
        config = loadRunConfig(run.config);
        result.kommun = config->kommun;
        result.namnd = config->namnd;
        const std::vector<ReportRequest>& requests = run.reports ? *run.reports : config->reports;
        if (requests.empty())
          throw ConfigError(config->configPath.string() +
                            ": \"rapporter\" saknas: ange vilka rapporter körningen "
                            "gör, t.ex. \"rapporter\": [\"manadsrapport\", "
                            "\"kontroll\"]");
        const auto importLog = importRunInputs(*config, options, log);
        const auto period = resolvePeriod(run, *config, importLog, options, log);
        if (!period) return;  // dry run before the first import
        result.period = period->toString();
        plan = planRun(
            *config, *period, requests, outputRoot, options.pdf,
            run.reports ? run.reportsWhere : config->configPath.string() + ": \"rapporter\"");
        result.folder = plan->folder.string();
      }).value_or("");
  if (!result.error.empty() || !plan) {
    if (config && run.period.month && !result.error.empty())
      noteFailureInRecord(outputRoot / folderName(config->kommun) / folderName(config->namnd) /
                              run.period.month->toString(),
                          result.error);
    if (result.error.empty())
      result.note =
          "perioden \"senast_stangda\" avgörs när huvudboken lästs in; lagret finns inte "
          "ännu, så körningen skulle läsa in allt och göra alla rapporter";
    log << result.error << result.note << "\n";
    result.seconds = secondsSince(start);
    return result;
  }

  RunRecord record = readRunRecord(plan->folder)
                         .value_or(RunRecord{
                             .kommun = plan->kommun, .namnd = plan->namnd, .period = plan->period});
  // This run's first error replaces the last run's (none when all goes well).
  const std::string previousFailure = record.lastFailure;
  record.lastFailure.clear();
  InputHasher hasher;
  for (const PlannedReport& planned : plan->reports) {
    const auto reportStart = Clock::now();
    ReportResult report{.id = planned.id};
    std::vector<RecordedFile> inputs;
    if (const auto error = userError([&] { inputs = reportInputs(*config, planned, hasher); })) {
      report.error = *error;
      if (record.lastFailure.empty()) record.lastFailure = planned.id + ": " + report.error;
      result.reports.push_back(report);
      continue;
    }
    addInputs(result, inputs);
    const std::string fingerprint = fingerprintOf(inputs);
    const RecordedReport* recorded = record.find(planned.id);
    if (recorded) {
      report.changedInputs = changedInputs(recorded->inputs, inputs);
      for (std::string& output : changedOutputs(*recorded, plan->folder, hasher))
        report.changedInputs.push_back(std::move(output));
    }
    // Unchanged: the same fingerprint, and every file still as it was written.
    if (!options.force && recorded && !recorded->files.empty() &&
        recorded->fingerprint == fingerprint && report.changedInputs.empty()) {
      report.status = ReportStatus::Skipped;
      report.warnings = recorded->warnings;
      report.failedChecks = recorded->failedChecks;
      report.files.reserve(recorded->files.size());
      for (const RecordedFile& file : recorded->files) report.files.push_back(file.name);
      log << planned.id << ": oförändrad sedan förra körningen, hoppas över\n";
      result.reports.push_back(report);
      continue;
    }
    if (options.dryRun) {
      report.status = ReportStatus::Planned;
      log << planned.id << ": skulle göras: namnd " << planned.command;
      for (const std::string& arg : planned.args) log << " " << arg;
      log << "\n";
      result.reports.push_back(report);
      continue;
    }
    log << "== " << planned.id << " ==\n";
    ReportOutcome outcome;
    report.error =
        userError([&] { outcome = makerFor(planned.command)(planned.args, log); }).value_or("");
    report.seconds = secondsSince(reportStart);
    if (!report.error.empty()) {
      log << report.error << "\n";
      record.remove(planned.id);
    } else {
      report.status = ReportStatus::Made;
      report.warnings = outcome.warnings;
      report.failedChecks = outcome.failedChecks;
      RecordedReport made{.id = planned.id,
                          .fingerprint = fingerprint,
                          .inputs = inputs,
                          .warnings = outcome.warnings,
                          .failedChecks = outcome.failedChecks,
                          .seconds = report.seconds,
                          .madeAt = utcNow()};
      for (const fs::path& file : outcome.files) {
        const std::string name = fs::relative(file, plan->folder).generic_string();
        made.files.push_back({name, hashSourceFile(file, name).sha256});
        report.files.push_back(name);
      }
      record.put(std::move(made));
      const bool printed = std::any_of(outcome.files.begin(), outcome.files.end(),
                                       [](const fs::path& f) { return f.extension() == ".pdf"; });
      if (wantsPdf(planned, *config) && !printed)
        report.notes.push_back(
            "ingen PDF: Chromium saknas (installera med apt-get install "
            "chromium); rapporten görs om med PDF när Chromium finns");
    }
    if (!report.error.empty() && record.lastFailure.empty())
      record.lastFailure = planned.id + ": " + report.error;
    if (const auto error = userError([&] {
          writeFileAtomically(plan->folder / kRunRecordFileName, runRecordJson(record));
        })) {
      report.status = ReportStatus::Failed;
      report.error = *error;
    }
    result.reports.push_back(std::move(report));
  }
  if (!options.dryRun && record.lastFailure != previousFailure && fs::exists(plan->folder))
    if (const auto error = userError(
            [&] { writeFileAtomically(plan->folder / kRunRecordFileName, runRecordJson(record)); }))
      log << *error << "\n";
  result.seconds = secondsSince(start);
  return result;
}

}  // namespace namnd
