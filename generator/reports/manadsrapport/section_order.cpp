#include "reports/manadsrapport/section_order.hpp"

#include <algorithm>
#include <array>

#include "core/errors.hpp"

namespace namnd {
namespace {

constexpr std::array<std::string_view, 10> kIds = {
    "omraden",  "lagesbild",   "jamforelse",    "diagram_omraden", "kommentarer",
    "personal", "fordjupning", "transaktioner", "prognostrend",    "kontroller"};

std::string knownList() {
  std::string list;
  for (const std::string_view id : kIds) list += (list.empty() ? "" : ", ") + std::string(id);
  return list;
}

}  // namespace

std::span<const std::string_view> manadsrapportSectionIds() { return kIds; }

std::vector<std::string> manadsrapportSectionOrder(const ReportTexts& texts,
                                                   const std::string& file) {
  std::vector<std::string> order;
  for (const auto& [id, description] : texts.pairs("sektioner", "id", "beskrivning")) {
    if (std::find(kIds.begin(), kIds.end(), id) == kIds.end())
      throw ConfigError(file + ": \"sektioner\": okänd sektion \"" + id +
                        "\" (känner till: " + knownList() + ")");
    if (std::find(order.begin(), order.end(), id) != order.end())
      throw ConfigError(file + ": \"sektioner\": sektionen \"" + id + "\" står två gånger");
    order.push_back(id);
  }
  if (std::find(order.begin(), order.end(), "kontroller") == order.end())
    throw ConfigError(file + ": \"sektioner\": \"kontroller\" måste finnas med");
  return order;
}

}  // namespace namnd
