#include "batch/report_inputs.hpp"

#include <algorithm>
#include <optional>

#include "core/errors.hpp"
#include "ingest/source_file.hpp"
#include "render/pdf/chromium_locator.hpp"

namespace namnd {
namespace {

namespace fs = std::filesystem;

bool ignoredInFolder(const fs::path& file) {
  const std::string name = file.filename().string();
  return name.starts_with('.') || name.starts_with("~$");
}

std::string folderHash(const fs::path& folder) {
  std::vector<std::pair<std::string, fs::path>> files;
  for (auto it = fs::recursive_directory_iterator(folder); it != fs::recursive_directory_iterator();
       ++it) {
    if (ignoredInFolder(it->path())) {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file())
      files.emplace_back(fs::relative(it->path(), folder).generic_string(), it->path());
  }
  std::sort(files.begin(), files.end());
  std::string listing;
  for (const auto& [name, path] : files)
    listing += name + '\t' + hashSourceFile(path, path.string()).sha256 + '\n';
  return sha256Hex(listing);
}

struct Collector {
  const RunConfig& config;
  InputHasher& hasher;
  std::vector<RecordedFile> inputs;

  void add(const std::string& role, const InputFile& file) {
    inputs.push_back({role + " " + file.displayName, hasher.hash(file.path)});
  }
  void add(const std::string& role, const std::optional<InputFile>& file) {
    if (file) add(role, *file);
  }
  void add(const std::string& role, const std::vector<InputFile>& files) {
    for (const InputFile& file : files) add(role, file);
  }
  void storeInputs() {
    add("huvudbok", config.huvudbok);
    add("budget", config.budget);
    add("prognos", config.prognos);
    add("hr", config.hr);
  }
};

}  // namespace

std::string InputHasher::hash(const fs::path& path) {
  if (const auto found = known_.find(path); found != known_.end()) return found->second;
  std::error_code error;
  std::string result;
  if (fs::is_directory(path, error))
    result = folderHash(path);
  else if (fs::is_regular_file(path, error))
    result = hashSourceFile(path, path.string()).sha256;
  else
    result = "saknas";
  known_.emplace(path, result);
  return result;
}

const std::string& programHash() {
  static const std::string hash = [] {
    try {
      return hashSourceFile("/proc/self/exe", "namnd").sha256;
    } catch (const InputError&) {
      return std::string("okänt");
    }
  }();
  return hash;
}

std::vector<RecordedFile> reportInputs(const RunConfig& config, const PlannedReport& report,
                                       InputHasher& hasher) {
  Collector c{config, hasher, {}};
  std::string commandLine = report.command;
  for (const std::string& arg : report.args) commandLine += ' ' + arg;
  c.inputs.push_back({"programmet namnd", programHash()});
  c.inputs.push_back({"kommandoraden", sha256Hex(commandLine)});
  c.inputs.push_back(
      {"konfigurationen " + config.configPath.filename().string(), hasher.hash(config.configPath)});
  c.inputs.push_back(
      {"mallarna " + config.templatesDir.filename().string(), hasher.hash(config.templatesDir)});
  // A PDF is made only where Chromium is: installing it later makes the report again, with its PDF.
  if (report.printable && (config.pdf || std::find(report.args.begin(), report.args.end(),
                                                   "--pdf") != report.args.end())) {
    const auto chromium = findChromium();
    c.inputs.push_back({"Chromium", chromium ? sha256Hex(chromium->string()) : "saknas"});
  }
  c.add("org", config.org);
  c.add("kontoplan", config.kontoplan);
  const DelarsrapportSettings& delar = config.delarsrapport;
  switch (report.request.kind) {
    case ReportKind::Manadsrapport:
      c.storeInputs();
      c.add("kommentarer", config.manadsrapport.comments);
      break;
    case ReportKind::Kontroll:
    case ReportKind::Prognosunderlag:
      c.storeInputs();
      break;
    case ReportKind::Delarsrapport:
    case ReportKind::Halvarsrapport:
      c.storeInputs();
      c.add("kommentarer", delar.comments);
      c.add("investeringar", delar.investeringar);
      c.add("budgetram", delar.budgetram);
      c.add("mal", delar.mal);
      c.add("verksamhetsmatt", delar.verksamhetsmatt);
      c.add("volymer", delar.volymer);
      c.add("prognos_per_kostnadsslag", delar.prognosPerKostnadsslag);
      break;
    case ReportKind::Nyckeltal:
      c.storeInputs();
      c.add("nyckeltalskatalog", config.nyckeltal.grundkatalog);
      c.add("nyckeltalskatalog", config.nyckeltal.katalog);
      c.add("volymer", config.nyckeltal.volymer ? config.nyckeltal.volymer : delar.volymer);
      break;
    case ReportKind::Avvikelser:
      c.add("hr", config.hr);
      c.add("avvikelseregister", config.avvikelser.registers);
      c.add("volymer", config.avvikelser.volymer ? config.avvikelser.volymer : delar.volymer);
      break;
  }
  return c.inputs;
}

std::string fingerprintOf(const std::vector<RecordedFile>& inputs) {
  std::string listing;
  for (const RecordedFile& input : inputs) listing += input.name + '\t' + input.sha256 + '\n';
  return sha256Hex(listing);
}

std::vector<std::string> changedInputs(const std::vector<RecordedFile>& before,
                                       const std::vector<RecordedFile>& now) {
  std::vector<std::string> changed;
  const auto hashIn = [](const std::vector<RecordedFile>& list,
                         const std::string& name) -> const std::string* {
    for (const RecordedFile& f : list)
      if (f.name == name) return &f.sha256;
    return nullptr;
  };
  for (const RecordedFile& input : now) {
    const std::string* old = hashIn(before, input.name);
    if (!old || *old != input.sha256) changed.push_back(input.name);
  }
  for (const RecordedFile& input : before)
    if (!hashIn(now, input.name)) changed.push_back(input.name);
  return changed;
}

}  // namespace namnd
