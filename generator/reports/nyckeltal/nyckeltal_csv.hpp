#pragma once
// The long format of a nyckeltal extract, for loading into other tools (R, Power BI, Excel):
// UTF-8 without BOM, ';' between fields, '\n' after each line, a header line
//
//   kommun;period;id;org;värde
//
// and one line per definition, requested period and org row: period YYYYMM, id the definition's,
// org the node's code, värde the displayed value in the definition's unit (percent for "%")
// with a decimal comma and no thousands separator — empty when the figure has no value (the
// workbook says why). Fields holding ';', '"' or a line break are quoted (RFC 4180).

#include <string>
#include <vector>

#include "reports/nyckeltal/nyckeltal_report.hpp"

namespace namnd {

std::string nyckeltalCsv(const std::vector<NyckeltalResult>& results, const std::string& kommun);

}  // namespace namnd
