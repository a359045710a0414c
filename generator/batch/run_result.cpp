#include "batch/run_result.hpp"

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <cmath>
#include <sstream>

#include "core/recorded_file_json.hpp"

namespace namnd {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

constexpr const char* kStatusNames[] = {"gjord", "oforandrad", "planerad", "misslyckad"};

const char* statusName(ReportStatus status) { return kStatusNames[static_cast<int>(status)]; }

std::optional<ReportStatus> statusFromName(const std::string& name) {
  for (int i = 0; i < 4; ++i)
    if (name == kStatusNames[i]) return static_cast<ReportStatus>(i);
  return std::nullopt;
}

Array textArray(const std::vector<std::string>& texts) {
  Array array;
  for (const std::string& text : texts) array.add(text);
  return array;
}

std::vector<std::string> texts(const Object& object, const std::string& key) {
  std::vector<std::string> result;
  if (const Array::Ptr array = object.getArray(key))
    for (unsigned i = 0; i < array->size(); ++i)
      result.push_back(array->getElement<std::string>(i));
  return result;
}

Object runObject(const RunResult& run) {
  Object object(Poco::JSON_PRESERVE_KEY_ORDER);
  object.set("config", run.config);
  object.set("kommun", run.kommun);
  object.set("namnd", run.namnd);
  object.set("period", run.period);
  object.set("mapp", run.folder);
  object.set("lyckades", run.succeeded());
  object.set("fel", run.error);
  object.set("anmarkning", run.note);
  object.set("sekunder", std::round(run.seconds * 1000) / 1000);
  object.set("indata", recordedFilesJson(run.inputs, "namn"));
  Array reports;
  for (const ReportResult& report : run.reports) {
    Object entry(Poco::JSON_PRESERVE_KEY_ORDER);
    entry.set("id", report.id);
    entry.set("status", statusName(report.status));
    entry.set("filer", textArray(report.files));
    entry.set("varningar", report.warnings);
    entry.set("fel_i_kontroller", textArray(report.failedChecks));
    entry.set("andrade_indata", textArray(report.changedInputs));
    entry.set("anmarkningar", textArray(report.notes));
    entry.set("fel", report.error);
    entry.set("sekunder", std::round(report.seconds * 1000) / 1000);
    reports.add(entry);
  }
  object.set("rapporter", reports);
  return object;
}

std::string plural(int n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

bool RunResult::succeeded() const { return error.empty() && count(ReportStatus::Failed) == 0; }

std::string RunResult::label() const {
  if (kommun.empty()) return config + " · " + period;
  return kommun + " · " + namnd + " · " + period;
}

int RunResult::count(ReportStatus status) const {
  int n = 0;
  for (const ReportResult& report : reports) n += report.status == status;
  return n;
}

std::string secondsText(double seconds) {
  std::ostringstream out;
  out.precision(1);
  out << std::fixed << seconds;
  std::string text = out.str();
  if (const auto dot = text.find('.'); dot != std::string::npos) text[dot] = ',';
  return text + " s";
}

std::string runResultJson(const RunResult& result) {
  std::ostringstream out;
  runObject(result).stringify(out, 2);
  out << "\n";
  return out.str();
}

std::optional<RunResult> parseRunResult(const std::string& json) {
  try {
    Poco::JSON::Parser parser;
    const Object::Ptr root = parser.parse(json).extract<Object::Ptr>();
    if (!root) return std::nullopt;
    RunResult run{.config = root->getValue<std::string>("config"),
                  .kommun = root->getValue<std::string>("kommun"),
                  .namnd = root->getValue<std::string>("namnd"),
                  .period = root->getValue<std::string>("period"),
                  .folder = root->getValue<std::string>("mapp"),
                  .error = root->getValue<std::string>("fel"),
                  .note = root->optValue<std::string>("anmarkning", ""),
                  .seconds = root->getValue<double>("sekunder")};
    auto inputs = recordedFilesFromJson(root->getArray("indata"), "namn");
    if (!inputs) return std::nullopt;
    run.inputs = std::move(*inputs);
    if (const Array::Ptr reports = root->getArray("rapporter"))
      for (unsigned i = 0; i < reports->size(); ++i) {
        const Object::Ptr entry = reports->getObject(i);
        const auto status = statusFromName(entry->getValue<std::string>("status"));
        if (!status) return std::nullopt;
        run.reports.push_back({.id = entry->getValue<std::string>("id"),
                               .status = *status,
                               .files = texts(*entry, "filer"),
                               .warnings = entry->getValue<int>("varningar"),
                               .failedChecks = texts(*entry, "fel_i_kontroller"),
                               .changedInputs = texts(*entry, "andrade_indata"),
                               .notes = texts(*entry, "anmarkningar"),
                               .error = entry->getValue<std::string>("fel"),
                               .seconds = entry->getValue<double>("sekunder")});
      }
    return run;
  } catch (const Poco::Exception&) {
    return std::nullopt;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::string summaryText(const std::string& title, const std::vector<RunResult>& runs,
                        double seconds) {
  int failedRuns = 0;
  int made = 0, skipped = 0, planned = 0, failed = 0;
  for (const RunResult& run : runs) {
    failedRuns += !run.succeeded();
    made += run.count(ReportStatus::Made);
    skipped += run.count(ReportStatus::Skipped);
    planned += run.count(ReportStatus::Planned);
    failed += run.count(ReportStatus::Failed);
  }
  std::ostringstream out;
  out << title << ": " << plural(static_cast<int>(runs.size()), "körning", "körningar") << ", "
      << (failedRuns == 0 ? std::string("alla lyckades")
                          : plural(failedRuns, "misslyckades", "misslyckades"))
      << " (" << secondsText(seconds) << ")\n";
  for (const RunResult& run : runs) {
    out << (run.succeeded() ? "OK   " : "FEL  ") << run.label() << " (" << secondsText(run.seconds)
        << ")\n";
    if (!run.folder.empty()) out << "     mapp: " << run.folder << "\n";
    if (!run.error.empty()) out << "     " << run.error << "\n";
    if (!run.note.empty()) out << "     " << run.note << "\n";
    for (const ReportResult& report : run.reports) {
      out << "     " << report.id << ": ";
      switch (report.status) {
        case ReportStatus::Made:
          out << "gjord (" << secondsText(report.seconds) << ")";
          break;
        case ReportStatus::Skipped:
          out << "oförändrad sedan förra körningen, hoppades över";
          break;
        case ReportStatus::Planned:
          out << "skulle göras";
          break;
        case ReportStatus::Failed:
          out << "misslyckades: " << report.error;
          break;
      }
      if ((report.status == ReportStatus::Made || report.status == ReportStatus::Skipped) &&
          (report.warnings > 0 || !report.failedChecks.empty()))
        out << "; kontrollerna: " << plural(report.warnings, "varning", "varningar") << ", "
            << report.failedChecks.size() << " fel";
      out << "\n";
      for (const std::string& note : report.notes) out << "       obs: " << note << "\n";
      for (const std::string& check : report.failedChecks)
        out << "       fel i kontrollen: " << check << "\n";
      if (!report.changedInputs.empty()) {
        out << "       ändrat sedan förra körningen:";
        for (std::size_t i = 0; i < report.changedInputs.size(); ++i)
          out << (i == 0 ? " " : ", ") << report.changedInputs[i];
        out << "\n";
      }
    }
  }
  out << "Rapporter: " << made << " gjorda, " << skipped << " oförändrade";
  if (planned > 0) out << ", " << planned << " skulle göras";
  out << ", " << failed << " misslyckade.\n";
  return out.str();
}

std::string summaryJson(const std::string& title, const std::vector<RunResult>& runs,
                        double seconds) {
  Object root(Poco::JSON_PRESERVE_KEY_ORDER);
  root.set("korning", title);
  root.set("sekunder", std::round(seconds * 1000) / 1000);
  bool allOk = true;
  Array list;
  for (const RunResult& run : runs) {
    allOk = allOk && run.succeeded();
    list.add(runObject(run));
  }
  root.set("alla_lyckades", allOk);
  root.set("korningar", list);
  std::ostringstream out;
  root.stringify(out, 2);
  out << "\n";
  return out.str();
}

}  // namespace namnd
