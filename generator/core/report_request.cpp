#include "core/report_request.hpp"

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <algorithm>
#include <array>
#include <utility>

#include "core/errors.hpp"

namespace namnd {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

constexpr std::array<std::pair<ReportKind, std::string_view>, 7> kNames{{
    {ReportKind::Manadsrapport, "manadsrapport"},
    {ReportKind::Prognosunderlag, "prognosunderlag"},
    {ReportKind::Delarsrapport, "delarsrapport"},
    {ReportKind::Halvarsrapport, "halvarsrapport"},
    {ReportKind::Avvikelser, "avvikelser"},
    {ReportKind::Kontroll, "kontroll"},
    {ReportKind::Nyckeltal, "nyckeltal"},
}};

[[noreturn]] void fail(const std::string& where, const std::string& problem) {
  throw ConfigError(where + " " + problem);
}

std::vector<std::string> textList(const Object& entry, const std::string& key,
                                  const std::string& where) {
  std::vector<std::string> texts;
  const Array::Ptr list = entry.getArray(key);
  if (!list) fail(where + "." + key + "\"", "ska vara en lista med texter");
  for (unsigned i = 0; i < list->size(); ++i) {
    if (!list->get(i).isString() || list->get(i).extract<std::string>().empty())
      fail(where + "." + key + "\"",
           "element " + std::to_string(i + 1) + " ska vara en icke-tom text");
    texts.push_back(list->get(i).extract<std::string>());
  }
  return texts;
}

// Which keys an object of each kind may have beyond "rapport".
std::vector<std::string_view> allowedKeys(ReportKind kind) {
  switch (kind) {
    case ReportKind::Delarsrapport:
      return {"per"};
    case ReportKind::Avvikelser:
      return {"period"};
    case ReportKind::Nyckeltal:
      return {"matt", "perioder", "format"};
    default:
      return {};
  }
}

ReportRequest readObject(const Object& entry, const std::string& where) {
  // `where` is "file: \"key[i]" without the closing quote, so keys can be appended.
  if (!entry.has("rapport") || !entry.get("rapport").isString())
    fail(where + "\"", "ska ha \"rapport\" med rapportens namn (" + reportKindNames() + ")");
  const std::string name = entry.getValue<std::string>("rapport");
  const auto kind = reportKindFromName(name);
  if (!kind)
    fail(where + ".rapport\"",
         "\"" + name + "\" är ingen känd rapport (kända: " + reportKindNames() + ")");
  ReportRequest request{.kind = *kind};
  const auto allowed = allowedKeys(*kind);
  for (const auto& [key, value] : entry) {
    if (key == "rapport" || key.starts_with('_')) continue;
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    std::string known;
    for (const auto k : allowed) known += (known.empty() ? "" : ", ") + std::string(k);
    fail(where + "." + key + "\"",
         "är ingen känd nyckel för " + name +
             (known.empty() ? " (den har inga egna nycklar)" : " (kända: " + known + ")"));
  }
  if (entry.has("per")) {
    const std::string text = entry.get("per").isString() ? entry.getValue<std::string>("per") : "";
    const auto date = CalendarDate::parse(text);
    const auto period = Period::fromIsoDate(text);
    if (!date || !period || text.size() != 10 || date->day != period->lastDay())
      fail(where + ".per\"", "ska vara en månads sista dag ÅÅÅÅ-MM-DD (t.ex. \"2025-08-31\")");
    request.per = period;
  }
  if (entry.has("period")) {
    const std::string text =
        entry.get("period").isString() ? entry.getValue<std::string>("period") : "";
    request.halfYear = HalfYearPeriod::parse(text);
    if (!request.halfYear)
      fail(where + ".period\"", "ska vara ett halvår eller år (\"2025H1\", \"2025H2\", \"2025\")");
  }
  if (entry.has("matt")) request.nyckeltalIds = textList(entry, "matt", where);
  if (entry.has("perioder"))
    for (const std::string& text : textList(entry, "perioder", where)) {
      const auto period = Period::parse(text);
      if (!period) fail(where + ".perioder\"", "\"" + text + "\" är ingen period ÅÅÅÅMM");
      request.extraPeriods.push_back(*period);
    }
  if (entry.has("format"))
    for (const std::string& format : textList(entry, "format", where)) {
      if (format != "xlsx" && format != "html" && format != "csv")
        fail(where + ".format\"", "\"" + format + "\" ska vara xlsx, html eller csv");
      request.formats.push_back(format);
    }
  return request;
}

}  // namespace

std::string_view reportKindName(ReportKind kind) {
  for (const auto& [k, name] : kNames)
    if (k == kind) return name;
  return "okänd";
}

std::optional<ReportKind> reportKindFromName(std::string_view name) {
  for (const auto& [kind, n] : kNames)
    if (n == name) return kind;
  return std::nullopt;
}

std::string reportKindNames() {
  std::string names;
  for (const auto& [kind, name] : kNames) names += (names.empty() ? "" : ", ") + std::string(name);
  return names;
}

std::vector<ReportRequest> readReportRequests(const Poco::Dynamic::Var& value,
                                              const std::string& where) {
  Array::Ptr list;
  if (value.type() == typeid(Array::Ptr)) list = value.extract<Array::Ptr>();
  if (!list || list->size() == 0)
    fail(where + "\"", "ska vara en lista med rapporter (" + reportKindNames() + ")");
  std::vector<ReportRequest> requests;
  for (unsigned i = 0; i < list->size(); ++i) {
    const std::string at = where + "[" + std::to_string(i + 1) + "]";
    const auto item = list->get(i);
    if (item.isString()) {
      const std::string name = item.extract<std::string>();
      const auto kind = reportKindFromName(name);
      if (!kind)
        fail(at + "\"",
             "\"" + name + "\" är ingen känd rapport (kända: " + reportKindNames() + ")");
      requests.push_back({.kind = *kind});
      continue;
    }
    const Object::Ptr entry = list->getObject(i);
    if (!entry) fail(at + "\"", "ska vara ett rapportnamn eller ett objekt {\"rapport\": …}");
    requests.push_back(readObject(*entry, at));
  }
  return requests;
}

Period delarsrapportPer(const ReportRequest& request, Period runPeriod) {
  if (request.per) return *request.per;
  if (request.kind == ReportKind::Halvarsrapport)
    return runPeriod.month() >= 6 ? Period(runPeriod.year(), 6) : Period(runPeriod.year() - 1, 6);
  return runPeriod;
}

HalfYearPeriod avvikelserPeriod(const ReportRequest& request, Period runPeriod) {
  if (request.halfYear) return *request.halfYear;
  if (runPeriod.month() == 12) return {runPeriod.year(), 2};
  if (runPeriod.month() >= 6) return {runPeriod.year(), 1};
  return {runPeriod.year() - 1, 2};
}

}  // namespace namnd
