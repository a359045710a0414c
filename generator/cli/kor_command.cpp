// namnd kor: the month's reports for one nämnd (--config … --period …) or for every run of a job
// file (--jobb …), with a summary, a log per batch under <utdata>/logg/ and the gallery page.

#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <fstream>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <sstream>
#include <thread>

#include "batch/batch_lock.hpp"
#include "batch/child_processes.hpp"
#include "batch/job_file.hpp"
#include "batch/period_rule.hpp"
#include "batch/run_lanes.hpp"
#include "batch/run_plan.hpp"
#include "batch/run_result.hpp"
#include "cli/arguments.hpp"
#include "cli/batch_run.hpp"
#include "cli/commands.hpp"
#include "core/calendar_date.hpp"
#include "core/errors.hpp"
#include "render/atomic_output_file.hpp"
#include "render/html/gallery_writer.hpp"

namespace namnd {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct BatchOptions {
  RunOptions run;
  unsigned workers = 1;
  bool quiet = false;     // --tyst
  bool progress = false;  // a progress line per run: on a terminal and not --tyst
};

std::string readWholeFile(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

unsigned workersArgument(const Arguments& arguments) {
  const auto text = arguments.value("jobb-tradar");
  if (!text) return std::max(1U, std::thread::hardware_concurrency());
  if (text->empty() || text->size() > 3 ||
      text->find_first_not_of("0123456789") != std::string::npos || std::stoi(*text) < 1)
    throw UsageError("--jobb-tradar ska vara ett heltal 1–999, inte \"" + *text + "\"");
  return static_cast<unsigned>(std::stoi(*text));
}

Period currentMonthArgument(const Arguments& arguments) {
  const auto text = arguments.value("idag");
  if (!text) return currentMonthByClock();
  const auto date = CalendarDate::parse(*text);
  if (!date || text->size() != 10)
    throw UsageError("--idag ska vara ett datum ÅÅÅÅ-MM-DD, inte \"" + *text + "\"");
  return Period(date->year, date->month);
}

// "20261123-093012" (UTC) for the log's name, and the summary's title.
struct BatchStamp {
  std::string fileStem;
  std::string title;
};

BatchStamp batchStamp() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char stem[32];
  char title[64];
  std::strftime(stem, sizeof stem, "%Y%m%d-%H%M%S", &utc);
  std::strftime(title, sizeof title, "Körning %Y-%m-%d %H:%M:%S UTC", &utc);
  return {stem, title};
}

std::string runLabel(const JobRun& run) { return run.configName + " · " + run.period.text(); }

void printProgressEnd(std::ostream& out, std::size_t index, std::size_t total,
                      const RunResult& result) {
  out << "[" << index + 1 << "/" << total << "] " << (result.succeeded() ? "klar: " : "FEL:  ")
      << result.label() << ": " << result.count(ReportStatus::Made) << " gjorda, "
      << result.count(ReportStatus::Skipped) << " oförändrade, "
      << result.count(ReportStatus::Failed) << " misslyckade (" << secondsText(result.seconds)
      << ")";
  if (!result.error.empty()) out << ": " << result.error;
  out << "\n" << std::flush;
}

// What the batch knows of a run before it starts: its config when that can be read (the child
// reports the error otherwise).
struct RunHeading {
  std::string kommun;
  std::string namnd;
  std::vector<std::string> laneKeys;  // its store and its nämnd's folder, or its config file
};

std::vector<RunHeading> runHeadings(const Job& job, const std::vector<std::size_t>& chosen) {
  std::vector<RunHeading> headings;
  for (const std::size_t index : chosen) {
    const JobRun& run = job.runs[index];
    RunHeading& heading = headings.emplace_back();
    try {
      const RunConfig config = loadRunConfig(run.config);
      heading.kommun = config.kommun;
      heading.namnd = config.namnd;
      heading.laneKeys = {
          // A SQLite file is one store whoever writes it; a server keeps each scope apart.
          "lager " + config.storeUri +
              (config.storeUri.starts_with("sqlite:") ? "" : " " + config.storeScope),
          "mapp " +
              (job.outputRoot / folderName(config.kommun) / folderName(config.namnd)).string()};
    } catch (const std::exception&) {
      heading.laneKeys = {"konfiguration " + run.config.string()};
    }
  }
  return headings;
}

// Two runs of a month that would write the same report to the same folder: refused before any
// run starts (which of them would win is not a choice to leave to the scheduler).
void refuseSameReportTwice(const Job& job, const std::vector<std::size_t>& chosen) {
  std::map<std::string, std::size_t> writers;
  for (const std::size_t index : chosen) {
    const JobRun& run = job.runs[index];
    if (!run.period.month) continue;
    std::optional<RunPlan> plan;
    try {
      const RunConfig config = loadRunConfig(run.config);
      plan = planRun(config, *run.period.month, run.reports ? *run.reports : config.reports,
                     job.outputRoot, false, run.reportsWhere);
    } catch (const std::exception&) {
      continue;  // the run reports its own error
    }
    for (const PlannedReport& report : plan->reports) {
      const auto [found, first] = writers.emplace((plan->folder / report.id).string(), index);
      if (!first)
        throw ConfigError(job.file.string() + ": \"korningar[" + std::to_string(index + 1) +
                          "]\" gör " + report.id + " i " + plan->folder.string() +
                          " som \"korningar[" + std::to_string(found->second + 1) +
                          "]\" redan gör; två körningar får inte skriva samma rapport");
    }
  }
}

// The runs in child processes. Runs that share a store or a nämnd's folder go one after another.
std::vector<RunResult> runInChildren(const Job& job, const fs::path& jobFile,
                                     const std::vector<std::size_t>& chosen,
                                     const BatchOptions& options, const fs::path& workFolder,
                                     std::vector<std::string>& logs, std::ostream& out) {
  const std::vector<RunHeading> headings = runHeadings(job, chosen);
  std::vector<std::vector<std::string>> keys;
  for (const RunHeading& heading : headings) keys.push_back(heading.laneKeys);
  const std::vector<std::string> lanes = lanesByKeys(keys);
  std::vector<ChildTask> tasks;
  std::vector<fs::path> resultFiles;
  std::vector<std::string> labels;
  for (std::size_t i = 0; i < chosen.size(); ++i) {
    const std::size_t index = chosen[i];
    const JobRun& run = job.runs[index];
    labels.push_back(headings[i].kommun.empty() ? runLabel(run)
                                                : headings[i].kommun + " · " + headings[i].namnd +
                                                      " · " + run.period.text());
    const std::string n = std::to_string(index + 1);
    resultFiles.push_back(workFolder / ("korning-" + n + ".json"));
    ChildTask task{.args = {"kor", "--jobb", jobFile.string(), "--korning", n, "--resultat",
                            resultFiles.back().string()},
                   .lane = lanes[i],
                   .log = workFolder / ("korning-" + n + ".log")};
    if (options.run.force) task.args.push_back("--tvinga");
    if (options.run.pdf) task.args.push_back("--pdf");
    // The children judge "senast_stangda" by the same month as the batch, even over midnight.
    const std::string month = options.run.currentMonth.toString();
    task.args.insert(task.args.end(),
                     {"--idag", month.substr(0, 4) + "-" + month.substr(4) + "-01"});
    tasks.push_back(std::move(task));
  }
  std::vector<RunResult> results(tasks.size());
  logs.assign(tasks.size(), "");
  const auto onStart = [&](std::size_t i) {
    if (options.progress)
      out << "[" << i + 1 << "/" << tasks.size() << "] startar " << labels[i] << "\n" << std::flush;
  };
  const auto onEnd = [&](std::size_t i, const ChildEnd& end) {
    const JobRun& run = job.runs[chosen[i]];
    logs[i] = readWholeFile(tasks[i].log);
    const auto parsed = parseRunResult(readWholeFile(resultFiles[i]));
    if (parsed) {
      results[i] = *parsed;
    } else {
      results[i] = RunResult{.config = run.configName,
                             .kommun = headings[i].kommun,
                             .namnd = headings[i].namnd,
                             .period = run.period.text()};
      results[i].error = end.description.empty()
                             ? "körningen slutade (kod " + std::to_string(end.exitCode) +
                                   ") utan att lämna något resultat; se loggen"
                             : end.description;
    }
    if (end.exitCode != 0 && results[i].succeeded())
      results[i].error = "körningen slutade med kod " + std::to_string(end.exitCode);
    if (options.progress) printProgressEnd(out, i, tasks.size(), results[i]);
  };
  runChildren(ownProgram(), tasks, options.workers, onStart, onEnd);
  return results;
}

// After the runs: the batch log and summary under <root>/logg/, the gallery page, and the summary
// on the terminal. Returns the exit code.
int finishBatch(const fs::path& root, const std::vector<RunResult>& results,
                const std::vector<std::string>& logs, const std::vector<fs::path>& templateDirs,
                const BatchStamp& stamp, double seconds, const BatchOptions& options,
                std::ostream& out) {
  const std::string summary = summaryText(stamp.title, results, seconds);
  bool allOk = true;
  for (const RunResult& r : results) allOk = allOk && r.succeeded();
  if (!options.run.dryRun) {
    const fs::path logFolder = root / "logg";
    std::string log = stamp.title + "\n\n";
    for (std::size_t i = 0; i < results.size(); ++i)
      log += "=== " + results[i].label() + " ===\n" + logs[i] + "\n";
    log += summary;
    fs::path logFile = logFolder / ("korning-" + stamp.fileStem + ".log");
    for (int n = 2; fs::exists(logFile); ++n)
      logFile = logFolder / ("korning-" + stamp.fileStem + "-" + std::to_string(n) + ".log");
    writeFileAtomically(logFile, log);
    fs::path jsonFile = logFile;
    jsonFile.replace_extension(".json");
    writeFileAtomically(jsonFile, summaryJson(stamp.title, results, seconds));

    GalleryHeading heading;
    std::set<std::string> kommuner, namnder;
    for (const RunResult& r : results)
      if (!r.kommun.empty()) {
        kommuner.insert(r.kommun);
        namnder.insert(r.namnd);
      }
    if (kommuner.size() == 1) heading.kommun = *kommuner.begin();
    if (kommuner.size() == 1 && namnder.size() == 1) heading.namnd = *namnder.begin();
    heading.folderLabel = root.filename().string();
    std::optional<fs::path> gallery;
    if (!templateDirs.empty()) {
      try {
        gallery = writeGallery(root, heading, templateDirs.front());
      } catch (const std::exception& e) {
        out << "Översiktssidan kunde inte skrivas: " << e.what() << "\n";
        allOk = false;
      }
    }
    if (!options.quiet || !allOk) {
      out << summary;
      out << "Logg: " << logFile.string() << "\n";
      if (gallery) out << "Översikt: " << gallery->string() << "\n";
    }
  } else {
    out << "Torrkörning: inget läses in och inget skrivs.\n" << summary;
  }
  return allOk ? 0 : 1;
}

std::vector<fs::path> templateDirsOf(const std::vector<JobRun>& runs) {
  std::vector<fs::path> dirs;
  for (const JobRun& run : runs) {
    try {
      dirs.push_back(loadRunConfig(run.config).templatesDir);
    } catch (const std::exception&) {
      // A run whose config cannot be read reports it; the page uses another's templates.
    }
  }
  return dirs;
}

int runSingleInChild(const Job& job, std::size_t index, const fs::path& resultFile,
                     const BatchOptions& options, std::ostream& out) {
  // A run ends with its batch: when the batch is killed, its lock goes, and a new batch must not
  // find this run still writing.
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() == 1) return 1;
  const RunResult result = makeRun(job.runs[index], job.outputRoot, options.run, out);
  writeFileAtomically(resultFile, runResultJson(result));
  return result.succeeded() ? 0 : 1;
}

std::size_t runIndexArgument(const Arguments& arguments, const Job& job) {
  const std::string text = *arguments.value("korning");
  const bool digits = !text.empty() && text.size() <= 6 &&
                      text.find_first_not_of("0123456789") == std::string::npos;
  if (!digits || std::stoul(text) < 1 || std::stoul(text) > job.runs.size())
    throw UsageError("--korning ska vara ett nummer 1–" + std::to_string(job.runs.size()) +
                     " (körningarnas ordning i jobbfilen), inte \"" + text + "\"");
  return std::stoul(text) - 1;
}

}  // namespace

int runKor(const std::vector<std::string>& args, std::ostream& out) {
  const Arguments arguments(
      args, {"jobb", "config", "period", "ut", "jobb-tradar", "korning", "resultat", "idag"},
      {"tvinga", "tyst", "torrkorning", "pdf"});
  BatchOptions options{.run = {.force = arguments.flag("tvinga"),
                               .pdf = arguments.flag("pdf"),
                               .dryRun = arguments.flag("torrkorning"),
                               .currentMonth = currentMonthArgument(arguments)},
                       .workers = workersArgument(arguments),
                       .quiet = arguments.flag("tyst")};
  options.progress = !options.quiet && ::isatty(STDOUT_FILENO) == 1;

  Job job;
  fs::path jobFile;
  std::vector<std::size_t> chosen;
  if (const auto file = arguments.value("jobb")) {
    for (const char* single : {"config", "period", "ut"})
      if (arguments.value(single))
        throw UsageError(std::string("--") + single +
                         " hör till en körning utan jobbfil; med --jobb står det i jobbfilen");
    job = readJobFile(*file);
    jobFile = job.file;
    if (!arguments.value("resultat")) {
      std::vector<std::size_t> all(job.runs.size());
      std::iota(all.begin(), all.end(), 0);
      refuseSameReportTwice(job, all);
    }
    options.run.pdf = options.run.pdf || job.pdf;
    if (arguments.value("korning")) {
      chosen.push_back(runIndexArgument(arguments, job));
      if (const auto result = arguments.value("resultat"))
        return runSingleInChild(job, chosen.front(), *result, options, out);
    } else {
      for (std::size_t i = 0; i < job.runs.size(); ++i) chosen.push_back(i);
    }
  } else {
    if (arguments.value("korning") || arguments.value("resultat") || arguments.value("jobb-tradar"))
      throw UsageError("--korning, --resultat och --jobb-tradar hör till --jobb");
    const std::string config = arguments.required("config");
    const std::string period = arguments.required("period");
    const auto choice = parsePeriodChoice(period);
    if (!choice)
      throw UsageError("--period ska vara ÅÅÅÅMM eller \"" + std::string(kLastClosedMonth) +
                       "\", inte \"" + period + "\"");
    const RunConfig loaded = loadRunConfig(config);
    job.outputRoot = arguments.value("ut")
                         ? fs::weakly_canonical(fs::absolute(*arguments.value("ut")))
                         : loaded.outputDir;
    job.runs.push_back(
        JobRun{.config = loaded.configPath, .configName = config, .period = *choice});
    chosen.push_back(0);
  }

  std::optional<BatchLock> lock;
  if (!options.run.dryRun) lock.emplace(job.outputRoot);
  const auto start = Clock::now();
  const BatchStamp stamp = batchStamp();
  std::vector<JobRun> runs;
  for (const std::size_t i : chosen) runs.push_back(job.runs[i]);
  std::vector<RunResult> results;
  std::vector<std::string> logs;
  if (jobFile.empty() || options.run.dryRun) {
    // One nämnd, or a dry run: in this process, one run after the other.
    for (std::size_t i = 0; i < runs.size(); ++i) {
      std::ostringstream log;
      if (options.progress)
        out << "[" << i + 1 << "/" << runs.size() << "] startar " << runLabel(runs[i]) << "\n"
            << std::flush;
      results.push_back(makeRun(runs[i], job.outputRoot, options.run, log));
      logs.push_back(log.str());
      if (options.run.dryRun) out << log.str();
      if (options.progress && !options.run.dryRun)
        printProgressEnd(out, i, runs.size(), results.back());
    }
  } else {
    const fs::path work = job.outputRoot / "logg" /
                          (".pagaende-" + stamp.fileStem + "-" + std::to_string(::getpid()));
    // Work folders of a batch that was killed: with the lock held no other batch is running.
    std::error_code ignored;
    for (const auto& entry : fs::directory_iterator(job.outputRoot / "logg", ignored))
      if (entry.path().filename().string().starts_with(".pagaende-"))
        fs::remove_all(entry.path(), ignored);
    createOutputFolder(work);
    results = runInChildren(job, jobFile, chosen, options, work, logs, out);
    fs::remove_all(work, ignored);
  }
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return finishBatch(job.outputRoot, results, logs, templateDirsOf(runs), stamp, seconds, options,
                     out);
}

}  // namespace namnd
