#include "batch/job_file.hpp"

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <set>

#include "batch/run_plan.hpp"
#include "core/errors.hpp"
#include "core/json_file.hpp"

namespace namnd {
namespace {

namespace fs = std::filesystem;
using Poco::JSON::Array;
using Poco::JSON::Object;

class JobReader {
 public:
  explicit JobReader(fs::path file) : file_(std::move(file)) {}

  [[noreturn]] void fail(const std::string& key, const std::string& problem) const {
    throw ConfigError(file_.string() + ": " + (key.empty() ? "" : "\"" + key + "\" ") + problem);
  }

  void refuseUnknownKeys(const Object& object, const std::set<std::string>& known,
                         const std::string& prefix) const {
    for (const auto& [key, value] : object) {
      if (key.starts_with('_') || known.contains(key)) continue;
      std::string names;
      for (const auto& k : known) names += (names.empty() ? "" : ", ") + k;
      fail(prefix + key, "är ingen känd nyckel (kända: " + names +
                             "; nycklar som börjar med \"_\" är kommentarer)");
    }
  }

  std::string text(const Object& object, const std::string& key, const std::string& where) const {
    if (!object.has(key) || object.isNull(key)) fail(where, "saknas");
    if (!object.get(key).isString()) fail(where, "ska vara en text");
    const std::string value = object.getValue<std::string>(key);
    if (value.empty()) fail(where, "är tom");
    // A path would end at the NUL without a word: "a\u0000b" is not "a".
    if (value.find('\0') != std::string::npos) fail(where, "innehåller ett NUL-tecken");
    return value;
  }

  const fs::path& file() const { return file_; }

 private:
  fs::path file_;
};

JobRun readRun(const JobReader& read, const Object& entry, const std::string& at,
               const fs::path& base) {
  read.refuseUnknownKeys(entry, {"config", "period", "rapporter"}, at + ".");
  JobRun run;
  run.configName = read.text(entry, "config", at + ".config");
  run.config = fs::weakly_canonical(base / run.configName);
  if (!fs::is_regular_file(run.config))
    read.fail(at + ".config",
              "pekar på " + run.config.string() +
                  (fs::exists(run.config) ? " som inte är en fil" : " som inte finns"));
  const std::string period = read.text(entry, "period", at + ".period");
  const auto choice = parsePeriodChoice(period);
  if (!choice)
    read.fail(at + ".period",
              "ska vara en månad ÅÅÅÅMM (\"202510\") eller \"" + std::string(kLastClosedMonth) +
                  "\" (huvudbokens senaste månad före innevarande), inte \"" + period + "\"");
  run.period = *choice;
  run.reportsWhere = read.file().string() + ": \"" + at + ".rapporter\"";
  if (entry.has("rapporter") && !entry.isNull("rapporter")) {
    run.reports = readReportRequests(entry.get("rapporter"),
                                     read.file().string() + ": \"" + at + ".rapporter");
    // With a month the reports' files are known now: two requests for the same files are an
    // error before anything is imported (for "senast_stangda" the run finds it).
    std::set<std::string> ids;
    if (run.period.month)
      for (std::size_t j = 0; j < run.reports->size(); ++j) {
        const std::string id = reportId((*run.reports)[j], *run.period.month);
        if (!ids.insert(id).second)
          read.fail(at + ".rapporter[" + std::to_string(j + 1) + "]",
                    id + " finns två gånger bland körningens rapporter");
      }
  }
  return run;
}

}  // namespace

std::string PeriodChoice::text() const { return month ? month->toString() : kLastClosedMonth; }

std::optional<PeriodChoice> parsePeriodChoice(const std::string& text) {
  if (text == kLastClosedMonth) return PeriodChoice{};
  if (const auto month = Period::parse(text)) return PeriodChoice{month};
  return std::nullopt;
}

Job readJobFile(const fs::path& file) {
  try {
    const fs::path absolute = fs::weakly_canonical(fs::absolute(file));
    const JobReader read(absolute);
    const Object::Ptr root = readJsonObjectFile(absolute, "jobbfilen");
    read.refuseUnknownKeys(*root, {"utdata", "pdf", "korningar"}, "");
    Job job;
    job.file = absolute;
    const fs::path base = absolute.parent_path();
    job.outputRoot = fs::weakly_canonical(base / read.text(*root, "utdata", "utdata"));
    if (root->has("pdf") && !root->isNull("pdf")) {
      if (!root->get("pdf").isBoolean()) read.fail("pdf", "ska vara true eller false");
      job.pdf = root->getValue<bool>("pdf");
    }
    const Array::Ptr runs = root->has("korningar") ? root->getArray("korningar") : nullptr;
    if (!runs || runs->size() == 0)
      read.fail("korningar",
                "ska vara en lista med körningar {\"config\", \"period\", \"rapporter\"}");
    for (unsigned i = 0; i < runs->size(); ++i) {
      const std::string at = "korningar[" + std::to_string(i + 1) + "]";
      const Object::Ptr entry = runs->getObject(i);
      if (!entry) read.fail(at, "ska vara ett objekt {\"config\", \"period\", \"rapporter\"}");
      job.runs.push_back(readRun(read, *entry, at, base));
    }
    return job;
  } catch (const fs::filesystem_error& e) {
    throw ConfigError(file.string() + ": sökvägen " + e.path1().string() + " kan inte användas (" +
                      e.code().message() + ")");
  } catch (const Poco::Exception& e) {
    throw ConfigError(file.string() + ": ett värde kan inte användas (" + e.displayText() + ")");
  }
}

}  // namespace namnd
