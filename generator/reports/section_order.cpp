#include "reports/section_order.hpp"

#include <algorithm>

#include "core/errors.hpp"

namespace namnd {

std::vector<std::string> sectionOrder(const ReportTexts& texts,
                                      const std::vector<std::string>& known,
                                      const std::string& file) {
  std::vector<std::string> order;
  for (const auto& [id, description] : texts.pairs("sektioner", "id", "beskrivning")) {
    if (std::find(known.begin(), known.end(), id) == known.end()) {
      std::string list;
      for (const std::string& k : known) list += (list.empty() ? "" : ", ") + k;
      throw ConfigError(file + ": \"sektioner\": okänd sektion \"" + id +
                        "\" (känner till: " + list + ")");
    }
    if (std::find(order.begin(), order.end(), id) != order.end())
      throw ConfigError(file + ": \"sektioner\": sektionen \"" + id + "\" står två gånger");
    order.push_back(id);
  }
  if (std::find(order.begin(), order.end(), "kontroller") == order.end())
    throw ConfigError(file + ": \"sektioner\": \"kontroller\" måste finnas med");
  return order;
}

}  // namespace namnd
