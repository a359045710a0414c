#include "reports/manadsrapport/section_order.hpp"

#include <array>

#include "reports/section_order.hpp"

namespace namnd {
namespace {

constexpr std::array<std::string_view, 10> kIds = {
    "omraden",  "lagesbild",   "jamforelse",    "diagram_omraden", "kommentarer",
    "personal", "fordjupning", "transaktioner", "prognostrend",    "kontroller"};

const std::vector<std::string>& known() {
  static const std::vector<std::string> kKnown(kIds.begin(), kIds.end());
  return kKnown;
}

}  // namespace

std::span<const std::string_view> manadsrapportSectionIds() { return kIds; }

std::vector<std::string> manadsrapportSectionOrder(const ReportTexts& texts,
                                                   const std::string& file) {
  return sectionOrder(texts, known(), file);
}

std::vector<PlannedSection> manadsrapportSectionPlan(const ReportTexts& texts,
                                                     const std::string& file) {
  return sectionPlan(texts, known(), file);
}

}  // namespace namnd
