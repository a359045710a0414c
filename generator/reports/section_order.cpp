#include "reports/section_order.hpp"

#include <algorithm>

#include "core/errors.hpp"

namespace namnd {
namespace {

[[noreturn]] void fail(const std::string& file, const std::string& problem) {
  throw ConfigError(file + ": \"sektioner\": " + problem);
}

}  // namespace

std::vector<PlannedSection> sectionPlan(const ReportTexts& texts,
                                        const std::vector<std::string>& known,
                                        const std::string& file) {
  std::vector<PlannedSection> plan;
  std::vector<std::string> seen;
  int parts = 0;
  const auto items = texts.objects("sektioner");
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& item = items[i];
    const std::string where = "element " + std::to_string(i + 1);
    const bool hasId = item.contains("id");
    const bool hasPart = item.contains("del");
    if (hasId && hasPart)
      fail(file, where + " har både \"id\" och \"del\": en rad är antingen en sektion eller " +
                     "början på en del av dokumentet");
    if (hasPart) {
      plan.push_back(
          {.isPart = true, .id = "del-" + std::to_string(++parts), .partTitle = item.at("del")});
      continue;
    }
    if (!hasId)
      fail(file, where + " ska ha \"id\" (en sektion) eller \"del\" (rubriken för en del av " +
                     "dokumentet)");
    const std::string& id = item.at("id");
    if (std::find(known.begin(), known.end(), id) == known.end()) {
      std::string list;
      for (const std::string& k : known) list += (list.empty() ? "" : ", ") + k;
      fail(file, "okänd sektion \"" + id + "\" (känner till: " + list + ")");
    }
    if (std::find(seen.begin(), seen.end(), id) != seen.end())
      fail(file, "sektionen \"" + id + "\" står två gånger");
    seen.push_back(id);
    plan.push_back({.isPart = false, .id = id, .partTitle = {}});
  }
  if (std::find(seen.begin(), seen.end(), "kontroller") == seen.end())
    fail(file, "\"kontroller\" måste finnas med");
  return plan;
}

std::vector<std::string> sectionOrder(const ReportTexts& texts,
                                      const std::vector<std::string>& known,
                                      const std::string& file) {
  std::vector<std::string> order;
  for (const PlannedSection& item : sectionPlan(texts, known, file))
    if (!item.isPart) order.push_back(item.id);
  return order;
}

PartHeading partHeading(const PlannedSection& part, const PlaceholderValues& values,
                        const std::string& file) {
  try {
    return PartHeading{.id = part.id, .title = expandPlaceholders(part.partTitle, values)};
  } catch (const ConfigError& e) {
    fail(file, "delen \"" + part.partTitle + "\": " + e.what());
  }
}

}  // namespace namnd
