#include "reports/delarsrapport/delar_appendix_tables.hpp"

namespace namnd {

// TODO(delar-tables helper): the real implementations.
std::vector<Section> buildBudgetramSections(const DelarAppendixInput&, const ReportTexts&) {
  return {};
}
std::vector<Section> buildInvesteringarSections(const DelarAppendixInput&, const ReportTexts&) {
  return {};
}
std::vector<Section> buildMalSections(const DelarAppendixInput&, const ReportTexts&) { return {}; }

}  // namespace namnd
