#include "reports/manadsrapport/staffing_sections.hpp"

namespace namnd {

// TODO(staffing helper): the real implementation.
std::vector<Section> buildStaffingSections(const StaffingInput&, const ReportTexts&) { return {}; }

}  // namespace namnd
