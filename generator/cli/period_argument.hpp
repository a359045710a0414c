#pragma once
// A --period style option: YYYYMM, checked, with a Swedish usage error.

#include <string>

#include "cli/arguments.hpp"
#include "core/period.hpp"

namespace namnd {

// Throws UsageError when the option is missing or not a period.
Period periodArgument(const Arguments& arguments, const std::string& name);

}  // namespace namnd
