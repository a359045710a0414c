#include "core/run_record.hpp"

#include "core/recorded_file_json.hpp"

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace namnd {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

constexpr int kFormat = 1;

}  // namespace

const RecordedReport* RunRecord::find(const std::string& id) const {
  for (const RecordedReport& report : reports)
    if (report.id == id) return &report;
  return nullptr;
}

void RunRecord::put(RecordedReport report) {
  for (RecordedReport& existing : reports)
    if (existing.id == report.id) {
      existing = std::move(report);
      return;
    }
  reports.push_back(std::move(report));
}

void RunRecord::remove(const std::string& id) {
  std::erase_if(reports, [&](const RecordedReport& r) { return r.id == id; });
}

std::string runRecordJson(const RunRecord& record) {
  Object root(Poco::JSON_PRESERVE_KEY_ORDER);
  root.set("format", kFormat);
  root.set("kommun", record.kommun);
  root.set("namnd", record.namnd);
  root.set("period", record.period.toString());
  root.set("senaste_fel", record.lastFailure);
  Array reports;
  for (const RecordedReport& report : record.reports) {
    Object entry(Poco::JSON_PRESERVE_KEY_ORDER);
    entry.set("id", report.id);
    entry.set("fingeravtryck", report.fingerprint);
    entry.set("indata", recordedFilesJson(report.inputs, "namn"));
    entry.set("filer", recordedFilesJson(report.files, "fil"));
    entry.set("varningar", report.warnings);
    Array failed;
    for (const std::string& check : report.failedChecks) failed.add(check);
    entry.set("fel_i_kontroller", failed);
    entry.set("sekunder", report.seconds);
    entry.set("klar", report.madeAt);
    reports.add(entry);
  }
  root.set("rapporter", reports);
  std::ostringstream out;
  root.stringify(out, 2);
  out << "\n";
  return out.str();
}

std::optional<RunRecord> parseRunRecord(const std::string& json) {
  try {
    Poco::JSON::Parser parser;
    const Object::Ptr root = parser.parse(json).extract<Object::Ptr>();
    if (!root || root->optValue<int>("format", 0) != kFormat) return std::nullopt;
    const auto period = Period::parse(root->getValue<std::string>("period"));
    if (!period) return std::nullopt;
    RunRecord record{.kommun = root->getValue<std::string>("kommun"),
                     .namnd = root->getValue<std::string>("namnd"),
                     .period = *period,
                     .lastFailure = root->optValue<std::string>("senaste_fel", "")};
    const Array::Ptr reports = root->getArray("rapporter");
    if (!reports) return std::nullopt;
    for (unsigned i = 0; i < reports->size(); ++i) {
      const Object::Ptr entry = reports->getObject(i);
      if (!entry) return std::nullopt;
      RecordedReport report{.id = entry->getValue<std::string>("id"),
                            .fingerprint = entry->getValue<std::string>("fingeravtryck"),
                            .warnings = entry->optValue<int>("varningar", 0),
                            .seconds = entry->optValue<double>("sekunder", 0),
                            .madeAt = entry->optValue<std::string>("klar", "")};
      auto inputs = recordedFilesFromJson(entry->getArray("indata"), "namn");
      // A report without its files' list could never be judged unchanged.
      auto files = entry->getArray("filer") ? recordedFilesFromJson(entry->getArray("filer"), "fil")
                                            : std::nullopt;
      if (!inputs || !files) return std::nullopt;
      report.inputs = std::move(*inputs);
      if (const Array::Ptr failed = entry->getArray("fel_i_kontroller"))
        for (unsigned j = 0; j < failed->size(); ++j)
          report.failedChecks.push_back(failed->getElement<std::string>(j));
      report.files = std::move(*files);
      record.reports.push_back(std::move(report));
    }
    return record;
  } catch (const Poco::Exception&) {
    return std::nullopt;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::optional<RunRecord> readRunRecord(const std::filesystem::path& runFolder) {
  std::ifstream in(runFolder / kRunRecordFileName, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream buffer;
  buffer << in.rdbuf();
  return parseRunRecord(buffer.str());
}

}  // namespace namnd
