#include "cli/period_argument.hpp"

namespace namnd {

Period periodArgument(const Arguments& arguments, const std::string& name) {
  const std::string text = arguments.required(name);
  const auto period = Period::parse(text);
  if (!period) throw UsageError("--" + name + " ska vara en period ÅÅÅÅMM, inte \"" + text + "\"");
  return *period;
}

}  // namespace namnd
