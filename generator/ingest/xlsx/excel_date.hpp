#pragma once
// Excel date serials (the number behind a date-formatted cell) as ISO dates.

#include <optional>
#include <string>

namespace namnd {

// Which epoch a workbook counts from (workbookPr date1904). Almost every workbook uses 1900.
enum class ExcelDateSystem { k1900, k1904 };

// Serial → "YYYY-MM-DD"; a time of day (the fraction) is ignored. The 1900 system starts at
// 1 = 1900-01-01 and keeps Excel's fictitious 1900-02-29 (serial 60); the 1904 system starts at
// 0 = 1904-01-01. nullopt before the start, after 9999-12-31, or for NaN/Inf.
std::optional<std::string> excelSerialToIsoDate(double serial,
                                                ExcelDateSystem system = ExcelDateSystem::k1900);

}  // namespace namnd
